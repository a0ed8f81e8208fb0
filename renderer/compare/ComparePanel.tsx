// The Compare view: "change one thing". Pick a setting and its values (the lab's presets, or
// typed ones), run them all at once, watch each run's progress, stop them all; then read the
// overlaid loss and accuracy curves (legend by value), the decision boundaries side by side
// (2-D data) and the sortable results table; export charts, the table and the lab report.
import { useId, useMemo, useState } from 'react';
import {
  compileModel,
  datasetInputShape,
  MAX_SWEEP_SEEDS,
  hiddenActivationIds,
  hiddenLinearIds,
  isStructural,
  skipAddIds,
  projectToSpec,
  SWEEP_PRESETS,
  SWEEP_SETTING_HELP,
  SWEEP_SETTING_LABELS,
  SWEEP_SETTINGS,
  sweepValueLabel,
  type Project,
  type SweepSetting,
} from '../../core/index';
import { boundaryCanvas } from '../charts/boundary-image';
import { boundaryOption } from '../../report/charts/boundary-options';
import { useDatasetView } from '../charts/dataset-view';
import { EChart } from '../charts/EChart';
import { boundaryExtent } from '../../report/charts/plot-data';
import { useThrottled } from '../charts/use-throttled';
import { useProjectStore } from '../store/project';
import { useSweepStore, type SweepRunView } from '../store/sweep';
import { useTrainingStore } from '../store/training';
import { useUiStore } from '../store/ui';
import { isActive } from '../store/training-events';
import { ChartCard } from './ChartCard';
import { downloadCsv, downloadReport, fileStem } from './export';
import { NumberField, CheckField } from '../training/fields';
import { bandOption, overlayOption } from '../../report/charts/overlay-options';
import { ResultsTable } from './ResultsTable';
import { SummaryTable } from './SummaryTable';
import { smallMultiple } from '../../report/charts/small-boundary';
import { runLabel, runProgress, sweepBands, sweepRows, sweepSeries, valueSummaries } from './rows';
import './compare.css';

/** How often the overlaid charts redraw while runs go (several runs feed them at once). */
const LIVE_INTERVAL_MS = 300;

/** Which nodes a structural sweep would change, for the hint under the picker. */
function changedNodes(project: Project, setting: SweepSetting, selected: readonly string[]): string[] {
  if (setting === 'skip') return skipAddIds(projectToSpec(project));
  if (setting !== 'hidden' && setting !== 'activation') return [];
  const compiled = compileModel(projectToSpec(project), datasetInputShape(project.dataset));
  if (!compiled.ok) return [];
  if (setting === 'activation') return hiddenActivationIds(compiled.model.layers);
  const hidden = hiddenLinearIds(compiled.model.layers);
  const picked = hidden.filter((id) => selected.includes(id));
  return picked.length ? picked : hidden;
}

function ValuePicker() {
  const setting = useSweepStore((s) => s.setting);
  const values = useSweepStore((s) => s.values);
  const setValues = useSweepStore((s) => s.setValues);
  const running = useSweepStore((s) => s.status === 'running');
  const [typed, setTyped] = useState('');
  const inputId = useId();
  // Presets first (in the lab's order), then anything typed.
  const options = [...SWEEP_PRESETS[setting], ...values.filter((v) => !SWEEP_PRESETS[setting].includes(v))];
  const toggle = (v: string) => setValues(values.includes(v) ? values.filter((x) => x !== v) : options.filter((o) => o === v || values.includes(o)));
  const add = () => {
    const parts = typed.split(',').map((t) => t.trim()).filter(Boolean);
    if (!parts.length) return;
    setValues([...values, ...parts.filter((p) => !values.includes(p))]);
    setTyped('');
  };
  return (
    <fieldset className="sweep-values" disabled={running}>
      <legend>Values to try</legend>
      <div className="value-chips">
        {options.map((v) => (
          <label key={v} className="chip">
            <input type="checkbox" checked={values.includes(v)} onChange={() => toggle(v)} />
            {sweepValueLabel(setting, v)}
          </label>
        ))}
      </div>
      <div className="add-value">
        <label htmlFor={inputId}>Other values</label>
        <input
          id={inputId}
          type="text"
          value={typed}
          placeholder="e.g. 0.1, 0.2"
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
        />
        <button type="button" onClick={add}>
          Add
        </button>
      </div>
    </fieldset>
  );
}

