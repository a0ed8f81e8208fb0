// The memory estimate against what the engine really allocates: every typed array a trained
// session can reach, summed, must equal the estimate, so neither can change without the other.
// Then the verdict and its message, the size parser, and the start paths that must refuse a
// run before allocating it.
import { describe, expect, it } from 'vitest';
import type { DatasetSpec } from '../../../core/data/types';
import { makeDataset } from '../../../core/data/index';
import { compileModel } from '../../../core/graph/validate';
import type { ModelSpec } from '../../../core/graph/spec';
import {
  estimateRequestMemory,
  estimateTrainingMemory,
} from '../../../core/train/memory';
import {
  DEFAULT_MEMORY_BUDGET,
  MAX_MEMORY_LIMIT,
  automaticMemoryBudget,
  checkMemory,
  chosenMemoryBudget,
  formatBytes,
  isOutOfMemory,
  largestBatchThatFits,
  parseMemorySize,
  type MemoryBudget,
} from '../../../core/train/memory-budget';
import { createTrainingSession, Session } from '../../../core/train/session';
import { defaultSettings } from '../../../core/train/settings';
import type { OptimizerSettings, TrainingSettings, TrainRequest } from '../../../core/train/types';
import { OPTIMIZER_DEFAULTS } from '../../../core/train/settings';
import { chainSpec, labSpec } from '../../helpers/specs';
import { createInspector } from '../../../core/inspect/inspect';
import { trainingGradients } from '../../../core/inspect/gradients';
import { expandSweep } from '../../../core/sweep/expand';
import { sweepMemoryRefusal } from '../../../core/sweep/memory';
import { driveSession } from '../../../core/train/driver';
import type { TrainingEvent } from '../../../core/train/events';
import type { TrainingSession } from '../../../core/train/session-types';
import { OUT_OF_MEMORY_MESSAGE, OUT_OF_MEMORY_TEXT } from '../../../core/train/memory-budget';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

/** Bytes of every distinct ArrayBuffer reachable from `root` (own properties, arrays, maps of plain objects). */
function reachableBytes(root: unknown): number {
  const seenObjects = new Set<object>();
  const buffers = new Set<ArrayBufferLike>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seenObjects.has(v)) continue;
    seenObjects.add(v);
    if (ArrayBuffer.isView(v)) {
      buffers.add(v.buffer);
      continue;
    }
    for (const key of Object.getOwnPropertyNames(v)) stack.push((v as Record<string, unknown>)[key]);
  }
  let bytes = 0;
  for (const b of buffers) bytes += b.byteLength;
  return bytes;
}

const HUGE: MemoryBudget = { bytes: MAX_MEMORY_LIMIT, source: 'chosen' };

function settings(change: Partial<TrainingSettings>): TrainingSettings {
  return { ...defaultSettings(), epochs: 2, ...change };
}

function trainedSession(req: TrainRequest): Session {
  const r = createTrainingSession(req, { now: () => 0, memory: { budget: HUGE } });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const s = r.session as Session;
  // Every epoch ends with an evaluation; the run's end evaluates both splits once more.
  s.runBatches(Infinity);
  return s;
}

function estimateOf(req: TrainRequest): number {
  const data = makeDataset(req.dataset);
  if (!data.ok) throw new Error('bad data');
  const compiled = compileModel(req.spec, data.dataset.inputShape);
  if (!compiled.ok) throw new Error('bad spec');
  return estimateTrainingMemory(compiled.model, data.dataset, req.settings).bytes;
}

const XOR: DatasetSpec = { kind: 'generator', generator: 'xor', params: {}, seed: 1 };
const SPIRAL: DatasetSpec = { kind: 'generator', generator: 'spiral', params: { n: 90, classes: 3 }, seed: 2 };
const WAVES: DatasetSpec = { kind: 'generator', generator: 'waves', params: { n: 120, classes: 3, length: 32 }, seed: 3 };
const opt = (type: OptimizerSettings['type']): OptimizerSettings => ({ ...OPTIMIZER_DEFAULTS[type] }) as OptimizerSettings;

