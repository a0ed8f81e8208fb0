// Run history: every run the project keeps (single runs and sweep runs), to rename, delete,
// pick for an overlay of their curves, and re-run with their own seed and settings (the app
// then says whether the new curve is identical, as it must be).
import { useId, useMemo, useState } from 'react';
import { metricsFromRunCurves, parseSweepSettingKey, resultRow, SWEEP_SETTING_LABELS, sweepValueLabel, type RunRecord } from '../../core/index';
import { ChartCard } from '../compare/ChartCard';
import { downloadCsv, downloadReport, fileStem } from '../compare/export';
import { overlayOption } from '../../report/charts/overlay-options';
import { ResultsTable } from '../compare/ResultsTable';
import { useProjectStore } from '../store/project';
import { useSweepStore } from '../store/sweep';
import { useHistoryStore } from './history-store';
import '../compare/compare.css';

/** "Learning rate 0.05" for a sweep run, "" for a single run. */
export function sweepText(run: RunRecord): string {
  if (!run.sweep) return '';
  const key = parseSweepSettingKey(run.sweep.setting);
  if (!key) return `${run.sweep.setting}: ${run.sweep.value}`;
  // Numbers read best bare after the setting's name ("Learning rate: 0.05"); names get their label ("Identity (no activation)").
  const numeric = key.setting === 'lr' || key.setting === 'hidden' || key.setting === 'seed';
  return `${SWEEP_SETTING_LABELS[key.setting]}: ${numeric ? run.sweep.value : sweepValueLabel(key.setting, run.sweep.value)}`;
}

function NameCell({ run }: { run: RunRecord }) {
  const rename = useHistoryStore((s) => s.rename);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(run.name);
  if (!editing) {
    return (
      <>
        <span className="run-name">{run.name}</span>{' '}
        <button
          type="button"
          aria-label={`Rename ${run.name}`}
          onClick={() => {
            setText(run.name);
            setEditing(true);
          }}
        >
          Rename
        </button>
      </>
    );
  }
  const commit = () => {
    rename(run.id, text);
    setEditing(false);
  };
  return (
    <input
      type="text"
      aria-label={`New name for ${run.name}`}
      value={text}
      autoFocus
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setEditing(false);
      }}
    />
  );
}

export function RunHistory() {
  const runs = useProjectStore((s) => s.project.runs);
  const projectName = useProjectStore((s) => s.project.name);
  const picked = useHistoryStore((s) => s.picked);
  const togglePick = useHistoryStore((s) => s.togglePick);
  const remove = useHistoryStore((s) => s.remove);
  const rerunRun = useHistoryStore((s) => s.rerunRun);
  const rerun = useHistoryStore((s) => s.rerun);
  const weightsByRun = useSweepStore((s) => s.weightsByRun);
  const captionId = useId();

  const pickedRuns = useMemo(() => picked.map((id) => runs.find((r) => r.id === id)).filter((r): r is RunRecord => r !== undefined), [picked, runs]);
  const series = useMemo(() => pickedRuns.map((r) => ({ label: r.name, metrics: metricsFromRunCurves(r.curves) })), [pickedRuns]);
  const lossOpt = useMemo(() => overlayOption(series, 'loss', { logLoss: 'auto', title: 'Loss per epoch, picked runs' }), [series]);
  const accOpt = useMemo(() => overlayOption(series, 'accuracy', { title: 'Accuracy per epoch, picked runs' }), [series]);
  const rows = useMemo(() => runs.map((r) => resultRow(r, r.name)), [runs]);
  const pickedRows = useMemo(() => pickedRuns.map((r) => resultRow(r, r.name)), [pickedRuns]);
  const hasTest = rows.some((r) => r.testAccuracy !== null);
  const source = rerun ? runs.find((r) => r.id === rerun.sourceId) : undefined;

  if (!runs.length) {
    return (
      <section className="run-history" aria-label="Runs">
        <p className="hint">No runs yet. Every run you train (alone or in a sweep) is kept here, with its settings and curves.</p>
      </section>
    );
  }
  return (
    <section className="run-history" aria-label="Runs">
      <table className="results-table" aria-describedby={captionId}>
        <caption id={captionId}>Runs kept in this project ({runs.length})</caption>
        <thead>
          <tr>
            <th scope="col">Overlay</th>
            <th scope="col">Name</th>
            <th scope="col">Sweep</th>
            <th scope="col">Accuracy</th>
            <th scope="col">Started</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-run-id={r.id}>
              <td>
                <input type="checkbox" aria-label={`Overlay ${r.name}`} checked={picked.includes(r.id)} onChange={() => togglePick(r.id)} />
              </td>
              <th scope="row">
                <NameCell key={r.name} run={r} />
              </th>
              <td>{sweepText(r)}</td>
              <td>{r.result.accuracy === null ? '–' : `${(r.result.accuracy * 100).toFixed(1)}%`}</td>
              <td>{r.createdAt ? r.createdAt.replace('T', ' ').slice(0, 16) : ''}</td>
              <td>
                <div className="history-actions">
                  <button type="button" aria-label={`Re-run ${r.name}`} disabled={rerun?.status === 'running'} onClick={() => void rerunRun(r.id)}>
                    Re-run
                  </button>
                  <button type="button" aria-label={`Delete ${r.name}`} onClick={() => remove([r.id])}>
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rerun ? (
        <p role="status" data-testid="rerun-status">
          {rerun.status === 'running'
            ? `Re-running ${source?.name ?? 'the run'}: epoch ${rerun.epochs} of ${rerun.totalEpochs}…`
            : rerun.status === 'error'
              ? `The re-run could not finish: ${rerun.message ?? 'unknown error'}`
              : rerun.identical
                ? `Re-run of ${source?.name ?? 'the run'} finished: the curve is identical, epoch for epoch.`
                : `Re-run of ${source?.name ?? 'the run'} finished, but the curve differs: the network or the data changed since that run.`}
        </p>
      ) : null}
      <div className="history-actions" role="group" aria-label="History actions">
        <button type="button" onClick={() => downloadCsv(rows, `${fileStem(projectName)}-runs.csv`)}>
          Runs as CSV
        </button>
        <button type="button" onClick={() => downloadReport(useProjectStore.getState().project, weightsByRun, new Date())}>
          Lab report
        </button>
        <button type="button" disabled={!picked.length} onClick={() => remove(picked)}>
          Delete picked
        </button>
      </div>
      {pickedRuns.length ? (
        <>
          <div className="overlay-charts">
            <ChartCard option={lossOpt} label="Picked runs loss chart" fileStem={`${fileStem(projectName)}-runs-loss`} series={series.length} />
            <ChartCard option={accOpt} label="Picked runs accuracy chart" fileStem={`${fileStem(projectName)}-runs-accuracy`} series={series.length} />
          </div>
          <ResultsTable rows={pickedRows} firstColumn="Run" hasTest={hasTest} caption="Picked runs" />
        </>
      ) : (
        <p className="hint">Tick runs to overlay their curves.</p>
      )}
    </section>
  );
}