/** Seeds per value and new data per seed: what makes a sweep's answer more than one seed's luck. */
function SeedFields() {
  const setting = useSweepStore((s) => s.setting);
  const seedCount = useSweepStore((s) => s.seedCount);
  const newData = useSweepStore((s) => s.newData);
  const setSeedCount = useSweepStore((s) => s.setSeedCount);
  const setNewData = useSweepStore((s) => s.setNewData);
  const running = useSweepStore((s) => s.status === 'running');
  const generated = useProjectStore((s) => s.project.dataset.kind === 'generator');
  const seed = useProjectStore((s) => s.project.training.seed);
  return (
    <fieldset className="sweep-seeds" disabled={running}>
      <legend>Seeds</legend>
      {setting === 'seed' ? (
        <p className="hint">The seed is the setting that varies: each value is one seed.</p>
      ) : (
        <NumberField
          label="Seeds per value"
          value={seedCount}
          rule={{ min: 1, max: MAX_SWEEP_SEEDS, integer: true }}
          help={`Each value trains once per seed, seeds ${seed} to ${seed + seedCount - 1}; the results show the median and the range.`}
          onCommit={(v) => setSeedCount(v ?? seedCount)}
        />
      )}
      <CheckField label="New data for every seed" checked={newData && generated} disabled={!generated} onChange={setNewData} />
      {!generated ? <p className="hint">Imported data stays the same for every seed.</p> : null}
    </fieldset>
  );
}

