// The Compare view: "change one thing". Pick a setting and its values (the lab's presets, or
// typed ones), run them all at once, watch each run's progress, stop them all; then read the
// overlaid loss and accuracy curves (legend by value), the decision boundaries side by side
// (2-D data) and the sortable results table; export charts, the table and the lab report.
import { useChartWords } from '../i18n/chart-words';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  sweepSettingHelpSaid,
  sweepSettingSaid,
  sweepValueLabel,
  sweepValueSaid,
  type Language,
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
import { useSpoken } from '../i18n/core-text';
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

/** A value's chip text in the app's language ("lr 0.05", "全批次"). */
function valueLabel(speak: ReturnType<typeof useSpoken>, setting: SweepSetting, value: string): string {
  const said = sweepValueSaid(setting, value);
  return typeof said === 'string' ? said : speak({ message: sweepValueLabel(setting, value), text: said });
}

function ValuePicker() {
  const { t } = useTranslation();
  const setting = useSweepStore((s) => s.setting);
  const values = useSweepStore((s) => s.values);
  const setValues = useSweepStore((s) => s.setValues);
  const running = useSweepStore((s) => s.status === 'running');
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const speak = useSpoken();
  // Presets first (in the lab's order), then anything typed.
  const options = [...SWEEP_PRESETS[setting], ...values.filter((v) => !SWEEP_PRESETS[setting].includes(v))];
  const toggle = (v: string) => setValues(values.includes(v) ? values.filter((x) => x !== v) : options.filter((o) => o === v || values.includes(o)));
  const add = () => {
    const parts = typed.split(',').map((p) => p.trim()).filter(Boolean);
    if (!parts.length) return;
    setValues([...values, ...parts.filter((p) => !values.includes(p))]);
    setTyped('');
  };
  return (
    <fieldset className="sweep-values" disabled={running}>
      <legend>{t('compare.valuesToTry')}</legend>
      <div className="value-chips">
        {options.map((v) => (
          <label key={v} className="chip">
            <input type="checkbox" checked={values.includes(v)} onChange={() => toggle(v)} />
            {valueLabel(speak, setting, v)}
          </label>
        ))}
      </div>
      <div className="add-value">
        <label htmlFor={inputId}>{t('compare.otherValues')}</label>
        <input
          id={inputId}
          type="text"
          value={typed}
          placeholder={t('compare.otherValuesPlaceholder')}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
        />
        <button type="button" onClick={add}>
          {t('compare.add')}
        </button>
      </div>
    </fieldset>
  );
}

/** Seeds per value and new data per seed: what makes a sweep's answer more than one seed's luck. */
function SeedFields() {
  const { t } = useTranslation();
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
      <legend>{t('compare.seeds')}</legend>
      {setting === 'seed' ? (
        <p className="hint">{t('compare.seedVaries')}</p>
      ) : (
        <NumberField
          label={t('compare.seedsPerValue')}
          value={seedCount}
          rule={{ min: 1, max: MAX_SWEEP_SEEDS, integer: true }}
          help={t('compare.seedsPerValueHelp', { first: seed, last: seed + seedCount - 1 })}
          onCommit={(v) => setSeedCount(v ?? seedCount)}
        />
      )}
      <CheckField label={t('compare.newData')} checked={newData && generated} disabled={!generated} onChange={setNewData} />
      {!generated ? <p className="hint">{t('compare.importedSame')}</p> : null}
    </fieldset>
  );
}