const conv = chainSpec([['Conv1d', { outChannels: 6, kernelSize: 5, stride: 2, padding: 2 }], ['ReLU'], ['Flatten'], ['Linear', { outFeatures: 3 }], ['Softmax']]);
const twoConvs = chainSpec([
  ['Conv1d', { outChannels: 4, kernelSize: 3, stride: 1, padding: 1 }],
  ['Tanh'],
  ['Conv1d', { outChannels: 5, kernelSize: 3, stride: 2, padding: 0 }],
  ['LeakyReLU'],
  ['Flatten'],
  ['Linear', { outFeatures: 3 }],
  ['Softmax'],
]);
const mseNet = chainSpec([['Linear', { outFeatures: 8 }], ['Tanh'], ['Linear', { outFeatures: 3 }], ['Softmax']]);

const cases: [string, TrainRequest][] = [
  ['the lab network, BCE fused into the last Sigmoid, SGD, full batch', { spec: labSpec(8), dataset: XOR, settings: settings({ optimizer: opt('SGD') }) }],
  ['Conv1d → ReLU → Flatten → Linear → Softmax, Adam, batches of 32, a 20% test split', { spec: conv, dataset: WAVES, settings: settings({ loss: 'crossEntropy', optimizer: opt('Adam'), batchSize: 32, testSplit: 0.2 }) }],
  ['two Conv1d layers (the second one back-propagates into its input), RMSProp, batches of 7', { spec: twoConvs, dataset: WAVES, settings: settings({ loss: 'crossEntropy', optimizer: opt('RMSProp'), batchSize: 7 }) }],
  ['mse on one-hot targets through an unfused Softmax, Momentum, a test split larger than the training split', { spec: mseNet, dataset: SPIRAL, settings: settings({ loss: 'mse', optimizer: opt('Momentum'), testSplit: 0.8 }) }],
  ['mse on one-hot targets, Adam, batches of 25 over 18 training samples (one batch)', { spec: mseNet, dataset: SPIRAL, settings: settings({ loss: 'mse', optimizer: opt('Adam'), batchSize: 25, testSplit: 0.8 }) }],
];

describe('the memory estimate matches what a trained session holds', () => {
  it.each(cases)('%s', (_, req) => {
    const session = trainedSession(req);
    expect(estimateOf(req)).toBe(reachableBytes(session));
  });

  it('the estimate from the request alone (no data made) equals the one from the built data', () => {
    for (const [, req] of cases) expect(estimateRequestMemory(req)?.bytes).toBe(estimateOf(req));
  });

  it('the boundary picture and the neuron views are counted only for 2-D data, when asked for', () => {
    const [, xor] = cases[0];
    const [, waves] = cases[1];
    const plain = estimateRequestMemory(xor)!;
    const withViews = estimateRequestMemory(xor, { boundaryResolution: 48, neuronResolution: 24 })!;
    expect(withViews.parts.map((p) => p.kind)).toEqual(expect.arrayContaining(['boundary', 'neurons']));
    expect(withViews.bytes).toBeGreaterThan(plain.bytes);
    expect(estimateRequestMemory(waves, { boundaryResolution: 48, neuronResolution: 24 })!.bytes).toBe(estimateRequestMemory(waves)!.bytes);
  });
});

/** The memory bomb a student met: 976 signals of 4096 steps, Conv1d with 244 channels, full batch. */
const bombSpec: ModelSpec = chainSpec([['Conv1d', { outChannels: 244, kernelSize: 1, stride: 1, padding: 0 }], ['ReLU'], ['Flatten'], ['Linear', { outFeatures: 3 }], ['Softmax']]);
const bomb: TrainRequest = {
  spec: bombSpec,
  dataset: { kind: 'generator', generator: 'waves', params: { n: 976, classes: 3, length: 4096 }, seed: 1 },
  settings: settings({ loss: 'crossEntropy', optimizer: opt('Adam'), batchSize: 0 }),
};

