// Loss gradients by finite differences, the fused pairs against the unfused formulas, and
// stability at the extremes (N5).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeId } from '../../../core/graph/spec';
import { chainSources, type CompiledModel, type ResolvedLayer } from '../../../core/graph/resolved';
import { bce, bceWithLogits } from '../../../core/losses/bce';
import { crossEntropy, softmaxCrossEntropy } from '../../../core/losses/cross-entropy';
import { mse } from '../../../core/losses/mse';
import { Network } from '../../../core/train/network';
import type { LossName } from '../../../core/train/types';
import { GRAD_REL_TOL, numericGrad, relError, values } from '../../helpers/gradcheck';

/** Fused and unfused computations differ only by rounding. */
const FUSED_REL_TOL = 1e-12;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function softmaxRows(z: Float64Array, n: number, k: number): Float64Array {
  const p = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, z[i * k + j]);
    let s = 0;
    for (let j = 0; j < k; j++) s += (p[i * k + j] = Math.exp(z[i * k + j] - max));
    for (let j = 0; j < k; j++) p[i * k + j] /= s;
  }
  return p;
}

/** A network that is just the final activation, so the logits are its input. */
function headOnly(type: 'Sigmoid' | 'Softmax' | 'Identity', width: number): Network {
  const layers: ResolvedLayer[] = [{ nodeId: nodeId('head'), type }];
  const model: CompiledModel = { inputShape: [width], inputId: nodeId('in'), layers, sources: chainSources(nodeId('in'), layers), outputShape: [width], shapes: [], paramCount: 0 };
  return new Network(model);
}

describe('loss gradients match central finite differences (N5)', () => {
  const n = 4;
  it('bce', () => {
    const p = values(n * 2, 5, 0.05, 0.95);
    const y = Float64Array.of(0, 1, 1, 0, 1, 0, 0, 1);
    const g = new Float64Array(p.length);
    bce(p, y, p.length, g);
    expect(relError(g, numericGrad(() => bce(p, y, p.length, null), p))).toBeLessThan(GRAD_REL_TOL);
  });

  it('mse', () => {
    const p = values(n * 3, 6);
    const y = values(n * 3, 9);
    const g = new Float64Array(p.length);
    mse(p, y, p.length, g);
    expect(relError(g, numericGrad(() => mse(p, y, p.length, null), p))).toBeLessThan(GRAD_REL_TOL);
  });

  it('crossEntropy over class indices', () => {
    const p = softmaxRows(values(n * 3, 8, -2, 2), n, 3);
    const labels = Float64Array.of(2, 0, 1, 2);
    const g = new Float64Array(p.length);
    crossEntropy(p, labels, n, 3, g);
    expect(relError(g, numericGrad(() => crossEntropy(p, labels, n, 3, null), p))).toBeLessThan(GRAD_REL_TOL);
  });

  it('sigmoid + bce fused: the gradient w.r.t. the logits', () => {
    const z = values(n, 10, -3, 3);
    const y = Float64Array.of(1, 0, 0, 1);
    const g = new Float64Array(n);
    bceWithLogits(z, z.map(sigmoid), y, n, g);
    expect(relError(g, numericGrad(() => bceWithLogits(z, z.map(sigmoid), y, n, null), z))).toBeLessThan(GRAD_REL_TOL);
  });

  it('softmax + crossEntropy fused: the gradient w.r.t. the logits', () => {
    const z = values(n * 3, 12, -3, 3);
    const labels = Float64Array.of(0, 2, 1, 1);
    const g = new Float64Array(z.length);
    softmaxCrossEntropy(z, softmaxRows(z, n, 3), labels, n, 3, g);
    const numeric = numericGrad(() => softmaxCrossEntropy(z, softmaxRows(z, n, 3), labels, n, 3, null), z);
    expect(relError(g, numeric)).toBeLessThan(GRAD_REL_TOL);
  });
});

describe('fused losses give the unfused numbers', () => {
  it('sigmoid + bce from logits equals bce of the sigmoid', () => {
    const z = values(6, 21, -4, 4);
    const p = z.map(sigmoid);
    const y = Float64Array.of(1, 0, 1, 1, 0, 0);
    const fused = bceWithLogits(z, p, y, 6, null);
    const plain = bce(p, y, 6, null);
    expect(Math.abs(fused - plain) / plain).toBeLessThan(FUSED_REL_TOL);
  });

  it('softmax + crossEntropy from logits equals crossEntropy of the softmax', () => {
    const z = values(12, 22, -4, 4);
    const labels = Float64Array.of(1, 3, 0);
    const fused = softmaxCrossEntropy(z, softmaxRows(z, 3, 4), labels, 3, 4, null);
    const plain = crossEntropy(softmaxRows(z, 3, 4), labels, 3, 4, null);
    expect(Math.abs(fused - plain) / plain).toBeLessThan(FUSED_REL_TOL);
  });
});