function RunProgressList({ runs, repeated }: { runs: SweepRunView[]; repeated: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="sweep-runs" aria-label={t('compare.sweepRuns')}>
      {runs.map((r) => {
        const p = runProgress(r);
        const label = runLabel(r, repeated);
        return (
          <li key={r.runId ?? r.value} data-status={r.status}>
            <span className="run-label">{label}</span>
            <div className="progress-bar" role="progressbar" aria-label={t('compare.runProgress', { label })} aria-valuemin={0} aria-valuemax={r.totalEpochs} aria-valuenow={r.metrics.length}>
              <div className="progress-fill" style={{ width: `${Math.round(p * 100)}%` }} />
            </div>
            <span className="run-status">
              {r.status === 'starting' && r.metrics.length === 0 ? t('compare.waiting') : r.status === 'running' || r.status === 'starting' ? `${r.metrics.length} / ${r.totalEpochs}` : t(`training.status.${r.status}`)}
            </span>
            {r.message ? <span className="run-error">{r.message.title}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

function BoundaryMultiples({ runs: all, repeated }: { runs: SweepRunView[]; repeated: boolean }) {
  const { t } = useTranslation();
  // Over seeds: the first seed of each value, so there is one boundary per value.
  const runs = useMemo(() => (repeated ? all.filter((r, i) => all.findIndex((o) => o.value === r.value) === i) : all), [all, repeated]);
  const view = useDatasetView();
  const words = useChartWords();
  const plot = view.ok && view.kind === 'points2d' ? view.plot : null;
  const options = useMemo(
    () =>
      plot
        ? runs.map((r) => {
            if (!r.boundary) return null;
            return smallMultiple(boundaryOption(r.boundary, plot, boundaryExtent(plot, r.boundary.res), boundaryCanvas(r.boundary), words), runLabel(r, repeated));
          })
        : [],
    [runs, plot, words],
  );
  if (!plot || options.every((o) => o === null)) return null;
  return (
    <div className="boundary-multiples" data-testid="sweep-boundaries">
      {options.map((o, i) => (o ? <EChart key={runs[i].runId ?? i} option={o} label={t('compare.boundaryOf', { label: runLabel(runs[i], repeated) })} height={170} /> : null))}
    </div>
  );
}

export function ComparePanel() {
  const { t, i18n } = useTranslation();
  const setting = useSweepStore((s) => s.setting);
  const setSetting = useSweepStore((s) => s.setSetting);
  const status = useSweepStore((s) => s.status);
  const runs = useSweepStore((s) => s.runs);
  const plan = useSweepStore((s) => s.plan);
  const problems = useSweepStore((s) => s.problems);
  const problemTexts = useSweepStore((s) => s.problemTexts);
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
  const speak = useSpoken();
  const shownSetting = plan?.setting ?? setting;
  const label = speak({ message: plan?.settingLabel ?? SWEEP_SETTING_LABELS[shownSetting], text: sweepSettingSaid(shownSetting) });
  const totalEpochs = runs.reduce((m, r) => Math.max(m, r.totalEpochs), 1);
  const words = useChartWords();
  const charts = useMemo(() => {
    const lossTitle = repeated ? t('compare.lossTitleSeeds', { setting: label.toLowerCase() }) : t('compare.lossTitle', { setting: label.toLowerCase() });
    const accTitle = repeated ? t('compare.accTitleSeeds', { setting: label.toLowerCase() }) : t('compare.accTitle', { setting: label.toLowerCase() });
    if (repeated) {
      const loss = sweepBands(shownRuns, 'loss');
      const acc = sweepBands(shownRuns, 'accuracy');
      return { count: loss.length, loss: bandOption(loss, 'loss', { logLoss: 'auto', title: lossTitle, totalEpochs, words }), acc: bandOption(acc, 'accuracy', { title: accTitle, totalEpochs, words }) };
    }
    const series = sweepSeries(shownRuns);
    return { count: series.length, loss: overlayOption(series, 'loss', { logLoss: 'auto', title: lossTitle, totalEpochs, words }), acc: overlayOption(series, 'accuracy', { title: accTitle, totalEpochs, words }) };
  }, [shownRuns, label, totalEpochs, repeated, t, words]);
  const language = i18n.language as Language;
  const rows = useMemo(() => sweepRows(runs, repeated, language), [runs, repeated, language]);
  const summaries = useMemo(() => (repeated ? valueSummaries(runs, language) : []), [runs, repeated, language]);
  const hasTest = rows.some((r) => r.testAccuracy !== null);
  const stem = fileStem(`${project.name} ${label}`);
  const why = singleRunActive ? t('compare.whyTraining') : values.length === 0 ? t('compare.whyNoValue') : null;

  return (
    <section className="compare-panel" aria-label={t('compare.label')}>
      <div className="sweep-setup">
        <div className="field">
          <label htmlFor={settingId}>{t('compare.settingToVary')}</label>
          <select id={settingId} value={setting} disabled={running} aria-describedby={helpId} onChange={(e) => setSetting(e.target.value as SweepSetting)}>
            {SWEEP_SETTINGS.map((s) => (
              <option key={s} value={s}>
                {speak({ message: SWEEP_SETTING_LABELS[s], text: sweepSettingSaid(s) })}
              </option>
            ))}
          </select>
          <p id={helpId} className="hint">
            {speak({ message: SWEEP_SETTING_HELP[setting], text: sweepSettingHelpSaid(setting) })} {t('compare.everythingElse')}
          </p>
          {isStructural(setting) ? (
            <p className="hint" data-testid="sweep-nodes">
              {nodes.length
                ? setting === 'skip'
                  ? t('compare.removesNodes', { count: nodes.length, nodes: nodes.join(', ') })
                  : setting === 'hidden'
                    ? t('compare.changesHiddenNodes', { count: nodes.length, nodes: nodes.join(', ') })
                    : t('compare.changesNodes', { count: nodes.length, nodes: nodes.join(', ') })
                : setting === 'skip'
                  ? t('compare.noSkip')
                  : setting === 'hidden'
                    ? t('compare.noHiddenLinear')
                    : t('compare.noHiddenActivation')}
            </p>
          ) : null}
        </div>
        <ValuePicker />
        <SeedFields />
        <div className="run-controls" role="group" aria-label={t('compare.sweepControls')}>
          <button type="button" className="primary" disabled={running || why !== null} onClick={() => void start()}>
            {t('compare.runSweep')}
          </button>
          <button type="button" disabled={!running} onClick={() => void stopAll()}>
            {t('compare.stopAll')}
          </button>
          {why && !running ? <span className="hint">{why}</span> : null}
        </div>
        {problems.length ? (
          <div className="run-message" role="alert">
            <p className="run-message-title">{status === 'idle' ? t('compare.couldNotStart') : t('compare.aboutSweep')}</p>
            <ul>
              {problems.map((p, i) => (
                <li key={p}>{speak({ message: p, text: problemTexts?.[i] })}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      {runs.length ? (
        <div className="sweep-results" data-testid="sweep-results" data-status={status}>
          <RunProgressList runs={runs} repeated={repeated} />
          <div className="overlay-charts">
            <ChartCard option={charts.loss} label={t('compare.sweepLossChart')} fileStem={`${stem}-loss`} testId="sweep-loss-chart" series={charts.count} />
            <ChartCard option={charts.acc} label={t('compare.sweepAccuracyChart')} fileStem={`${stem}-accuracy`} testId="sweep-accuracy-chart" series={charts.count} />
          </div>
          <BoundaryMultiples runs={shownRuns} repeated={repeated} />
          {summaries.length ? (
            <SummaryTable values={summaries} firstColumn={label} caption={plan?.newData ? t('compare.summaryCaptionNewData', { setting: label.toLowerCase(), seeds: plan?.seeds.length }) : t('compare.summaryCaption', { setting: label.toLowerCase(), seeds: plan?.seeds.length })} testId="sweep-summary" />
          ) : null}
          {rows.length ? <ResultsTable rows={rows} firstColumn={label} hasTest={hasTest} caption={t('compare.resultsCaption', { setting: label.toLowerCase() })} testId="sweep-table" /> : null}
          <div className="exports" role="group" aria-label={t('compare.exportResults')}>
            <button type="button" disabled={!rows.length} onClick={() => downloadCsv(rows, `${stem}.csv`)}>
              {t('compare.tableCsv')}
            </button>
            <button type="button" disabled={running} onClick={() => downloadReport(useProjectStore.getState().project, weightsByRun, new Date())}>
              {t('compare.labReport')}
            </button>
            <button type="button" disabled={running} onClick={clear} title={t('compare.clearTitle')}>
              {t('compare.clearResults')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
