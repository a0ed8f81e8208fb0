// Divergence: a non-finite or exploding loss ends the run (N1), non-finite gradients are skipped
// and then end it (N2), and the message says what, where and what next (N6).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../core/data/index';
import type { DatasetSpec } from '../../../core/data/types';
import { compileModel } from '../../../core/graph/validate';
import { divergenceInfo, explodedLimit } from '../../../core/train/divergence';
import { parseProject } from '../../../core/project/parse';
import { projectToSpec } from '../../../core/project/spec';
import type { NetworkParam } from '../../../core/train/network';
import { Session, createSessionFromParts, createTrainingSession, type SessionTestHooks } from '../../../core/train/session';
import { OPTIMIZER_DEFAULTS, defaultSettings } from '../../../core/train/settings';
import type { OptimizerName, TrainingSettings, Weights } from '../../../core/train/types';
import { nodeId, type ModelSpec } from '../../../core/graph/spec';
import { driveSession } from '../../../core/train/driver';
import type { TrainingEvent } from '../../../core/train/events';
import { chainSpec, labSpec, type ChainLink } from '../../helpers/specs';

const XOR: DatasetSpec = { kind: 'generator', generator: 'xor', params: {}, seed: 1 };
const now = { now: () => 0 };

function allFinite(w: Weights): boolean {
  return Object.values(w).every((e) => Object.values(e).every((t) => t.data.every(Number.isFinite)));
}

function labSession(s: Partial<TrainingSettings>, testHooks?: SessionTestHooks) {
  const r = createTrainingSession({ spec: labSpec(), dataset: XOR, settings: { ...defaultSettings(), ...s } }, { ...now, testHooks });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.session;
}

const TOY_REGRESSION = chainSpec([['Linear', { outFeatures: 1 }]]);
const TOY_DATA: DatasetSpec = { kind: 'generator', generator: 'linear', params: { n: 50 }, seed: 3 };

/** A session past core's setting bounds (an old file, a hand edit): the engine must still cope. */
function unboundedSession(spec: ModelSpec, dataset: DatasetSpec, settings: TrainingSettings) {
  const data = makeDataset(dataset);
  if (!data.ok) throw new Error('dataset');
  const compiled = compileModel(spec, data.dataset.inputShape);
  if (!compiled.ok) throw new Error('spec');
  const r = createSessionFromParts(compiled.model, data.dataset, settings, null, now);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.session;
}

