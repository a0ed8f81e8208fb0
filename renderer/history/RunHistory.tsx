// Run history: every run the project keeps (single runs and sweep runs), to rename, delete,
// pick for an overlay of their curves, and re-run with their own seed and settings (the app
// then says whether the new curve is identical, as it must be).
import { useChartWords } from '../i18n/chart-words';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { metricsFromRunCurves, parseSweepSettingKey, render, resultRow, say, sweepSettingSaid, sweepValueSaid, type Language, type RunRecord } from '../../core/index';
import { ChartCard } from '../compare/ChartCard';
import { downloadCsv, downloadReport, fileStem } from '../compare/export';
import { overlayOption } from '../../report/charts/overlay-options';
import { ResultsTable } from '../compare/ResultsTable';
import { useProjectStore } from '../store/project';
import { useSweepStore } from '../store/sweep';
import { useHistoryStore } from './history-store';
import '../compare/compare.css';

/** "Learning rate: 0.05" for a sweep run, in `language`; "" for a single run. */
export function sweepText(run: RunRecord, language: Language = 'en'): string {
  if (!run.sweep) return '';
  const key = parseSweepSettingKey(run.sweep.setting);
  if (!key) return render(say('sweep.settingValue', { setting: run.sweep.setting, value: run.sweep.value }), language);
  // Numbers read best bare after the setting's name ("Learning rate: 0.05"); names get their label ("Identity (no activation)").
  const numeric = key.setting === 'lr' || key.setting === 'hidden' || key.setting === 'seed';
  const value = numeric ? run.sweep.value : sweepValueSaid(key.setting, run.sweep.value);
  return render(say('sweep.settingValue', { setting: sweepSettingSaid(key.setting), value }), language);
}

function NameCell({ run }: { run: RunRecord }) {
  const { t } = useTranslation();
  const rename = useHistoryStore((s) => s.rename);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(run.name);
  if (!editing) {
    return (
      <>
        <span className="run-name">{run.name}</span>{' '}
        <button
          type="button"
          aria-label={t('runs.renameName', { name: run.name })}
          onClick={() => {
            setText(run.name);
            setEditing(true);
          }}
        >
          {t('runs.rename')}
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
      aria-label={t('runs.newName', { name: run.name })}
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
  const { t, i18n } = useTranslation();

  const pickedRuns = useMemo(() => picked.map((id) => runs.find((r) => r.id === id)).filter((r): r is RunRecord => r !== undefined), [picked, runs]);
  const series = useMemo(() => pickedRuns.map((r) => ({ label: r.name, metrics: metricsFromRunCurves(r.curves) })), [pickedRuns]);
  const words = useChartWords();
  const lossOpt = useMemo(() => overlayOption(series, 'loss', { logLoss: 'auto', title: t('runs.lossTitle'), words }), [series, t, words]);
  const accOpt = useMemo(() => overlayOption(series, 'accuracy', { title: t('runs.accuracyTitle'), words }), [series, t, words]);
  const rows = useMemo(() => runs.map((r) => resultRow(r, r.name)), [runs]);
  const pickedRows = useMemo(() => pickedRuns.map((r) => resultRow(r, r.name)), [pickedRuns]);
  const hasTest = rows.some((r) => r.testAccuracy !== null);
  const source = rerun ? runs.find((r) => r.id === rerun.sourceId) : undefined;

  if (!runs.length) {
    return (
      <section className="run-history" aria-label={t('runs.label')}>
        <p className="hint">{t('runs.none')}</p>
      </section>
    );
  }
  return (
    <section className="run-history" aria-label={t('runs.label')}>
      <table className="results-table" aria-describedby={captionId}>
        <caption id={captionId}>{t('runs.caption', { count: runs.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('runs.overlay')}</th>
            <th scope="col">{t('runs.name')}</th>
            <th scope="col">{t('runs.sweep')}</th>
            <th scope="col">{t('runs.accuracy')}</th>
            <th scope="col">{t('runs.started')}</th>
            <th scope="col">{t('runs.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-run-id={r.id}>
              <td>
                <input type="checkbox" aria-label={t('runs.overlayName', { name: r.name })} checked={picked.includes(r.id)} onChange={() => togglePick(r.id)} />
              </td>
              <th scope="row">
                <NameCell key={r.name} run={r} />
              </th>
              <td>{sweepText(r, i18n.language as Language)}</td>
              <td>{r.result.accuracy === null ? '–' : `${(r.result.accuracy * 100).toFixed(1)}%`}</td>
              <td>{r.createdAt ? r.createdAt.replace('T', ' ').slice(0, 16) : ''}</td>
              <td>
                <div className="history-actions">
                  <button type="button" aria-label={t('runs.rerunName', { name: r.name })} disabled={rerun?.status === 'running'} onClick={() => void rerunRun(r.id)}>
                    {t('runs.rerun')}
                  </button>
                  <button type="button" aria-label={t('runs.deleteName', { name: r.name })} onClick={() => remove([r.id])}>
                    {t('runs.delete')}
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
            ? t('runs.rerunning', { name: source?.name ?? t('runs.theRun'), epoch: rerun.epochs, total: rerun.totalEpochs })
            : rerun.status === 'error'
              ? t('runs.rerunFailed', { message: rerun.message ?? t('runs.unknownError') })
              : rerun.identical
                ? t('runs.rerunIdentical', { name: source?.name ?? t('runs.theRun') })
                : t('runs.rerunDiffers', { name: source?.name ?? t('runs.theRun') })}
        </p>
      ) : null}
      <div className="history-actions" role="group" aria-label={t('runs.historyActions')}>
        <button type="button" onClick={() => downloadCsv(rows, `${fileStem(projectName)}-runs.csv`)}>
          {t('runs.csv')}
        </button>
        <button type="button" onClick={() => downloadReport(useProjectStore.getState().project, weightsByRun, new Date())}>
          {t('runs.report')}
        </button>
        <button type="button" disabled={!picked.length} onClick={() => remove(picked)}>
          {t('runs.deletePicked')}
        </button>
      </div>
      {pickedRuns.length ? (
        <>
          <div className="overlay-charts">
            <ChartCard option={lossOpt} label={t('runs.lossChart')} fileStem={`${fileStem(projectName)}-runs-loss`} series={series.length} />
            <ChartCard option={accOpt} label={t('runs.accuracyChart')} fileStem={`${fileStem(projectName)}-runs-accuracy`} series={series.length} />
          </div>
          <ResultsTable rows={pickedRows} firstColumn={t('runs.run')} hasTest={hasTest} caption={t('runs.picked')} />
        </>
      ) : (
        <p className="hint">{t('runs.tick')}</p>
      )}
    </section>
  );
}
