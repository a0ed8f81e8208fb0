// A finished run as the project's history keeps it. The file format refuses NaN and Infinity,
// so the curves stop at the last finite epoch and non-finite results become null.
import type { DatasetSpec } from '../data/types';
import type { RunCurves, RunRecord } from '../project/types';
import type { EpochMetrics, RunResult, TrainingSettings } from '../train/types';

const finite = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function curvesFromMetrics(metrics: readonly EpochMetrics[]): RunCurves {
  // One pass into preallocated arrays: this runs in the task that ends a run, and a
  // 100 000-epoch run must not make that task long.
  let n = 0;
  let withTest = metrics.length > 0;
  for (; n < metrics.length; n++) {
    const m = metrics[n];
    if (!Number.isFinite(m.loss) || !Number.isFinite(m.accuracy) || !Number.isFinite(m.lr)) break;
    if (withTest && (finite(m.testLoss) === null || finite(m.testAccuracy) === null)) withTest = false;
  }
  withTest &&= n > 0;
  const loss = new Array<number>(n);
  const accuracy = new Array<number>(n);
  const lr = new Array<number>(n);
  const testLoss = withTest ? new Array<number>(n) : null;
  const testAccuracy = withTest ? new Array<number>(n) : null;
  for (let i = 0; i < n; i++) {
    const m = metrics[i];
    loss[i] = m.loss;
    accuracy[i] = m.accuracy;
    lr[i] = m.lr;
    if (testLoss && testAccuracy) {
      testLoss[i] = m.testLoss as number;
      testAccuracy[i] = m.testAccuracy as number;
    }
  }
  return { loss, accuracy, testLoss, testAccuracy, lr };
}

/** The curves back as per-epoch metrics (epoch = index + 1). */
export function metricsFromRunCurves(c: RunCurves): EpochMetrics[] {
  return c.loss.map((loss, i) => ({
    epoch: i + 1,
    loss,
    accuracy: c.accuracy[i] ?? NaN,
    testLoss: c.testLoss ? (c.testLoss[i] ?? null) : null,
    testAccuracy: c.testAccuracy ? (c.testAccuracy[i] ?? null) : null,
    lr: c.lr[i] ?? NaN,
  }));
}

export interface RunRecordInput {
  id: string;
  name: string;
  /** ISO 8601, from the caller's clock (core has none). */
  createdAt: string;
  settings: TrainingSettings;
  dataset: DatasetSpec;
  metrics: readonly EpochMetrics[];
  result: RunResult;
  sweep?: { id: string; setting: string; value: string };
}

export function buildRunRecord(input: RunRecordInput): RunRecord {
  const r = input.result;
  const result: RunResult = {
    ...r,
    loss: finite(r.loss),
    accuracy: finite(r.accuracy),
    testAccuracy: finite(r.testAccuracy),
    ms: Number.isFinite(r.ms) && r.ms >= 0 ? r.ms : 0,
  };
  if (r.diverged) result.diverged = { ...r.diverged, lastFiniteLoss: finite(r.diverged.lastFiniteLoss) };
  const record: RunRecord = {
    id: input.id,
    name: input.name,
    createdAt: input.createdAt,
    settings: input.settings,
    dataset: input.dataset,
    curves: curvesFromMetrics(input.metrics),
    result,
  };
  if (input.sweep) record.sweep = { ...input.sweep };
  return record;
}