describe('the verdict and its message', () => {
  it('B5: the memory bomb needs tens of GB, mostly the activations of one layer for the full batch', () => {
    const e = estimateRequestMemory(bomb)!;
    expect(e.batch).toBe(976);
    expect(e.bytes).toBeGreaterThan(25 * GB);
    expect(e.parts[0]).toMatchObject({ kind: 'activations', nodeId: 'n2' });
    // ReLU's output and its input gradient: 976 × 244 × 4096 values, twice.
    expect(e.parts[0].bytes).toBe(976 * 244 * 4096 * 8 * 2);
  });

  it('B5: over budget, the message says what it needs, what is allowed, what dominates and a batch size that fits', () => {
    const e = estimateRequestMemory(bomb)!;
    const budget: MemoryBudget = { bytes: 6 * GB, source: 'computer' };
    const verdict = checkMemory(e, budget);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    const fits = largestBatchThatFits(e, budget.bytes);
    expect(fits).toBeGreaterThan(0);
    expect(fits).toBeLessThan(976);
    expect(verdict.problem).toMatchObject({ code: 'too-much-memory', needed: e.bytes, allowed: 6 * GB });
    expect(verdict.problem.message).toBe(
      `This run needs about ${formatBytes(e.bytes)} of memory; this computer allows 6 GB for training. ` +
        `Most of it is the activations of 'n2' for a batch of 976 samples: ${formatBytes(e.parts[0].bytes)}. ` +
        `Set the batch size to ${fits} or less (it is the full batch of 976 now), or use fewer channels in 'n1', or shorter signals.`,
    );
    // The suggested batch size really fits, and one more does not.
    const at = (b: number) => estimateRequestMemory({ ...bomb, settings: { ...bomb.settings, batchSize: b } })!.bytes;
    expect(at(fits)).toBeLessThanOrEqual(budget.bytes);
    expect(at(fits + 1)).toBeGreaterThan(budget.bytes);
  });

  it('names a limit the user chose as theirs, and says it can be raised', () => {
    const verdict = checkMemory(estimateRequestMemory(bomb)!, { bytes: 512 * MB, source: 'chosen' });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.problem.message).toMatch(/; your memory limit is 512 MB\. .* Or raise your memory limit\.$/);
  });

  it('within budget: a one-line summary and no problem', () => {
    const e = estimateRequestMemory(cases[1][1])!;
    const verdict = checkMemory(e, { bytes: 12 * GB, source: 'computer' });
    expect(verdict.ok).toBe(true);
    expect(verdict.summary).toMatch(/^needs about [\d.]+ (KB|MB) for a batch of 32 \(limit 12 GB\)$/);
  });

  it('writes two sizes that would read the same with a decimal', () => {
    const e = { ...estimateRequestMemory(bomb)!, bytes: 11.9 * GB };
    expect(checkMemory(e, { bytes: 11.6 * GB, source: 'computer' }).summary).toMatch(/needs about 11\.9 GB .*\(limit 11\.6 GB\)/);
  });
});

describe('budgets and sizes', () => {
  it('the automatic budget is half the machine, capped at what a Float64Array can address; unknown = the fallback', () => {
    expect(automaticMemoryBudget(16 * GB, 'computer')).toEqual({ bytes: 8 * GB, source: 'computer' });
    expect(automaticMemoryBudget(1024 * GB, 'computer').bytes).toBe(MAX_MEMORY_LIMIT);
    expect(automaticMemoryBudget(undefined, 'browser')).toEqual({ bytes: 2 * GB, source: 'browser' });
    expect(chosenMemoryBudget(512 * MB, DEFAULT_MEMORY_BUDGET)).toEqual({ bytes: 512 * MB, source: 'chosen' });
    expect(chosenMemoryBudget(null, DEFAULT_MEMORY_BUDGET)).toBe(DEFAULT_MEMORY_BUDGET);
  });

  it.each([
    ['512MB', 512 * MB],
    ['2GB', 2 * GB],
    ['2 gb', 2 * GB],
    ['1.5G', 1.5 * GB],
    ['1073741824', GB],
    ['automatic', null],
  ])('reads %s', (text, bytes) => {
    expect(parseMemorySize(text)).toEqual({ ok: true, bytes });
  });

  it.each(['', 'lots', '2 parsecs', '-1GB', '0', '1e9', '100TB', '12 KB'])('refuses %j with a message that shows how to write a size', (text) => {
    const r = parseMemorySize(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/512MB|from 1 MB to 32 GB/);
  });

  it('recognises the errors of running out of memory', () => {
    expect(isOutOfMemory(new RangeError('Array buffer allocation failed'))).toBe(true);
    expect(isOutOfMemory(new RangeError('Invalid typed array length: 8589934592'))).toBe(true);
    expect(isOutOfMemory({ code: 'ERR_WORKER_OUT_OF_MEMORY', message: 'Worker terminated due to reaching memory limit: JS heap out of memory' })).toBe(true);
    expect(isOutOfMemory(new Error('injected failure'))).toBe(false);
  });
});

