// A scripted TrainingSession for testing hosts without the engine: every batch advances a
// fake clock by a fixed cost, and hooks let a test act at an exact batch.
import type { EpochMetrics, NodeId, RunResult, StepReport, TrainingSession, Weights } from '../../../core/index';

export interface FakeClock {
  t: number;
  now(): number;
}

export function fakeClock(): FakeClock {
  const clock = { t: 0, now: () => clock.t };
  return clock;
}

export interface FakeSessionOptions {
  epochs: number;
  batchesPerEpoch: number;
  clock: FakeClock;
  msPerBatch: number;
  /** 2-D input → decisionGrid returns a grid. */
  twoD?: boolean;
  /** Called after batch number n (1-based, over the whole run). */
  onBatch?: (n: number) => void;
  /** Diverge at this batch. */
  divergeAtBatch?: number;
  /** Throw at this batch. */
  throwAtBatch?: number;
}

export interface FakeSession extends TrainingSession {
  batchesRun: number;
  stoppedAtBatch: number | null;
}

export function fakeSession(o: FakeSessionOptions): FakeSession {
  let batch = 0;
  let epoch = 0;
  const all: EpochMetrics[] = [];
  let finished: RunResult | null = null;
  const weightsAt = (): Weights => ({ l1: { bias: { shape: [1], data: [epoch] } } });
  const result = (state: RunResult['state']): RunResult => ({
    state,
    epochs: epoch,
    loss: all.length ? all[all.length - 1].loss : null,
    accuracy: all.length ? all[all.length - 1].accuracy : null,
    testAccuracy: null,
    ms: o.clock.t,
  });

  const one = (): StepReport => {
    const report: StepReport = { epochs: [], batches: 0, finished: null };
    if (finished) return report;
    batch += 1;
    s.batchesRun = batch;
    o.clock.t += o.msPerBatch;
    report.batches = 1;
    if (o.throwAtBatch === batch) throw new Error('fake engine failure');
    if (o.divergeAtBatch === batch) {
      finished = result('diverged');
      report.finished = finished;
      return report;
    }
    if (batch % o.batchesPerEpoch === 0) {
      epoch += 1;
      const m: EpochMetrics = { epoch, loss: 1 / epoch, accuracy: epoch / o.epochs, testLoss: null, testAccuracy: null, lr: 0.05 };
      all.push(m);
      report.epochs.push(m);
      if (epoch === o.epochs) {
        finished = result('done');
        report.finished = finished;
      }
    }
    o.onBatch?.(batch);
    return report;
  };

  const s: FakeSession = {
    batchesRun: 0,
    stoppedAtBatch: null,
    model: { inputShape: [2], inputId: 'in' as NodeId, layers: [], sources: [], outputShape: [1], shapes: [], paramCount: 0 },
    dataset: { x: new Float64Array(0), y: new Float64Array(0), n: 0, inputShape: [2], numClasses: 2, classNames: [], featureNames: [] },
    trainIndices: new Uint32Array(0),
    testIndices: new Uint32Array(0),
    totalEpochs: o.epochs,
    get epoch() {
      return epoch;
    },
    runBatches(max: number) {
      const total: StepReport = { epochs: [], batches: 0, finished: null };
      for (let i = 0; i < max && !total.finished; i++) {
        const r = one();
        total.epochs.push(...r.epochs);
        total.batches += r.batches;
        total.finished = r.finished;
        if (r.batches === 0) break;
      }
      return total;
    },
    step: () => one(),
    stop() {
      if (!finished) {
        finished = result('stopped');
        s.stoppedAtBatch = batch;
      }
      return finished;
    },
    metrics: () => all.slice(),
    weights: weightsAt,
    predict: (_x, n) => new Float64Array(n * 2),
    decisionGrid: (res) => (o.twoD ? new Float64Array(res * res * 2).fill(epoch) : null),
    result: () => finished,
    skippedSteps: 0,
    lastSkipped: null,
  };
  return s;
}
