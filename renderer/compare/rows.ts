// Table rows and chart series from the sweep store's run views (pure; tested without React).
import { curveBand, rowOf, summarizeByValue, type ResultRow, type ValueSummary } from '../../core/index';
import type { SweepRunView } from '../store/sweep';
import type { BandSeries, CurveSeries } from '../../report/charts/overlay-options';
import { t } from '../i18n';

/** A run's name in lists: its value, and its seed when each value runs over several seeds. */
export function runLabel(run: SweepRunView, repeated: boolean): string {
  return repeated ? `${run.label}, seed ${run.seed}` : run.label;
}

/** One row per run that has ended with a result, in the sweep's order. */
export function sweepRows(runs: readonly SweepRunView[], repeated = false): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const run of runs) {
    if (!run.result || !run.runId) continue;
    const loss = run.metrics.map((m) => m.loss);
    const accuracy = run.metrics.map((m) => m.accuracy);
    const label = runLabel(run, repeated);
    rows.push(rowOf({ id: run.runId, name: label, value: run.value, loss, accuracy, result: run.result }, label));
  }
  return rows;
}

/** Per value, over the seeds that have ended: what a finding is read from. */
export function valueSummaries(runs: readonly SweepRunView[]): ValueSummary[] {
  return summarizeByValue(sweepRows(runs).map((row, i, all) => ({ ...row, label: labelOfValue(runs, row.value) ?? all[i].label })));
}

function labelOfValue(runs: readonly SweepRunView[], value: string | null): string | undefined {
  return runs.find((r) => r.value === value)?.label;
}

export function sweepSeries(runs: readonly SweepRunView[], repeated = false): CurveSeries[] {
  return runs.map((r) => ({ label: runLabel(r, repeated), metrics: r.metrics }));
}

/** One band per value (the curves of its seeds), in the order the values first appear. */
export function bandsByValue<R extends { value: string; label: string }>(runs: readonly R[], curve: (run: R) => readonly number[]): BandSeries[] {
  const groups = new Map<string, R[]>();
  for (const r of runs) groups.set(r.value, [...(groups.get(r.value) ?? []), r]);
  return [...groups.values()].map((g) => ({ label: t('common.withSeeds', { label: g[0].label, count: g.length }), band: curveBand(g.map(curve)) }));
}

/** A sweep's bands of one metric, from its seeds' curves so far. */
export function sweepBands(runs: readonly SweepRunView[], metric: 'loss' | 'accuracy'): BandSeries[] {
  return bandsByValue(runs, (r) => r.metrics.map((m) => (metric === 'loss' ? m.loss : m.accuracy)));
}

/** Progress of one run, 0–1. */
export function runProgress(run: SweepRunView): number {
  return run.totalEpochs > 0 ? Math.min(1, run.metrics.length / run.totalEpochs) : 0;
}
