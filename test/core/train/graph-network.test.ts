// The engine on graphs beyond the reference cases: gradients by finite differences through
// every join and fan-out at once, and buffers that stay the same from one batch to the next.
import { describe, expect, it } from 'vitest';
import { isChain } from '../../../core/graph/resolved';
import { compileModel } from '../../../core/graph/validate';
import { createRng } from '../../../core/random';
import { buildNetwork, type Network } from '../../../core/train/network';
import { graph, LAB_XOR, type NodeDef } from '../graph/chain';

/** The Input feeds three blocks, ta two; a Concat of a branch and the Input, an Add of three branches, then the head. */
const NODES: NodeDef[] = [
  ['in', 'Input'],
  ['a', 'Linear', { outFeatures: 4 }],
  ['ta', 'Tanh'],
  ['cat', 'Concat'],
  ['b', 'Linear', { outFeatures: 4 }],
  ['c', 'Linear', { outFeatures: 4 }],
  ['sc', 'Sigmoid'],
  ['add', 'Add'],
  ['head', 'Linear', { outFeatures: 2 }],
];
const EDGES: [string, string][] = [
  ['in', 'a'], ['a', 'ta'], ['ta', 'cat'], ['in', 'cat'], ['cat', 'b'], ['in', 'c'], ['c', 'sc'], ['b', 'add'], ['sc', 'add'], ['ta', 'add'], ['add', 'head'],
];

function build(nodes = NODES, edges = EDGES): Network {
  const r = compileModel(graph(nodes, edges), [3]);
  expect(r.ok).toBe(true);
  if (!r.ok) throw new Error(r.problems[0].message);
  const built = buildNetwork(r.model, { init: 'xavier', rng: createRng(7) });
  if (!built.ok) throw new Error('build');
  return built.network;
}

const N = 4;
const x = Float64Array.from({ length: N * 3 }, (_, i) => Math.sin(i + 1));
const target = Float64Array.from({ length: N * 2 }, (_, i) => Math.cos(i));
const lossAt = (net: Network): number => {
  net.forward(x, N);
  return net.loss('mse', target, N);
};

describe('a network that is a graph', () => {
  it('is not run as a chain, while a chain is', () => {
    const chain = compileModel(LAB_XOR, [2]);
    expect(chain.ok && isChain(chain.model)).toBe(true);
    expect(isChain(build().model)).toBe(false);
  });

  it('has the gradients finite differences give, for every weight and for the data (fan-out, Concat and Add together)', () => {
    const net = build();
    lossAt(net);
    net.backward(N, true);
    const grads = net.paramList.map((p) => Float64Array.from(p.grad));
    const gx = Float64Array.from(net.inputGradient().subarray(0, N * 3));
    const h = 1e-6;
    const numeric = (v: Float64Array, i: number): number => {
      const keep = v[i];
      v[i] = keep + h;
      const up = lossAt(net);
      v[i] = keep - h;
      const down = lossAt(net);
      v[i] = keep;
      return (up - down) / (2 * h);
    };
    net.paramList.forEach((p, k) => {
      for (let i = 0; i < p.value.length; i++) expect(Math.abs(numeric(p.value, i) - grads[k][i]), `${net.params[k].nodeId}.${p.name}[${i}]`).toBeLessThan(1e-8);
    });
    for (let i = 0; i < gx.length; i++) expect(Math.abs(numeric(x, i) - gx[i]), `x[${i}]`).toBeLessThan(1e-8);
  });

  it('reuses its buffers from one batch to the next and gives the same numbers', () => {
    const net = build();
    const out1 = net.forward(x, N);
    const first = Array.from(out1.subarray(0, N * 2));
    net.loss('mse', target, N);
    net.backward(N, true);
    const g1 = net.inputGradient();
    const grads1 = net.paramList.map((p) => Array.from(p.grad));
    const out2 = net.forward(x, N);
    net.loss('mse', target, N);
    net.backward(N, true);
    expect(out2).toBe(out1);
    expect(net.inputGradient()).toBe(g1);
    expect(Array.from(out2.subarray(0, N * 2))).toEqual(first);
    expect(net.paramList.map((p) => Array.from(p.grad))).toEqual(grads1);
  });

  it('trains without asking for the data gradient, with the same weight gradients', () => {
    const a = build();
    const b = build();
    lossAt(a);
    a.backward(N);
    lossAt(b);
    b.backward(N, true);
    expect(a.paramList.map((p) => Array.from(p.grad))).toEqual(b.paramList.map((p) => Array.from(p.grad)));
  });
});
