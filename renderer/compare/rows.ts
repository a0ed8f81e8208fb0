// Table rows and chart series from the sweep store's run views (pure; tested without React).
import { curveBand, render, rowOf, say, summarizeByValue, type Language, type ResultRow, type ValueSummary } from '../../core/index';
import type { SweepRunView } from '../store/sweep';
import type { BandSeries, CurveSeries } from '../../report/charts/overlay-options';
import { i18next, t } from '../i18n';

const appLanguage = (): Language => i18next.language as Language;

/** A run's value in `language` ("lr 0.05", "全批次"). */
function valueLabel(run: { label: string; labelText?: SweepRunView['labelText'] }, language: Language): string {
  return run.labelText ? render(run.labelText, language) : run.label;
}

/** A run's name in lists: its value, and its seed when each value runs over several seeds. */
export function runLabel(run: SweepRunView, repeated: boolean, language = appLanguage()): string {
  return repeated ? render(say('sweep.valueSeed', { label: valueLabel(run, language), seed: run.seed }), language) : valueLabel(run, language);
}

/** One row per run that has ended with a result, in the sweep's order. */
export function sweepRows(runs: readonly SweepRunView[], repeated = false, language = appLanguage()): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const run of runs) {
    if (!run.result || !run.runId) continue;
    const loss = run.metrics.map((m) => m.loss);
    const accuracy = run.metrics.map((m) => m.accuracy);
    const label = runLabel(run, repeated, language);
    rows.push(rowOf({ id: run.runId, name: label, value: run.value, loss, accuracy, result: run.result }, label));
  }
  return rows;
}

/** Per value, over the seeds that have ended: what a finding is read from. */
export function valueSummaries(runs: readonly SweepRunView[], language = appLanguage()): ValueSummary[] {
  return summarizeByValue(sweepRows(runs, false, language).map((row, i, all) => ({ ...row, label: labelOfValue(runs, row.value, language) ?? all[i].label })));
}

function labelOfValue(runs: readonly SweepRunView[], value: string | null, language: Language): string | undefined {
  const run = runs.find((r) => r.value === value);
  return run && valueLabel(run, language);
}

export function sweepSeries(runs: readonly SweepRunView[], repeated = false): CurveSeries[] {
  return runs.map((r) => ({ label: runLabel(r, repeated), metrics: r.metrics }));
}

/** One band per value (the curves of its seeds), in the order the values first appear. */
export function bandsByValue<R extends { value: string; label: string; labelText?: SweepRunView['labelText'] }>(runs: readonly R[], curve: (run: R) => readonly number[]): BandSeries[] {
  const groups = new Map<string, R[]>();
  for (const r of runs) groups.set(r.value, [...(groups.get(r.value) ?? []), r]);
  return [...groups.values()].map((g) => ({ label: t('common.withSeeds', { label: valueLabel(g[0], appLanguage()), count: g.length }), band: curveBand(g.map(curve)) }));
}

/** A sweep's bands of one metric, from its seeds' curves so far. */
export function sweepBands(runs: readonly SweepRunView[], metric: 'loss' | 'accuracy'): BandSeries[] {
  return bandsByValue(runs, (r) => r.metrics.map((m) => (metric === 'loss' ? m.loss : m.accuracy)));
}

/** Progress of one run, 0–1. */
export function runProgress(run: SweepRunView): number {
  return run.totalEpochs > 0 ? Math.min(1, run.metrics.length / run.totalEpochs) : 0;
}
