import { describe, expect, it } from 'vitest';
import { chainSources, type CompiledModel, type ResolvedLayer } from '../../../core/graph/resolved';
import { nodeId } from '../../../core/graph/spec';
import { createRng } from '../../../core/random';
import { buildNetwork, type Network } from '../../../core/train/network';
import type { InitName } from '../../../core/train/types';

const layers: ResolvedLayer[] = [
  { nodeId: nodeId('conv'), type: 'Conv1d', inChannels: 2, outChannels: 8, kernelSize: 5, stride: 1, padding: 2, inLength: 50 },
  { nodeId: nodeId('flat'), type: 'Flatten' },
  { nodeId: nodeId('dense'), type: 'Linear', inFeatures: 400, outFeatures: 300, bias: true },
];
const model: CompiledModel = { inputShape: [2, 50], inputId: nodeId('in'), layers, sources: chainSources(nodeId('in'), layers), outputShape: [300], shapes: [], paramCount: 0 };

function net(init: InitName, seed = 1): Network {
  const r = buildNetwork(model, { init, rng: createRng(seed) });
  if (!r.ok) throw new Error('build');
  return r.network;
}

function stats(v: Float64Array): { mean: number; std: number; min: number; max: number } {
  let s = 0, s2 = 0, min = Infinity, max = -Infinity;
  for (const x of v) {
    s += x;
    s2 += x * x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const mean = s / v.length;
  return { mean, std: Math.sqrt(s2 / v.length - mean * mean), min, max };
}

const dense = (n: Network) => n.layers[2].params;

describe('weight initialisation', () => {
  it("'normal' is the lab's randn for weights and biases alike", () => {
    const n = net('normal');
    const w = stats(dense(n)[0].value);
    expect(Math.abs(w.mean)).toBeLessThan(0.01);
    expect(Math.abs(w.std - 1)).toBeLessThan(0.01);
    expect(stats(dense(n)[1].value).std).toBeGreaterThan(0.5);
  });

  it("'xavier' is Glorot uniform within ±√(6/(fanIn+fanOut)) with zero biases", () => {
    const n = net('xavier');
    const limit = Math.sqrt(6 / (400 + 300));
    const w = stats(dense(n)[0].value);
    expect(w.min).toBeGreaterThanOrEqual(-limit);
    expect(w.max).toBeLessThan(limit);
    expect(Math.abs(w.std - limit / Math.sqrt(3)) / (limit / Math.sqrt(3))).toBeLessThan(0.02);
    expect(Array.from(dense(n)[1].value).every((b) => b === 0)).toBe(true);
    // Conv1d fans count the kernel: fanIn = 2·5, fanOut = 8·5.
    const convLimit = Math.sqrt(6 / (10 + 40));
    expect(stats(n.layers[0].params[0].value).max).toBeLessThan(convLimit);
  });

  it("'he' is Kaiming normal with std √(2/fanIn) and zero biases", () => {
    const n = net('he');
    const w = stats(dense(n)[0].value);
    expect(Math.abs(w.std - Math.sqrt(2 / 400)) / Math.sqrt(2 / 400)).toBeLessThan(0.02);
    expect(Array.from(n.layers[0].params[1].value).every((b) => b === 0)).toBe(true);
  });

  it('draws in a fixed order (layers in order, weight then bias), so the same seed gives the same weights bit for bit', () => {
    expect(net('normal', 5).weights()).toStrictEqual(net('normal', 5).weights());
    expect(net('normal', 5).weights()).not.toStrictEqual(net('normal', 6).weights());
    const rng = createRng(5);
    const first = [rng.normal(), rng.normal(), rng.normal()];
    expect(Array.from(net('normal', 5).layers[0].params[0].value.slice(0, 3))).toEqual(first);
  });
});