describe('createTrainingSession refuses before allocating', () => {
  it('B5: the memory bomb is refused with the memory problem and no session', () => {
    const r = createTrainingSession(bomb, { now: () => 0, memory: { budget: { bytes: 6 * GB, source: 'computer' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([expect.objectContaining({ code: 'too-much-memory', allowed: 6 * GB })]);
  });

  it('B5: without a budget the conservative default applies', () => {
    const r = createTrainingSession(bomb, { now: () => 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/at most 2 GB is allowed here/);
  });

  it('a small run within its budget starts', () => {
    expect(createTrainingSession(cases[0][1], { now: () => 0, memory: { budget: { bytes: 64 * MB, source: 'chosen' } } }).ok).toBe(true);
  });

  it('evaluates in chunks of one batch: the final accuracy and loss are those of every training sample', () => {
    const req: TrainRequest = { spec: conv, dataset: WAVES, settings: settings({ loss: 'crossEntropy', optimizer: opt('Adam'), batchSize: 7, testSplit: 0.25, epochs: 3 }) };
    const s = trainedSession(req);
    const data = makeDataset(req.dataset);
    if (!data.ok) throw new Error('bad data');
    const d = data.dataset;
    const inSize = d.x.length / d.n;
    let correct = 0;
    let loss = 0;
    for (const i of s.trainIndices) {
      const p = s.predict(d.x.subarray(i * inSize, (i + 1) * inSize), 1);
      const best = p.indexOf(Math.max(...p));
      if (best === d.y[i]) correct++;
      loss -= Math.log(p[d.y[i]]);
    }
    const r = s.result()!;
    expect(r.accuracy).toBe(correct / s.trainIndices.length);
    expect(r.loss).toBeCloseTo(loss / s.trainIndices.length, 10);
  });
});

describe('every other start path refuses before allocating (B5)', () => {
  it('B5: the step-through of 16 bomb samples is refused, and a small one starts', () => {
    const samples = Array.from({ length: 16 }, (_, i) => i);
    const r = createInspector({ ...bomb, weights: null, samples, memoryBudget: { bytes: GB, source: 'browser' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([expect.objectContaining({ code: 'too-much-memory', message: expect.stringMatching(/^This step-through needs about [\d.]+ GB of memory; this browser allows about 1 GB for training\. Most of it is the copies of every value shown for 16 samples: [\d.]+ GB\. Use fewer samples, or fewer channels or units, or shorter signals\.$/) })]);
    const [, xor] = cases[0];
    expect(createInspector({ ...xor, weights: null, samples: [0, 1], memoryBudget: { bytes: MB, source: 'browser' } }).ok).toBe(true);
  });

  it('B5: the gradient view over the bomb training split is refused', () => {
    const r = trainingGradients(bomb, 4096, { bytes: 6 * GB, source: 'computer' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: 'too-much-memory', message: expect.stringMatching(/^The gradient view needs about \d+ GB of memory; this computer allows 6 GB/) });
    expect(trainingGradients(cases[0][1], 4096, { bytes: MB, source: 'computer' }).ok).toBe(true);
  });

  it('B5: a sweep names the first run that cannot fit on its own', () => {
    const base = { spec: bomb.spec, dataset: bomb.dataset, settings: bomb.settings };
    const budget: MemoryBudget = { bytes: 6 * GB, source: 'computer' };
    const over = expandSweep(base, { setting: 'batchSize', values: ['8', '0'] });
    const fine = expandSweep(base, { setting: 'batchSize', values: ['8', '16'] });
    if (!over.ok || !fine.ok) throw new Error('the sweeps do not expand');
    expect(sweepMemoryRefusal(over.plan, budget)).toMatchObject({ run: { value: '0' }, problem: { code: 'too-much-memory' } });
    expect(sweepMemoryRefusal(fine.plan, budget)).toBeNull();
  });

  it('B5: a run whose allocation fails anyway ends as the out-of-memory error event, not as "a bug"', async () => {
    const session = {
      epoch: 0,
      skippedSteps: 0,
      lastSkipped: null,
      runBatches: () => {
        throw new RangeError('Array buffer allocation failed');
      },
    } as unknown as TrainingSession;
    const events: TrainingEvent[] = [];
    const handle = driveSession(session, { runId: 'r', now: () => 0, yieldToLoop: async () => undefined, emit: (e) => events.push(e), boundaryResolution: 0 });
    await handle.finished;
    expect(events).toEqual([{ type: 'error', runId: 'r', message: OUT_OF_MEMORY_MESSAGE, text: OUT_OF_MEMORY_TEXT }]);
  });
});
