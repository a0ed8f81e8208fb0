// A saved run's curves back into per-epoch metrics, so a reopened project shows its results.
import type { EpochMetrics, RunCurves } from '../../core/index';

export function metricsFromCurves(c: RunCurves): EpochMetrics[] {
  return c.loss.map((loss, i) => ({
    epoch: i + 1,
    loss,
    accuracy: c.accuracy[i] ?? NaN,
    testLoss: c.testLoss ? (c.testLoss[i] ?? null) : null,
    testAccuracy: c.testAccuracy ? (c.testAccuracy[i] ?? null) : null,
    lr: c.lr[i] ?? NaN,
  }));
}
