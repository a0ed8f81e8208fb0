// Optimizers, learning-rate schedules and gradient clipping (N3), against the formulas of
// reference/README.md computed here by hand.
import { describe, expect, it } from 'vitest';
import type { Param } from '../../../core/layers/layer';
import { clipGradNorm, globalGradNorm } from '../../../core/optim/clip';
import { createOptimizer } from '../../../core/optim/create';
import { scheduledLr } from '../../../core/optim/schedules';
import type { OptimizerSettings } from '../../../core/train/types';

/** Hand-computed expectations differ from the engine only by rounding. */
const TOL = 1e-14;

function param(values: number[], name: 'weight' | 'bias' = 'weight'): Param {
  return { name, value: Float64Array.from(values), grad: new Float64Array(values.length), shape: [values.length] };
}

function run(settings: OptimizerSettings, start: number[], grads: number[][]): number[][] {
  const p = param(start);
  const opt = createOptimizer(settings, [p]);
  return grads.map((g) => {
    p.grad.set(g);
    opt.step();
    return Array.from(p.value);
  });
}

function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]), `entry ${i}: ${a} vs ${expected[i]}`).toBeLessThanOrEqual(TOL * Math.max(1, Math.abs(expected[i]))));
}

describe('optimizers apply their update rule', () => {
  const grads = [[0.5, -2], [1, 0.25], [-0.75, 1.5]];

  it('SGD: p −= lr·g', () => {
    const out = run({ type: 'SGD', lr: 0.1 }, [1, 2], grads);
    expectClose(out[0], [1 - 0.05, 2 + 0.2]);
    expectClose(out[2], [1 - 0.1 * (0.5 + 1 - 0.75), 2 - 0.1 * (-2 + 0.25 + 1.5)]);
  });

  it('Momentum: v = μ·v + g; p −= lr·v', () => {
    const out = run({ type: 'Momentum', lr: 0.1, momentum: 0.9 }, [1, 2], grads);
    let v = [0, 0];
    const p = [1, 2];
    grads.forEach((g, s) => {
      v = v.map((vi, i) => 0.9 * vi + g[i]);
      v.forEach((vi, i) => (p[i] -= 0.1 * vi));
      expectClose(out[s], p);
    });
  });

  it('RMSProp: s = α·s + (1−α)·g²; p −= lr·g/(√s + eps)', () => {
    const out = run({ type: 'RMSProp', lr: 0.01, alpha: 0.9, eps: 1e-8 }, [1, 2], grads);
    let sq = [0, 0];
    const p = [1, 2];
    grads.forEach((g, s) => {
      sq = sq.map((si, i) => 0.9 * si + 0.1 * g[i] * g[i]);
      g.forEach((gi, i) => (p[i] -= (0.01 * gi) / (Math.sqrt(sq[i]) + 1e-8)));
      expectClose(out[s], p);
    });
  });

  it('Adam: bias-corrected moments with t from 1, so the first step is lr·sign(g)', () => {
    const out = run({ type: 'Adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, [1, 2], grads);
    // m̂ = g and v̂ = g² at t = 1: the step is lr·g/(|g| + eps).
    expectClose(out[0], [1 - (0.01 * 0.5) / (0.5 + 1e-8), 2 + (0.01 * 2) / (2 + 1e-8)]);
    let m = [0, 0], v = [0, 0];
    const p = [1, 2];
    grads.forEach((g, s) => {
      const t = s + 1;
      m = m.map((mi, i) => 0.9 * mi + 0.1 * g[i]);
      v = v.map((vi, i) => 0.999 * vi + 0.001 * g[i] * g[i]);
      p.forEach((_, i) => (p[i] -= (0.01 * (m[i] / (1 - 0.9 ** t))) / (Math.sqrt(v[i] / (1 - 0.999 ** t)) + 1e-8)));
      expectClose(out[s], p);
    });
  });

  it('keeps separate state per param tensor and reads the lr at every step', () => {
    const a = param([1]);
    const b = param([1], 'bias');
    const opt = createOptimizer({ type: 'Momentum', lr: 1, momentum: 0.5 }, [a, b]);
    a.grad[0] = 1;
    b.grad[0] = -1;
    opt.step();
    opt.lr = 0.5;
    opt.step();
    // v_a: 1 then 1.5; v_b: −1 then −1.5
    expect(a.value[0]).toBeCloseTo(1 - 1 - 0.75, 14);
    expect(b.value[0]).toBeCloseTo(1 + 1 + 0.75, 14);
  });
});

describe('learning-rate schedules', () => {
  it('constant keeps the base rate', () => {
    expect([0, 10, 999].map((e) => scheduledLr(0.05, { type: 'constant' }, e, 1000))).toEqual([0.05, 0.05, 0.05]);
  });

  it('step: lr·gamma^floor(epoch / stepSize)', () => {
    const s = { type: 'step', stepSize: 10, gamma: 0.5 } as const;
    expect([0, 9, 10, 25].map((e) => scheduledLr(0.4, s, e, 100))).toEqual([0.4, 0.4, 0.2, 0.1]);
  });

  it('exponential: lr·gamma^epoch', () => {
    const s = { type: 'exponential', gamma: 0.9 } as const;
    expect(scheduledLr(1, s, 0, 10)).toBe(1);
    expect(scheduledLr(1, s, 3, 10)).toBeCloseTo(0.729, 15);
  });

  it('cosine: from lr at the first epoch down towards minLr, halfway at the middle', () => {
    const s = { type: 'cosine', minLr: 0.01 } as const;
    expect(scheduledLr(0.11, s, 0, 100)).toBeCloseTo(0.11, 15);
    expect(scheduledLr(0.11, s, 50, 100)).toBeCloseTo(0.06, 15);
    expect(scheduledLr(0.11, s, 100, 100)).toBeCloseTo(0.01, 15);
    expect(scheduledLr(0.11, s, 99, 100)).toBeGreaterThan(0.01);
  });
});

describe('gradient clipping by global norm (N3)', () => {
  function grads(): Param[] {
    const a = param([0, 0, 0]);
    const b = param([0, 0], 'bias');
    a.grad.set([30, -40, 0]);
    b.grad.set([120, 0]);
    return [a, b];
  }

  it('reports the norm before clipping and brings it down to c', () => {
    const ps = grads();
    expect(clipGradNorm(ps, 1.3)).toBe(130);
    expect(globalGradNorm(ps)).toBeLessThanOrEqual(1.3 * (1 + 1e-9));
    expect(globalGradNorm(ps)).toBeCloseTo(1.3, 12);
  });

  it('keeps the direction: cosine with the original is 1 within 1e-12', () => {
    const before = grads().flatMap((p) => Array.from(p.grad));
    const ps = grads();
    clipGradNorm(ps, 0.5);
    const after = ps.flatMap((p) => Array.from(p.grad));
    const dot = before.reduce((s, v, i) => s + v * after[i], 0);
    const cos = dot / (Math.hypot(...before) * Math.hypot(...after));
    expect(Math.abs(cos - 1)).toBeLessThanOrEqual(1e-12);
  });

  it('leaves gradients below c untouched', () => {
    const ps = grads();
    expect(clipGradNorm(ps, 1000)).toBe(130);
    expect(Array.from(ps[0].grad)).toEqual([30, -40, 0]);
    expect(Array.from(ps[1].grad)).toEqual([120, 0]);
  });

  it('measures norms whose squares overflow', () => {
    const p = param([0, 0]);
    p.grad.set([3e200, 4e200]);
    expect(globalGradNorm([p])).toBeCloseTo(5e200, -186);
    clipGradNorm([p], 1);
    expect(globalGradNorm([p])).toBeCloseTo(1, 12);
  });
});