function RunProgressList({ runs, repeated }: { runs: SweepRunView[]; repeated: boolean }) {
  return (
    <ul className="sweep-runs" aria-label="Sweep runs">
      {runs.map((r) => {
        const p = runProgress(r);
        const label = runLabel(r, repeated);
        return (
          <li key={r.runId ?? r.value} data-status={r.status}>
            <span className="run-label">{label}</span>
            <div className="progress-bar" role="progressbar" aria-label={`${label} progress`} aria-valuemin={0} aria-valuemax={r.totalEpochs} aria-valuenow={r.metrics.length}>
              <div className="progress-fill" style={{ width: `${Math.round(p * 100)}%` }} />
            </div>
            <span className="run-status">
              {r.status === 'starting' && r.metrics.length === 0 ? 'waiting' : r.status === 'running' || r.status === 'starting' ? `${r.metrics.length} / ${r.totalEpochs}` : r.status}
            </span>
            {r.message ? <span className="run-error">{r.message.title}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

function BoundaryMultiples({ runs: all, repeated }: { runs: SweepRunView[]; repeated: boolean }) {
  // Over seeds: the first seed of each value, so there is one boundary per value.
  const runs = useMemo(() => (repeated ? all.filter((r, i) => all.findIndex((o) => o.value === r.value) === i) : all), [all, repeated]);
  const view = useDatasetView();
  const plot = view.ok && view.kind === 'points2d' ? view.plot : null;
  const options = useMemo(
    () =>
      plot
        ? runs.map((r) => {
            if (!r.boundary) return null;
            return smallMultiple(boundaryOption(r.boundary, plot, boundaryExtent(plot, r.boundary.res), boundaryCanvas(r.boundary)), runLabel(r, repeated));
          })
        : [],
    [runs, plot],
  );
  if (!plot || options.every((o) => o === null)) return null;
  return (
    <div className="boundary-multiples" data-testid="sweep-boundaries">
      {options.map((o, i) => (o ? <EChart key={runs[i].runId ?? i} option={o} label={`Decision boundary, ${runLabel(runs[i], repeated)}`} height={170} /> : null))}
    </div>
  );
}

export function ComparePanel() {
  const setting = useSweepStore((s) => s.setting);
  const setSetting = useSweepStore((s) => s.setSetting);
  const status = useSweepStore((s) => s.status);
  const runs = useSweepStore((s) => s.runs);
  const plan = useSweepStore((s) => s.plan);
  const problems = useSweepStore((s) => s.problems);
  const values = useSweepStore((s) => s.values);
  const weightsByRun = useSweepStore((s) => s.weightsByRun);
  const start = useSweepStore((s) => s.start);
  const stopAll = useSweepStore((s) => s.stopAll);
  const clear = useSweepStore((s) => s.clear);
  const project = useProjectStore((s) => s.project);
  const singleRunActive = useTrainingStore((s) => isActive(s.status));
  const selected = useUiStore((s) => s.selectedNodeIds);
  const settingId = useId();
  const helpId = useId();
  const nodes = useMemo(() => changedNodes(project, setting, selected), [project, setting, selected]);

  const running = status === 'running';
  const repeated = (plan?.seeds.length ?? 0) > 1;
  const shownRuns = useThrottled(runs, LIVE_INTERVAL_MS, running);
  const label = plan?.settingLabel ?? SWEEP_SETTING_LABELS[setting];
  const totalEpochs = runs.reduce((m, r) => Math.max(m, r.totalEpochs), 1);
  const charts = useMemo(() => {
    const lossTitle = `Loss per epoch, by ${label.toLowerCase()}${repeated ? ': median of the seeds, band from lowest to highest' : ''}`;
    const accTitle = `Accuracy per epoch, by ${label.toLowerCase()}${repeated ? ': median and range of the seeds' : ''}`;
    if (repeated) {
      const loss = sweepBands(shownRuns, 'loss');
      const acc = sweepBands(shownRuns, 'accuracy');
      return { count: loss.length, loss: bandOption(loss, 'loss', { logLoss: 'auto', title: lossTitle, totalEpochs }), acc: bandOption(acc, 'accuracy', { title: accTitle, totalEpochs }) };
    }
    const series = sweepSeries(shownRuns);
    return { count: series.length, loss: overlayOption(series, 'loss', { logLoss: 'auto', title: lossTitle, totalEpochs }), acc: overlayOption(series, 'accuracy', { title: accTitle, totalEpochs }) };
  }, [shownRuns, label, totalEpochs, repeated]);
  const rows = useMemo(() => sweepRows(runs, repeated), [runs, repeated]);
  const summaries = useMemo(() => (repeated ? valueSummaries(runs) : []), [runs, repeated]);
  const hasTest = rows.some((r) => r.testAccuracy !== null);
  const stem = fileStem(`${project.name} ${label}`);
  const why = singleRunActive ? 'A training run is in progress; stop it or let it finish first.' : values.length === 0 ? 'Pick at least one value.' : null;

  return (
    <section className="compare-panel" aria-label="Compare">
      <div className="sweep-setup">
        <div className="field">
          <label htmlFor={settingId}>Setting to vary</label>
          <select id={settingId} value={setting} disabled={running} aria-describedby={helpId} onChange={(e) => setSetting(e.target.value as SweepSetting)}>
            {SWEEP_SETTINGS.map((s) => (
              <option key={s} value={s}>
                {SWEEP_SETTING_LABELS[s]}
              </option>
            ))}
          </select>
          <p id={helpId} className="hint">
            {SWEEP_SETTING_HELP[setting]} Everything else stays as it is: the data, the split and, for each seed, the starting weights.
          </p>
          {isStructural(setting) ? (
            <p className="hint" data-testid="sweep-nodes">
              {nodes.length
                ? `${setting === 'skip' ? 'Without the skip, removes' : 'Changes'} ${nodes.length === 1 ? 'node' : 'nodes'} ${nodes.join(', ')}${setting === 'hidden' ? ' (select Linear blocks on the canvas to change only those)' : ''}.`
                : setting === 'skip'
                  ? 'This network has no skip connection (an Add that sums a block’s input with its output) to remove.'
                  : `This network has no hidden ${setting === 'hidden' ? 'Linear layer' : 'activation'} to change.`}
            </p>
          ) : null}
        </div>
        <ValuePicker />
        <SeedFields />
        <div className="run-controls" role="group" aria-label="Sweep controls">
          <button type="button" className="primary" disabled={running || why !== null} onClick={() => void start()}>
            Run sweep
          </button>
          <button type="button" disabled={!running} onClick={() => void stopAll()}>
            Stop all
          </button>
          {why && !running ? <span className="hint">{why}</span> : null}
        </div>
        {problems.length ? (
          <div className="run-message" role="alert">
            <p className="run-message-title">{status === 'idle' ? 'The sweep could not start.' : 'About this sweep'}</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      {runs.length ? (
        <div className="sweep-results" data-testid="sweep-results" data-status={status}>
          <RunProgressList runs={runs} repeated={repeated} />
          <div className="overlay-charts">
            <ChartCard option={charts.loss} label="Sweep loss chart" fileStem={`${stem}-loss`} testId="sweep-loss-chart" series={charts.count} />
            <ChartCard option={charts.acc} label="Sweep accuracy chart" fileStem={`${stem}-accuracy`} testId="sweep-accuracy-chart" series={charts.count} />
          </div>
          <BoundaryMultiples runs={shownRuns} repeated={repeated} />
          {summaries.length ? (
            <SummaryTable values={summaries} firstColumn={label} caption={`By ${label.toLowerCase()}, over ${plan?.seeds.length} seeds${plan?.newData ? ' (new data per seed)' : ''}`} testId="sweep-summary" />
          ) : null}
          {rows.length ? <ResultsTable rows={rows} firstColumn={label} hasTest={hasTest} caption={`Results by ${label.toLowerCase()}`} testId="sweep-table" /> : null}
          <div className="exports" role="group" aria-label="Export results">
            <button type="button" disabled={!rows.length} onClick={() => downloadCsv(rows, `${stem}.csv`)}>
              Table as CSV
            </button>
            <button type="button" disabled={running} onClick={() => downloadReport(useProjectStore.getState().project, weightsByRun, new Date())}>
              Lab report
            </button>
            <button type="button" disabled={running} onClick={clear} title="The runs stay in the project's history (Runs).">
              Clear results
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
