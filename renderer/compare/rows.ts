// Table rows and chart series from the sweep store's run views (pure; tested without React).
import { rowOf, type ResultRow } from '../../core/index';
import type { SweepRunView } from '../store/sweep';
import type { CurveSeries } from './overlay-options';

/** One row per run that has ended with a result, in the sweep's order. */
export function sweepRows(runs: readonly SweepRunView[]): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const run of runs) {
    if (!run.result || !run.runId) continue;
    const loss = run.metrics.map((m) => m.loss);
    const accuracy = run.metrics.map((m) => m.accuracy);
    rows.push(rowOf({ id: run.runId, name: run.label, value: run.value, loss, accuracy, result: run.result }, run.label));
  }
  return rows;
}

export function sweepSeries(runs: readonly SweepRunView[]): CurveSeries[] {
  return runs.map((r) => ({ label: r.label, metrics: r.metrics }));
}

/** Progress of one run, 0–1. */
export function runProgress(run: SweepRunView): number {
  return run.totalEpochs > 0 ? Math.min(1, run.metrics.length / run.totalEpochs) : 0;
}
