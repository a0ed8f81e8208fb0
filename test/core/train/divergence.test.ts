// Divergence: a non-finite loss ends the run (N1), non-finite gradients are skipped and then
// end it (N2), and the message says what, where and what next (N6).
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../core/data/index';
import type { DatasetSpec } from '../../../core/data/types';
import { compileModel } from '../../../core/graph/validate';
import { divergenceInfo } from '../../../core/train/divergence';
import type { NetworkParam } from '../../../core/train/network';
import { Session, createSessionFromParts, createTrainingSession, type SessionTestHooks } from '../../../core/train/session';
import { defaultSettings } from '../../../core/train/settings';
import type { TrainingSettings, Weights } from '../../../core/train/types';
import { nodeId } from '../../../core/graph/spec';
import { driveSession } from '../../../core/train/driver';
import type { TrainingEvent } from '../../../core/train/events';
import { chainSpec, labSpec } from '../../helpers/specs';

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

describe('a non-finite loss ends the run (N1)', () => {
  it('toy regression with lr = 1e3 diverges with the last finite weights kept', () => {
    const r = createTrainingSession(
      {
        spec: chainSpec([['Linear', { outFeatures: 1 }]]),
        dataset: { kind: 'generator', generator: 'linear', params: { n: 50 }, seed: 3 },
        settings: { ...defaultSettings(), loss: 'mse', optimizer: { type: 'SGD', lr: 1e3 }, epochs: 10_000 },
      },
      now,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const s = r.session;
    const report = s.runBatches(Infinity);
    const result = report.finished!;
    expect(result.state).toBe('diverged');
    const d = result.diverged!;
    expect(['NaN', 'Infinity']).toContain(d.value);
    expect(d.where).toEqual({ kind: 'loss' });
    expect(d.batch).toBe(1);
    expect(d.epoch).toBe(s.metrics().length + 1);
    expect(d.epoch).toBeLessThan(10_000);
    expect(d.lastFiniteLoss).toEqual(expect.any(Number));
    expect(Number.isFinite(d.lastFiniteLoss)).toBe(true);
    expect(d.keptEpoch).toBe(d.epoch - 2);
    expect(d.message).toMatch(new RegExp(`^Loss became ${d.value} at epoch ${d.epoch}, batch 1\\.`));
    expect(d.advice[0]).toContain('from 1000 to 100');
    expect(allFinite(s.weights())).toBe(true);
    // Nothing happens after the end.
    expect(s.runBatches(10)).toEqual({ epochs: [], batches: 0, finished: result });
    expect(s.stop()).toBe(result);
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
