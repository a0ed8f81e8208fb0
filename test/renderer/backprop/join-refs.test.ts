// The Backprop tab at a graph's joins: every cell of a join's per-input Δ and inputs maps to a
// number core explains with the same value (an Add copies its Δ, a Concat slices it along
// features or channels), and a fan-out names the blocks its Δ is summed from. Run on every
// reference graph (graphs.json), Input fan-out and channel-wise Concat of signals included.
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../../core/graph/spec';
import { compileModel } from '../../../core/graph/validate';
import { createStepper, explain } from '../../../core/inspect/index';
import { Network } from '../../../core/train/network';
import type { LossName, TensorJson } from '../../../core/train/types';
import { consumersOf, joinGradIndex, joinInputRef } from '../../../renderer/backprop/join-refs';
import { DEFAULT_VECTORS_DIR, loadVectorFiles } from '../../helpers/reference';

interface RefGraphCase {
  name: string;
  nodes: { id: string; type: string; params: Record<string, number | boolean>; weights?: Record<string, TensorJson> }[];
  edges: { source: string; target: string }[];
  loss: LossName;
  input: TensorJson;
  target: TensorJson;
}

const cases = loadVectorFiles(DEFAULT_VECTORS_DIR).find((f) => f.file === 'graphs.json')!.cases as unknown as RefGraphCase[];

function steppedBack(c: RefGraphCase) {
  const spec = { nodes: c.nodes.map((n) => ({ id: n.id, type: n.type, params: n.params })), edges: c.edges } as unknown as ModelSpec;
  const compiled = compileModel(spec, c.input.shape.slice(1));
  if (!compiled.ok) throw new Error(compiled.problems[0].message);
  const net = new Network(compiled.model);
  const weights = new Map(c.nodes.map((n) => [n.id, n.weights]));
  for (const layer of net.layers) for (const p of layer.params) p.value.set(weights.get(layer.nodeId)![p.name].data);
  const s = createStepper(net, { loss: c.loss, optimizer: { type: 'SGD', lr: 0.1 }, clipNorm: null, x: Float64Array.from(c.input.data), target: Float64Array.from(c.target.data), n: c.input.shape[0] });
  while (s.stepBackward());
  return s.view();
}

describe('join cells in the Backprop tab', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: each input and each input’s Δ is a number core explains with that value', (_, c) => {
    const v = steppedBack(c);
    const joins = v.nodes.filter((n) => (n.sources?.length ?? 0) > 1);
    expect(joins.length).toBeGreaterThan(0);
    for (const node of joins) {
      node.sources!.forEach((_src, j) => {
        const grad = node.gradInputs![j];
        const input = node.inputs![j];
        for (let i = 0; i < grad.data.length; i++) {
          expect(node.gradOutput!.data[joinGradIndex(node, j, i)]).toBe(grad.data[i]);
          expect(explain(v, joinInputRef(v, node, j, i))!.value).toBe(input.data[i]);
        }
      });
    }
  });

  it('names the blocks a fan-out’s Δ is summed from', () => {
    const v = steppedBack(cases.find((k) => k.name === 'residual-mlp-bce')!);
    expect(consumersOf(v, v.nodes.find((n) => n.nodeId === 'tanh1')!.nodeId).map(String)).toEqual(['linear2', 'add']);
  });
});
