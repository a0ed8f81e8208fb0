// Finite-difference gradient checks for every layer (N5): the objective Σ y ⊙ R for a fixed
// random R has dL/dy = R, so backward(R) must match the numeric derivatives of it.
import { describe, expect, it } from 'vitest';
import type { PlainResolvedLayer } from '../../../core/layers/create';
import { nodeId } from '../../../core/graph/spec';
import { createLayer } from '../../../core/layers/create';
import { GRAD_REL_TOL, numericGrad, relError, values } from '../../helpers/gradcheck';

const id = nodeId('layer');

interface Case {
  name: string;
  layer: PlainResolvedLayer;
  inShape: number[];
  batch: number;
  /** Keep inputs this far from 0, where ReLU-like layers have a kink. */
  gap?: number;
}

const cases: Case[] = [
  { name: 'Linear', layer: { nodeId: id, type: 'Linear', inFeatures: 5, outFeatures: 7, bias: true }, inShape: [5], batch: 3 },
  { name: 'Linear without bias', layer: { nodeId: id, type: 'Linear', inFeatures: 4, outFeatures: 3, bias: false }, inShape: [4], batch: 5 },
  { name: 'Linear with one sample', layer: { nodeId: id, type: 'Linear', inFeatures: 2, outFeatures: 9, bias: true }, inShape: [2], batch: 1 },
  {
    name: 'Conv1d with stride 2 and padding 1',
    layer: { nodeId: id, type: 'Conv1d', inChannels: 2, outChannels: 3, kernelSize: 3, stride: 2, padding: 1, inLength: 8 },
    inShape: [2, 8],
    batch: 2,
  },
  {
    name: 'Conv1d with stride 3, padding 2 and a leftover tail',
    layer: { nodeId: id, type: 'Conv1d', inChannels: 1, outChannels: 2, kernelSize: 4, stride: 3, padding: 2, inLength: 9 },
    inShape: [1, 9],
    batch: 3,
  },
  {
    name: 'Conv1d with a kernel as long as the input',
    layer: { nodeId: id, type: 'Conv1d', inChannels: 3, outChannels: 2, kernelSize: 5, stride: 1, padding: 0, inLength: 5 },
    inShape: [3, 5],
    batch: 2,
  },
  { name: 'Flatten', layer: { nodeId: id, type: 'Flatten' }, inShape: [3, 4], batch: 2 },
  { name: 'Sigmoid', layer: { nodeId: id, type: 'Sigmoid' }, inShape: [6], batch: 3 },
  { name: 'Tanh', layer: { nodeId: id, type: 'Tanh' }, inShape: [2, 5], batch: 2 },
  { name: 'ReLU', layer: { nodeId: id, type: 'ReLU' }, inShape: [6], batch: 3, gap: 0.05 },
  { name: 'LeakyReLU', layer: { nodeId: id, type: 'LeakyReLU', negativeSlope: 0.1 }, inShape: [6], batch: 3, gap: 0.05 },
  { name: 'Identity', layer: { nodeId: id, type: 'Identity' }, inShape: [4], batch: 2 },
  { name: 'Softmax', layer: { nodeId: id, type: 'Softmax' }, inShape: [5], batch: 3 },
  { name: 'Softmax over the last axis of a signal', layer: { nodeId: id, type: 'Softmax' }, inShape: [2, 4], batch: 2 },
];

describe('layer gradients match central finite differences (N5)', () => {
  for (const c of cases) {
    it(`${c.name}: dL/dx and dL/dparams within ${GRAD_REL_TOL}`, () => {
      const layer = createLayer(c.layer, c.inShape);
      layer.params.forEach((p, i) => p.value.set(values(p.value.length, 11 + i)));
      const x = values(c.batch * layer.inSize, 3, -2, 2, c.gap ?? 0);
      const r = values(c.batch * layer.outSize, 7);
      const objective = (): number => {
        const y = layer.forward(x, c.batch);
        let s = 0;
        for (let i = 0; i < r.length; i++) s += y[i] * r[i];
        return s;
      };
      objective();
      const gx = layer.backward(r, c.batch, true).slice(0, x.length);
      const analyticParams = layer.params.map((p) => p.grad.slice());
      expect(relError(gx, numericGrad(objective, x))).toBeLessThan(GRAD_REL_TOL);
      layer.params.forEach((p, i) => {
        expect(relError(analyticParams[i], numericGrad(objective, p.value)), p.name).toBeLessThan(GRAD_REL_TOL);
      });
    });
  }

  it('ReLU has gradient 0 at exactly 0, LeakyReLU the slope', () => {
    const relu = createLayer({ nodeId: id, type: 'ReLU' }, [3]);
    relu.forward(Float64Array.of(-1, 0, 2), 1);
    expect(Array.from(relu.backward(Float64Array.of(1, 1, 1), 1, true).slice(0, 3))).toEqual([0, 0, 1]);
    const leaky = createLayer({ nodeId: id, type: 'LeakyReLU', negativeSlope: 0.2 }, [3]);
    expect(Array.from(leaky.forward(Float64Array.of(-1, 0, 2), 1).slice(0, 3))).toEqual([-0.2, 0, 2]);
    expect(Array.from(leaky.backward(Float64Array.of(1, 1, 1), 1, true).slice(0, 3))).toEqual([0.2, 0.2, 1]);
  });

  it('Conv1d output length is floor((L + 2p − k) / s) + 1', () => {
    const conv = createLayer({ nodeId: id, type: 'Conv1d', inChannels: 1, outChannels: 1, kernelSize: 4, stride: 3, padding: 2, inLength: 9 }, [1, 9]);
    expect(conv.outShape).toEqual([1, Math.floor((9 + 4 - 4) / 3) + 1]);
  });

  it('reuses its buffers across batches of the same or smaller size', () => {
    const layer = createLayer({ nodeId: id, type: 'Linear', inFeatures: 3, outFeatures: 2, bias: true }, [3]);
    const first = layer.forward(values(12, 1), 4);
    expect(layer.forward(values(12, 2), 4)).toBe(first);
    expect(layer.forward(values(6, 3), 2)).toBe(first);
    expect(layer.forward(values(15, 4), 5)).not.toBe(first);
  });

  it('Sigmoid, Tanh and Softmax stay finite at ±1000 and ±1e4 (N5)', () => {
    const x = Float64Array.of(-1e4, -1000, 0, 1000, 1e4);
    for (const type of ['Sigmoid', 'Tanh', 'Softmax'] as const) {
      const layer = createLayer({ nodeId: id, type }, [5]);
      const y = layer.forward(x, 1);
      const g = layer.backward(Float64Array.of(1, -1, 0.5, 2, 1), 1, true);
      expect(Array.from(y.slice(0, 5)).every(Number.isFinite), type).toBe(true);
      expect(Array.from(g.slice(0, 5)).every(Number.isFinite), type).toBe(true);
    }
  });
});