describe('a non-finite or exploding loss ends the run (N1)', () => {
  it('N1 toy regression at lr = 100, the largest allowed, explodes at epoch 2 and keeps the initial weights', () => {
    const r = createTrainingSession({ spec: TOY_REGRESSION, dataset: TOY_DATA, settings: { ...defaultSettings(), loss: 'mse', optimizer: { type: 'SGD', lr: 100 }, epochs: 10_000 } }, now);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const s = r.session;
    const initial = s.weights();
    const report = s.runBatches(Infinity);
    const result = report.finished!;
    expect(result.state).toBe('diverged');
    const d = result.diverged!;
    expect(d).toMatchObject({ epoch: 2, batch: 1, value: '87700', where: { kind: 'loss' }, keptEpoch: 0 });
    expect(d.message).toBe(
      'Loss exploded to 87700 at epoch 2 (it started at 1.25): more than 1000 times its starting value, so training stopped. The initial weights were kept.',
    );
    expect(d.advice[0]).toBe('Lower the learning rate, e.g. ÷10: from 100 to 10.');
    // The epoch that exploded is reported like any other, and nothing follows it.
    expect(report.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(s.weights()).toStrictEqual(initial);
    expect(result.loss).toBe(s.metrics()[0].loss);
    expect(s.runBatches(10)).toEqual({ epochs: [], batches: 0, finished: result });
    expect(s.stop()).toBe(result);
  });

  it('N1 XOR at lr = 1e6 (past the bound, as an old file had it) ends as diverged, not "done" at loss 1.3e+6', () => {
    const s = unboundedSession(labSpec(), XOR, { ...defaultSettings(), optimizer: { type: 'SGD', lr: 1e6 } });
    const result = s.runBatches(Infinity).finished!;
    expect(result.state).toBe('diverged');
    const d = result.diverged!;
    expect(d.message).toMatch(/^Loss exploded to 1\.57e\+6 at epoch 2 \(it started at 1\.41\)/);
    expect(`${d.value} ${d.message} ${d.advice.join(' ')}`).not.toMatch(/Infinity|NaN/);
    expect(allFinite(s.weights())).toBe(true);
    expect(result.loss).toBeLessThan(explodedLimit(1.41));
  });

  it('N1 a run that learns and then explodes keeps the weights that began its best epoch', () => {
    // A growing rate (gamma > 1, past the bound) trains well for a while, then blows up.
    const s = unboundedSession(TOY_REGRESSION, TOY_DATA, { ...defaultSettings(), loss: 'mse', optimizer: { type: 'SGD', lr: 0.01 }, schedule: { type: 'exponential', gamma: 1.1 }, epochs: 1000 });
    const result = s.runBatches(Infinity).finished!;
    expect(result.state).toBe('diverged');
    const losses = s.metrics().map((m) => m.loss);
    const best = losses.indexOf(Math.min(...losses));
    expect(result.diverged!.keptEpoch).toBe(best);
    expect(result.diverged!.message).toContain(`The weights with the lowest loss (from epoch ${best}) were kept.`);
    // Full batch: an epoch's loss is the loss of the weights it began with, so the kept ones score exactly it.
    expect(result.loss).toBe(losses[best]);
    expect(losses[losses.length - 1]).toBeGreaterThan(explodedLimit(losses[0]));
  });

  it('N1 the host loop (the app, sweeps) streams the exploded epoch and then exactly one diverged event', async () => {
    const r = createTrainingSession({ spec: TOY_REGRESSION, dataset: TOY_DATA, settings: { ...defaultSettings(), loss: 'mse', optimizer: { type: 'SGD', lr: 100 } } }, now);
    if (!r.ok) throw new Error('session');
    const events: TrainingEvent[] = [];
    let t = 0;
    await driveSession(r.session, { runId: 'r', now: () => (t += 7), yieldToLoop: async () => undefined, emit: (e) => events.push(e), boundaryResolution: 0 }).finished;
    const epochs = events.flatMap((e) => (e.type === 'progress' ? e.epochs.map((m) => m.epoch) : []));
    expect(epochs).toEqual([1, 2]);
    const last = events[events.length - 1];
    expect(last.type).toBe('diverged');
    expect(events.filter((e) => e.type === 'diverged' || e.type === 'done')).toHaveLength(1);
    if (last.type === 'diverged') {
      expect(last.result.diverged?.message).toMatch(/^Loss exploded to/);
      expect(allFinite(last.weights)).toBe(true);
    }
  });

  it('a poisoned label ends the run at the first batch, keeping the initial weights', () => {
    const data = makeDataset(XOR);
    if (!data.ok) throw new Error('xor');
    const y = data.dataset.y.slice();
    y[3] = NaN;
    const compiled = compileModel(labSpec(), data.dataset.inputShape);
    if (!compiled.ok) throw new Error('lab spec');
    const r = createSessionFromParts(compiled.model, { ...data.dataset, y }, defaultSettings(), null, now);
    if (!r.ok) throw new Error('session');
    const initial = r.session.weights();
    const result = r.session.runBatches(100).finished!;
    expect(result.state).toBe('diverged');
    expect(result.diverged).toMatchObject({ epoch: 1, batch: 1, value: 'NaN', lastFiniteLoss: null, keptEpoch: 0 });
    expect(result.diverged!.message).toContain('Loss became NaN at epoch 1, batch 1.');
    expect(r.session.weights()).toStrictEqual(initial);
    expect(r.session.metrics()).toEqual([]);
  });
});

describe('non-finite gradients are caught before they reach the weights (N2)', () => {
  function poison(steps: number[], values: number[]): SessionTestHooks & { before: Map<number, Float64Array[]> } {
    const before = new Map<number, Float64Array[]>();
    return {
      before,
      afterBackward(step: number, params: readonly NetworkParam[]) {
        before.set(step, params.map((p) => p.param.value.slice()));
        if (!steps.includes(step)) return;
        const w = params.find((p) => p.nodeId === 'n3' && p.param.name === 'weight')!;
        values.forEach((v, i) => (w.param.grad[i] = v));
      },
    };
  }

  it('tells the run\'s listener about skipped steps, coalesced with its progress, and the run goes on to the end', async () => {
    const hooks = poison([3, 10, 11, 40], [NaN, Infinity, NaN]);
    const s = labSession({ epochs: 60 }, hooks);
    const events: TrainingEvent[] = [];
    let t = 0;
    const handle = driveSession(s, {
      runId: 'r',
      now: () => (t += 7),
      yieldToLoop: async () => undefined,
      emit: (e) => events.push(e),
      boundaryResolution: 0,
    });
    await handle.finished;
    const skipped = events.filter((e) => e.type === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.length).toBeLessThanOrEqual(events.filter((e) => e.type === 'progress').length + 1);
    const last = skipped[skipped.length - 1];
    expect(last).toMatchObject({ runId: 'r', total: 4, last: { epoch: 40, batch: 1, nodeId: 'n3', layerType: 'Linear', tensor: 'weight', nan: 2, inf: 1 } });
    // Totals only grow, and the run ended normally after them.
    const totals = skipped.map((e) => (e.type === 'skipped' ? e.total : 0));
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    expect(events[events.length - 1].type).toBe('done');
  });

  it('skips the step: the weights after step k equal those before it, and training goes on', () => {
    const hooks = poison([3], [NaN]);
    const s = labSession({ epochs: 5 }, hooks);
    s.runBatches(3);
    const afterStep3 = s.weights();
    expect((s as Session).skippedSteps).toBe(1);
    expect((s as Session).lastSkipped).toEqual({ epoch: 3, batch: 1, nodeId: 'n3', layerType: 'Linear', tensor: 'weight', nan: 1, inf: 0 });
    const before3 = hooks.before.get(3)!;
    expect(afterStep3.n3.weight.data).toEqual(Array.from(before3[2]));
    expect(afterStep3.n1.weight.data).toEqual(Array.from(before3[0]));
    const r = s.runBatches(Infinity);
    expect(r.finished?.state).toBe('done');
    expect(s.weights().n1.weight.data).not.toEqual(Array.from(before3[0]));
  });

  it(`after 3 bad steps in a row the run diverges, naming the layer, the tensor and the NaN/Inf counts`, () => {
    const hooks = poison([5, 6, 7], [NaN, Infinity, NaN]);
    const s = labSession({ epochs: 50 }, hooks);
    const result = s.runBatches(Infinity).finished!;
    expect(result.state).toBe('diverged');
    const d = result.diverged!;
    expect(d).toMatchObject({ epoch: 7, batch: 1, value: 'NaN', keptEpoch: 6, where: { kind: 'gradient', nodeId: 'n3', tensor: 'weight' } });
    expect(d.message).toContain("The gradient of weight in Linear 'n3' became NaN at epoch 7, batch 1 (2 NaN and 1 infinite values)");
    expect(s.weights().n3.weight.data).toEqual(Array.from(hooks.before.get(5)![2]));
    expect(s.metrics()).toHaveLength(6);
  });
});

describe('the divergence message says what, where and what next (N6)', () => {
  it('for a loss', () => {
    expect(
      divergenceInfo({ epoch: 12, batch: 3, value: NaN, where: { kind: 'loss' }, lastFiniteLoss: 0.693147, keptEpoch: 11, lr: 0.5, clipNorm: null }),
    ).toEqual({
      epoch: 12,
      batch: 3,
      value: 'NaN',
      where: { kind: 'loss' },
      lastFiniteLoss: 0.693147,
      keptEpoch: 11,
      message: 'Loss became NaN at epoch 12, batch 3. The last finite loss was 0.693147. The last good weights (from epoch 11) were kept.',
      advice: [
        'Lower the learning rate, e.g. ÷10: from 0.5 to 0.05.',
        'Normalize the inputs so each feature has mean 0 and standard deviation 1.',
        'Turn on gradient clipping (clipNorm), e.g. 1.',
      ],
      // The same sentences as Texts, for readers in another language (test/core/train/said.test.ts).
      text: expect.objectContaining({ key: 'train.diverged.messageWithLast' }),
      adviceText: [expect.anything(), expect.anything(), expect.anything()],
    });
  });

  it('for a gradient, with clipping already on', () => {
    const d = divergenceInfo({
      epoch: 2,
      batch: 7,
      value: -Infinity,
      where: { kind: 'gradient', nodeId: nodeId('dense'), layerType: 'Linear', tensor: 'bias', nan: 0, inf: 4 },
      lastFiniteLoss: 1234.5,
      keptEpoch: 1,
      lr: 0.003,
      clipNorm: 5,
    });
    expect(d.value).toBe('-Infinity');
    expect(d.where).toEqual({ kind: 'gradient', nodeId: 'dense', tensor: 'bias' });
    expect(d.message).toBe(
      "The gradient of bias in Linear 'dense' became -Infinity at epoch 2, batch 7 (0 NaN and 4 infinite values); 3 steps in a row had to be skipped. The last finite loss was 1234.5. The last good weights (from epoch 1) were kept.",
    );
    expect(d.advice).toEqual([
      'Lower the learning rate, e.g. ÷10: from 0.003 to 0.0003.',
      'Normalize the inputs so each feature has mean 0 and standard deviation 1.',
      'Clip gradients harder: lower clipNorm from 5 to 0.5.',
    ]);
  });
});

describe('an exploded loss in the message (N6)', () => {
  it('says what the loss reached, where it started and which weights were kept, in readable numbers', () => {
    const d = divergenceInfo({ epoch: 12, batch: 4, value: 1_315_000, where: { kind: 'exploded', startLoss: 0.6931 }, lastFiniteLoss: 2e6, keptEpoch: 9, lr: 0.5, clipNorm: null });
    expect(d).toMatchObject({ epoch: 12, value: '1.32e+6', where: { kind: 'loss' }, keptEpoch: 9 });
    expect(d.message).toBe(
      'Loss exploded to 1.32e+6 at epoch 12 (it started at 0.693): more than 1000 times its starting value, so training stopped. The weights with the lowest loss (from epoch 9) were kept.',
    );
    expect(d.advice[0]).toBe('Lower the learning rate, e.g. ÷10: from 0.5 to 0.05.');
  });

  it('never advises "from Infinity to Infinity": a rate that is not a usable number gets advice without numbers', () => {
    for (const lr of [Infinity, NaN, 0]) {
      const d = divergenceInfo({ epoch: 3, batch: 1, value: NaN, where: { kind: 'loss' }, lastFiniteLoss: 0.7, keptEpoch: 2, lr, clipNorm: null });
      expect(d.advice[0]).toBe('Lower the learning rate, e.g. ÷10.');
      expect(d.advice.join(' ')).not.toMatch(/Infinity|NaN/);
    }
  });
});

describe('healthy runs never trip the explosion rule (N1)', () => {
  const trainFile = (path: string) => {
    const parsed = parseProject(readFileSync(path, 'utf8'));
    if (!parsed.ok) throw new Error(path);
    const p = parsed.project;
    const r = createTrainingSession({ spec: projectToSpec(p), dataset: p.dataset, settings: p.training, initialWeights: null }, now);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.session.runBatches(Infinity).finished!;
  };

  it.each(['examples/xor.bpnn', 'examples/linear.bpnn', 'examples/spiral-softmax.bpnn', 'examples/waves-conv1d.bpnn', 'examples/residual-spiral.bpnn', 'test/fixtures/circle-tanh.bpnn'])(
    '%s trains to its usual result: done, 100% training accuracy',
    (path) => {
      const result = trainFile(path);
      expect(result.state).toBe('done');
      expect(result.accuracy).toBe(1);
    },
    120_000,
  );

  it('runs at up to 10× each optimizer\'s default rate, on every 2-D dataset, with any init and batch size, end done', () => {
    const generators = ['xor', 'circle', 'linear', 'spiral', 'gaussian'] as const;
    const threeClasses = new Set(['spiral', 'gaussian']);
    fc.assert(
      fc.property(
        fc.record({
          generator: fc.constantFrom(...generators),
          optimizer: fc.constantFrom<OptimizerName>('SGD', 'Momentum', 'RMSProp', 'Adam'),
          lrScale: fc.double({ min: 0.1, max: 10, noNaN: true }),
          activation: fc.constantFrom<ChainLink[0]>('Sigmoid', 'Tanh', 'ReLU'),
          init: fc.constantFrom<TrainingSettings['init']>('normal', 'xavier', 'he'),
          batchSize: fc.constantFrom(0, 8, 32),
          mse: fc.boolean(),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        (c) => {
          const k = threeClasses.has(c.generator) ? 3 : 2;
          const head: ChainLink[] = k === 2 && !c.mse ? [['Linear', { outFeatures: 1 }], ['Sigmoid']] : [['Linear', { outFeatures: k }], ['Softmax']];
          const spec = chainSpec([['Linear', { outFeatures: 16 }], [c.activation], ['Linear', { outFeatures: 16 }], [c.activation], ...head]);
          const opt = OPTIMIZER_DEFAULTS[c.optimizer];
          const settings: TrainingSettings = {
            ...defaultSettings(),
            loss: c.mse ? 'mse' : k === 2 ? 'bce' : 'crossEntropy',
            optimizer: { ...opt, lr: opt.lr * c.lrScale },
            init: c.init,
            batchSize: c.batchSize,
            epochs: 100,
            seed: c.seed,
          };
          const r = createTrainingSession({ spec, dataset: { kind: 'generator', generator: c.generator, params: {}, seed: c.seed }, settings }, now);
          if (!r.ok) throw new Error(JSON.stringify(r.problems));
          const result = r.session.runBatches(Infinity).finished!;
          expect(result.diverged?.message ?? '').toBe('');
          expect(result.state).toBe('done');
        },
      ),
      { numRuns: 25, seed: 20240601 },
    );
  }, 600_000);
});