describe('losses stay finite at the extremes (N5)', () => {
  function lossAndGrad(net: Network, loss: LossName, x: Float64Array, t: Float64Array, n: number): { value: number; grad: number[] } {
    net.forward(x, n);
    const value = net.loss(loss, t, n);
    // The head has no params; the gradient w.r.t. the logits is what backward starts from.
    const trace = net.trace(x, n, loss, t);
    return { value, grad: trace.nodes[0].gradInput!.data };
  }

  it('softmax + crossEntropy with logits of ±1e4: finite loss, gradient (p − onehot)/N', () => {
    const net = headOnly('Softmax', 3);
    const x = Float64Array.of(1e4, -1e4, 0, -1e4, 1e4, -1e4);
    const { value, grad } = lossAndGrad(net, 'crossEntropy', x, Float64Array.of(1, 1), 2);
    expect(value).toBeCloseTo(1e4, 6);
    expect(grad.every(Number.isFinite)).toBe(true);
    expect(grad).toEqual([0.5, -0.5, 0, 0, 0, 0]);
  });

  it('sigmoid + bce at ±1000: finite, and the loss of a confident wrong answer is the logit', () => {
    const net = headOnly('Sigmoid', 1);
    const { value, grad } = lossAndGrad(net, 'bce', Float64Array.of(1000, -1000), Float64Array.of(0, 0), 2);
    expect(value).toBeCloseTo(500, 9);
    expect(grad).toEqual([0.5, 0]);
  });

  it('unfused bce and crossEntropy never take log(0) for predictions of exactly 0 and 1', () => {
    const p = Float64Array.of(0, 1, 0, 1);
    const g = new Float64Array(4);
    expect(Number.isFinite(bce(p, Float64Array.of(1, 0, 0, 1), 4, g))).toBe(true);
    expect(Array.from(g).every(Number.isFinite)).toBe(true);
    const pc = Float64Array.of(1, 0, 0, 1);
    const gc = new Float64Array(4);
    expect(Number.isFinite(crossEntropy(pc, Float64Array.of(1, 1), 2, 2, gc))).toBe(true);
    expect(Array.from(gc).every(Number.isFinite)).toBe(true);
  });

  it('property: for any logits in [−1e4, 1e4], both fused losses and their gradients are finite and ≥ 0', () => {
    const logit = fc.double({ min: -1e4, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(logit, logit, logit), { minLength: 1, maxLength: 6 }), fc.nat(), (rows, seed) => {
        const n = rows.length;
        const z = Float64Array.from(rows.flat());
        const labels = Float64Array.from(rows.map((_, i) => (seed + i) % 3));
        const ce = lossAndGrad(headOnly('Softmax', 3), 'crossEntropy', z, labels, n);
        const bin = lossAndGrad(headOnly('Sigmoid', 3), 'bce', z, z.map((_, i) => (seed + i) % 2), n);
        for (const r of [ce, bin]) {
          expect(Number.isFinite(r.value) && r.value >= 0).toBe(true);
          expect(r.grad.every(Number.isFinite)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("the lab's BCE clip (settings.bceClip)", () => {
  it('clips p to [clip, 1 − clip] in the value (a confident wrong answer costs −log(1e-6)) while the fused gradient stays (p − y)/n', () => {
    const z = Float64Array.from([-40, 40, 0.3, -2]);
    const p = z.map(sigmoid);
    const y = Float64Array.from([1, 0, 1, 0]);
    const g = new Float64Array(4);
    const clipped = bceWithLogits(z, p, y, 4, g, 1e-6);
    const expected = (-Math.log(1e-6) - Math.log(1 - (1 - 1e-6)) - Math.log(p[2]) - Math.log(1 - p[3])) / 4;
    expect(Math.abs(clipped - expected)).toBeLessThan(1e-12);
    for (let i = 0; i < 4; i++) expect(g[i]).toBe((p[i] - y[i]) / 4);
    // Unclipped, the two saturated wrong answers cost about 40 each.
    expect(bceWithLogits(z, p, y, 4, null)).toBeGreaterThan(19);
    // The unfused loss takes the same clip, so either path reports the same value.
    expect(Math.abs(bce(p, y, 4, null, 1e-6) - clipped)).toBeLessThan(1e-12);
  });
});
