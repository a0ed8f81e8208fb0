import { describe, expect, it } from 'vitest';
import type { DatasetSpec } from '../../../core/data/types';
import { Session, createTrainingSession } from '../../../core/train/session';
import type { TrainingSession } from '../../../core/train/session-types';
import { defaultSettings } from '../../../core/train/settings';
import type { TrainingSettings, TrainRequest } from '../../../core/train/types';
import { chainSpec, labSpec } from '../../helpers/specs';

const XOR: DatasetSpec = { kind: 'generator', generator: 'xor', params: {}, seed: 1 };
const SPIRAL: DatasetSpec = { kind: 'generator', generator: 'spiral', params: { n: 90, classes: 3 }, seed: 2 };

function clock(): { now: () => number } {
  let t = 0;
  return { now: () => (t += 5) };
}

function settings(change: Partial<TrainingSettings> = {}): TrainingSettings {
  return { ...defaultSettings(), ...change };
}

function start(req: Partial<TrainRequest> & { settings: TrainingSettings }): TrainingSession {
  const r = createTrainingSession({ spec: labSpec(), dataset: XOR, ...req }, clock());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.session;
}

const softmaxSpec = chainSpec([['Linear', { outFeatures: 16 }], ['Tanh'], ['Linear', { outFeatures: 3 }], ['Softmax']]);

