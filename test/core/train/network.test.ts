import { describe, expect, it } from 'vitest';
import { chainSources, type CompiledModel, type ResolvedLayer } from '../../../core/graph/resolved';
import { nodeId } from '../../../core/graph/spec';
import { createRng } from '../../../core/random';
import { buildNetwork, Network } from '../../../core/train/network';
import type { Weights } from '../../../core/train/types';

const layers: ResolvedLayer[] = [
  { nodeId: nodeId('h'), type: 'Linear', inFeatures: 2, outFeatures: 3, bias: true },
  { nodeId: nodeId('a'), type: 'Tanh' },
  { nodeId: nodeId('o'), type: 'Linear', inFeatures: 3, outFeatures: 1, bias: false },
  { nodeId: nodeId('s'), type: 'Sigmoid' },
];
const model: CompiledModel = { inputShape: [2], inputId: nodeId('in'), layers, sources: chainSources(nodeId('in'), layers), outputShape: [1], shapes: [], paramCount: 0 };

function build(seed = 1): Network {
  const r = buildNetwork(model, { init: 'normal', rng: createRng(seed) });
  if (!r.ok) throw new Error('build');
  return r.network;
}

describe('network', () => {
  it('exposes weights keyed by node id and loads them back', () => {
    const a = build(1);
    const w = a.weights();
    expect(Object.keys(w)).toEqual(['h', 'o']);
    expect(w.h.weight.shape).toEqual([3, 2]);
    expect(w.h.bias.shape).toEqual([3]);
    expect(Object.keys(w.o)).toEqual(['weight']);
    const b = build(2);
    expect(b.setWeights(w)).toEqual([]);
    expect(b.weights()).toStrictEqual(w);
  });

  it('returns problems naming the node for missing, mis-shaped or non-finite weights, and changes nothing', () => {
    const net = build(1);
    const before = net.weights();
    const w = build(2).weights();
    w.h.weight = { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] };
    w.o.weight.data[1] = NaN;
    delete (w as Record<string, unknown>).missing;
    const problems = net.setWeights(w);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'bad-weights', nodeId: 'h', message: expect.stringContaining('has shape [2, 3] but the network needs [3, 2]') }),
      expect.objectContaining({ code: 'bad-weights', nodeId: 'o', message: expect.stringContaining('not a finite number') }),
    ]);
    expect(net.setWeights({ h: before.h })).toEqual([expect.objectContaining({ nodeId: 'o', message: expect.stringContaining('No weights') })]);
    expect(net.weights()).toStrictEqual(before);
    expect(net.setWeights(null as unknown as Weights)).toEqual([expect.objectContaining({ code: 'bad-weights' })]);
    expect(net.setWeights([] as unknown as Weights)).toEqual([expect.objectContaining({ code: 'bad-weights' })]);
    const bad = buildNetwork(model, { init: 'normal', rng: createRng(1), weights: { h: before.h } });
    expect(bad.ok).toBe(false);
  });

  it("trace() shows every node's numbers; for sigmoid + BCE the output Δ is ŷ − y (issue 6)", () => {
    const net = build(3);
    const x = Float64Array.of(0.3, -0.7);
    const { nodes, loss } = net.trace(x, 1, 'bce', Float64Array.of(1));
    expect(nodes.map((n) => n.nodeId)).toEqual(['h', 'a', 'o', 's']);
    const yHat = nodes[3].output.data[0];
    expect(Math.abs(nodes[3].gradInput!.data[0] - (yHat - 1))).toBeLessThanOrEqual(1e-12);
    expect(loss).toBeCloseTo(-Math.log(yHat), 12);
    expect(nodes[0].input.data).toEqual([0.3, -0.7]);
    expect(nodes[2].gradParams!.weight.shape).toEqual([1, 3]);
    expect(nodes[1].gradParams).toBeNull();
    // The same forward and backward as training.
    const twin = new Network(model);
    expect(twin.setWeights(net.weights())).toEqual([]);
    twin.forward(x, 1);
    twin.loss('bce', Float64Array.of(1), 1);
    twin.backward(1);
    expect(Array.from(twin.layers[0].params[0].grad)).toEqual(nodes[0].gradParams!.weight.data);
  });
});