describe('training session', () => {
  it("the lab's XOR network (2-32-32-1 sigmoid, BCE, SGD 0.05, 5000 full-batch epochs, normal init) reaches 100%", () => {
    const s = start({ settings: defaultSettings() });
    const report = s.runBatches(Infinity);
    expect(report.batches).toBe(5000);
    expect(report.epochs).toHaveLength(5000);
    expect(report.finished).toMatchObject({ state: 'done', epochs: 5000, accuracy: 1, testAccuracy: null });
    expect(s.metrics()[4999].accuracy).toBe(1);
    expect(s.metrics()[4999].loss).toBeLessThan(s.metrics()[0].loss);
    expect(s.result()).toBe(report.finished);
    expect(report.finished!.ms).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives the same metrics and weights bit for bit', () => {
    const config = { settings: settings({ epochs: 30, batchSize: 5, testSplit: 0.2, seed: 7 }) };
    const a = start(config);
    const b = start(config);
    a.runBatches(Infinity);
    b.runBatches(Infinity);
    expect(b.metrics()).toStrictEqual(a.metrics());
    expect(b.weights()).toStrictEqual(a.weights());
    expect(Array.from(b.testIndices)).toEqual(Array.from(a.testIndices));
  });

  it('a different seed gives different weights and metrics', () => {
    const a = start({ settings: settings({ epochs: 5, seed: 1 }) });
    const b = start({ settings: settings({ epochs: 5, seed: 2 }) });
    a.runBatches(Infinity);
    b.runBatches(Infinity);
    expect(b.weights()).not.toStrictEqual(a.weights());
    expect(b.metrics()[4].loss).not.toBe(a.metrics()[4].loss);
  });

  it('step() runs exactly one mini-batch; the last, partial batch closes the epoch', () => {
    const s = start({ settings: settings({ epochs: 3, batchSize: 5 }) });
    // 21 samples in batches of 5: 5 batches per epoch, the last with one sample.
    for (let i = 0; i < 4; i++) {
      const r = s.step();
      expect(r).toMatchObject({ batches: 1, epochs: [], finished: null });
    }
    const fifth = s.step();
    expect(fifth.epochs.map((m) => m.epoch)).toEqual([1]);
    expect(s.epoch).toBe(1);
    const rest = s.runBatches(100);
    expect(rest.batches).toBe(10);
    expect(rest.epochs.map((m) => m.epoch)).toEqual([2, 3]);
    expect(rest.finished?.state).toBe('done');
  });

  it('stop() ends the run as stopped, keeps the weights, and nothing happens after it', () => {
    const s = start({ settings: settings({ epochs: 100 }) });
    s.runBatches(10);
    const weights = s.weights();
    const result = s.stop();
    expect(result).toMatchObject({ state: 'stopped', epochs: 10 });
    expect(s.stop()).toBe(result);
    expect(s.runBatches(5)).toEqual({ epochs: [], batches: 0, finished: result });
    expect(s.step()).toEqual({ epochs: [], batches: 0, finished: result });
    expect(s.weights()).toStrictEqual(weights);
    expect(s.metrics()).toHaveLength(10);
    expect(s.epoch).toBe(10);
  });

  it('splits train and test by seed, reports test metrics per epoch and in the result', () => {
    const s = start({ settings: settings({ epochs: 4, testSplit: 0.2 }) });
    expect(s.testIndices).toHaveLength(4);
    expect(s.trainIndices).toHaveLength(17);
    expect(new Set([...s.trainIndices, ...s.testIndices]).size).toBe(21);
    const r = s.runBatches(Infinity);
    for (const m of r.epochs) {
      expect(m.testLoss).toEqual(expect.any(Number));
      expect(m.testAccuracy).toEqual(expect.any(Number));
    }
    expect(r.finished?.testAccuracy).toEqual(expect.any(Number));
  });

  it('records the scheduled learning rate of every epoch', () => {
    const s = start({ settings: settings({ epochs: 5, schedule: { type: 'step', stepSize: 2, gamma: 0.5 } }) });
    expect(s.runBatches(Infinity).epochs.map((m) => m.lr)).toEqual([0.05, 0.05, 0.025, 0.025, 0.0125]);
  });

  it('trains a softmax network with cross-entropy on 3 classes, and with mse on one-hot targets', () => {
    for (const loss of ['crossEntropy', 'mse'] as const) {
      const r = createTrainingSession(
        { spec: softmaxSpec, dataset: SPIRAL, settings: settings({ loss, epochs: 60, batchSize: 16, optimizer: { type: 'Adam', lr: 0.02, beta1: 0.9, beta2: 0.999, eps: 1e-8 } }) },
        clock(),
      );
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      r.session.runBatches(Infinity);
      const m = r.session.metrics();
      expect(m[59].loss, loss).toBeLessThan(m[0].loss);
      expect(m[59].accuracy, loss).toBeGreaterThan(1 / 3);
    }
  });

  it('predict() gives class probabilities, [1 − p, p] for a single sigmoid output', () => {
    const s = start({ settings: settings({ epochs: 1 }) });
    const probs = s.predict(Float64Array.of(0, 0, 0.2, 0.8), 2);
    expect(probs).toHaveLength(4);
    expect(probs[0] + probs[1]).toBeCloseTo(1, 15);
    expect(probs[2] + probs[3]).toBeCloseTo(1, 15);
  });

  it('decisionGrid() covers the bounds row by row with y rising, and is null for signals', () => {
    const s = start({ settings: settings({ epochs: 1 }) });
    const grid = s.decisionGrid(4, { x0: 0, x1: 1, y0: 0, y1: 1 })!;
    expect(grid).toHaveLength(4 * 4 * 2);
    // Cell (row 3, column 0) is the point (0, 1).
    expect(Array.from(grid.slice(24, 26))).toEqual(Array.from(s.predict(Float64Array.of(0, 1), 1)));
    const waves = createTrainingSession(
      {
        spec: chainSpec([['Conv1d', { outChannels: 2, kernelSize: 3 }], ['Flatten'], ['Linear', { outFeatures: 3 }], ['Softmax']]),
        dataset: { kind: 'generator', generator: 'waves', params: { n: 30 }, seed: 1 },
        settings: settings({ loss: 'crossEntropy', epochs: 1 }),
      },
      clock(),
    );
    if (!waves.ok) throw new Error(JSON.stringify(waves.problems));
    expect(waves.session.decisionGrid(8)).toBeNull();
  });

  it('starts from given weights, and reports weights of the wrong shape as a problem', () => {
    const trained = start({ settings: settings({ epochs: 20 }) });
    trained.runBatches(Infinity);
    const w = trained.weights();
    const resumed = start({ settings: settings({ epochs: 1, seed: 99 }), initialWeights: w });
    expect(resumed.weights()).toStrictEqual(w);
    const r = createTrainingSession({ spec: labSpec(16), dataset: XOR, settings: settings(), initialWeights: w }, clock());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]).toMatchObject({ code: 'bad-weights', nodeId: 'n1' });
      expect(r.problems[0].message).toContain('[16, 2]');
    }
  });

  it('returns settings, graph and loss problems as values before any training', () => {
    const bad = createTrainingSession({ spec: labSpec(), dataset: XOR, settings: settings({ epochs: 0 }) }, clock());
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems).toEqual([expect.objectContaining({ code: 'bad-setting', field: 'epochs' })]);
    const mismatch = createTrainingSession({ spec: softmaxSpec, dataset: XOR, settings: settings() }, clock());
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok) expect(mismatch.problems.map((p) => p.code)).toContain('loss-mismatch');
    const noData = createTrainingSession({ spec: labSpec(), dataset: null as unknown as DatasetSpec, settings: settings() }, clock());
    expect(noData.ok).toBe(false);
    const garbage = createTrainingSession(null as unknown as TrainRequest, clock());
    expect(garbage.ok).toBe(false);
  });

  it('reports the global gradient norm before clipping when clipNorm is on (N3)', () => {
    const s = start({ settings: settings({ epochs: 2, clipNorm: 1e-3 }) });
    s.runBatches(1);
    expect(s).toBeInstanceOf(Session);
    expect((s as Session).lastGradNorm).toBeGreaterThan(1e-3);
  });
});
