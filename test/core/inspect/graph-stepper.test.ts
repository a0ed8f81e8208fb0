// The step-through on graphs: forward in the running order, backward in reverse, the gradient
// handed unchanged to every input at an Add, cut back into parts at a Concat and summed where
// a node feeds several. Every number is checked against graphs.json (the conformance values).
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../../core/graph/spec';
import { compileModel } from '../../../core/graph/validate';
import { createStepper, explain } from '../../../core/inspect/index';
import { nodeId } from '../../../core/graph/spec';
import type { Mat, NodeView } from '../../../core/inspect/types';
import { Network } from '../../../core/train/network';
import type { LossName, TensorJson } from '../../../core/train/types';
import { DEFAULT_VECTORS_DIR, expectScalarClose, expectTensorClose, loadVectorFiles } from '../../helpers/reference';

interface RefGraphCase {
  name: string;
  nodes: { id: string; type: string; params: Record<string, number | boolean>; weights?: Record<string, TensorJson> }[];
  edges: { source: string; target: string }[];
  output: string;
  loss: LossName;
  input: TensorJson;
  target: TensorJson;
  expected: { outputValue: TensorJson; lossValue: number; gradInput: TensorJson; gradParams: Record<string, Record<string, TensorJson>> };
}

const cases = loadVectorFiles(DEFAULT_VECTORS_DIR).find((f) => f.file === 'graphs.json')!.cases as unknown as RefGraphCase[];

function networkOf(c: RefGraphCase): Network {
  const spec = { nodes: c.nodes.map((n) => ({ id: n.id, type: n.type, params: n.params })), edges: c.edges } as unknown as ModelSpec;
  const compiled = compileModel(spec, c.input.shape.slice(1));
  if (!compiled.ok) throw new Error(compiled.problems[0].message);
  const net = new Network(compiled.model);
  const weights = new Map(c.nodes.map((n) => [n.id, n.weights]));
  for (const layer of net.layers) for (const p of layer.params) p.value.set(weights.get(layer.nodeId)![p.name].data);
  return net;
}

/** Values per sample of a batched matrix. */
const width = (m: Mat): number => m.shape.slice(1).reduce((a, b) => a * b, 1);

describe('the step-through on the reference graphs', () => {
  for (const c of cases) {
    it(`${c.name}: forward in running order, backward in reverse, gradients equal the reference`, () => {
      const net = networkOf(c);
      const n = c.input.shape[0];
      const s = createStepper(net, { loss: c.loss, optimizer: { type: 'SGD', lr: 0.1 }, clipNorm: null, x: Float64Array.from(c.input.data), target: Float64Array.from(c.target.data), n });
      const L = net.layers.length;
      for (let i = 0; i < L; i++) expect(s.stepForward()).toBe(true);
      expect(s.stepForward()).toBe(true);
      expect(s.view().phase).toEqual({ kind: 'loss' });
      for (let i = 0; i < L; i++) expect(s.stepBackward()).toBe(true);
      expect(s.stepBackward()).toBe(false);
      const v = s.view();
      const byId = new Map<string, NodeView>(v.nodes.map((node) => [node.nodeId, node]));
      expect(v.nodes[v.nodes.length - 1].nodeId).toBe(c.output);
      expectTensorClose(byId.get(c.output)!.output.data, c.expected.outputValue, 'output');
      expectScalarClose(v.lossValue!, c.expected.lossValue, 'loss');
      for (const [id, params] of Object.entries(c.expected.gradParams)) {
        for (const p of byId.get(id)!.params) expectTensorClose(p.grad!, params[p.name], `${id}.${p.name} grad`);
      }

      const outputOf = (id: string): Float64Array => (id === 'input' ? v.x.data : byId.get(id)!.output.data);
      // dL/d(each source) as its readers hand it back: one part per edge.
      const parts = new Map<string, Float64Array[]>();
      for (const node of v.nodes) {
        const inputs = node.inputs ?? [node.input];
        const grads = node.gradInputs ?? (node.gradInput ? [node.gradInput] : []);
        expect(node.sources?.length).toBe(inputs.length);
        node.sources!.forEach((src, k) => {
          // Every node shows as its input exactly what its source gave.
          expect(Array.from(inputs[k].data)).toEqual(Array.from(outputOf(src)));
          if (grads[k]) parts.set(src, [...(parts.get(src) ?? []), grads[k].data]);
        });
        if (node.type === 'Add') {
          // Δ goes unchanged to every input.
          for (const g of node.gradInputs!) expect(Array.from(g.data)).toEqual(Array.from(node.gradOutput!.data));
        }
        if (node.type === 'Concat') {
          // Δ is cut back into each input's part, in edge order.
          const w = width(node.output);
          const joined = Array.from({ length: n }, (_, i) => node.gradInputs!.flatMap((g) => Array.from(g.data.subarray(i * width(g), (i + 1) * width(g))))).flat();
          expect(joined).toEqual(Array.from(node.gradOutput!.data.subarray(0, n * w)));
        }
      }
      // At a fan-out the gradient is the sum of what every reader hands back.
      const sum = (gs: Float64Array[]): number[] => Array.from(gs[0], (_, i) => gs.reduce((a, g) => a + g[i], 0));
      for (const node of v.nodes) {
        const got = parts.get(node.nodeId);
        if (node.nodeId === c.output || !got) continue;
        const want = Array.from(node.gradOutput!.data);
        sum(got).forEach((g, i) => expect(Math.abs(g - want[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want[i]))));
      }
      expectTensorClose(Float64Array.from(sum(parts.get('input')!)), c.expected.gradInput, 'gradInput (summed over the readers of the Input)');
      expect(parts.get('input')!.length).toBe(c.edges.filter((e) => e.source === 'input').length);
    });
  }
});

describe('why, on a graph', () => {
  it('explains an Add as the sum of its inputs and a fan-out gradient as the sum of its readers’ parts', () => {
    const c = cases.find((k) => k.name === 'residual-mlp-bce')!;
    const n = c.input.shape[0];
    const s = createStepper(networkOf(c), { loss: c.loss, optimizer: { type: 'SGD', lr: 0.1 }, clipNorm: null, x: Float64Array.from(c.input.data), target: Float64Array.from(c.target.data), n });
    while (s.stepBackward());
    const v = s.view();
    const add = explain(v, { kind: 'output', nodeId: nodeId('add'), index: 3 })!;
    expect(add.formula).toContain('the sum of its inputs');
    const node = v.nodes.find((m) => m.nodeId === 'add')!;
    expect(add.value).toBe(node.output.data[3]);
    expect(add.value).toBeCloseTo(node.inputs![0].data[3] + node.inputs![1].data[3], 12);
    // tanh1 feeds linear2 and the Add: its gradient is what both hand back.
    const fan = explain(v, { kind: 'gradOutput', nodeId: nodeId('tanh1'), index: 2 })!;
    expect(fan.formula).toContain('‘linear2’, ‘add’');
    const tanh1 = v.nodes.find((m) => m.nodeId === 'tanh1')!;
    expect(fan.value).toBe(tanh1.gradOutput!.data[2]);
  });

  it('explains a block’s input by its source, not by the block before it in running order', () => {
    const c = cases.find((k) => k.name === 'two-branch-concat-crossentropy')!;
    const net = networkOf(c);
    expect(net.layers.map((l) => l.nodeId).slice(0, 3)).toEqual(['linearA', 'sigmoidA', 'linearB']);
    const s = createStepper(net, { loss: c.loss, optimizer: { type: 'SGD', lr: 0.1 }, clipNorm: null, x: Float64Array.from(c.input.data), target: Float64Array.from(c.target.data), n: c.input.shape[0] });
    while (s.stepForward());
    const w = explain(s.view(), { kind: 'input', nodeId: nodeId('linearB'), index: 1 })!;
    expect(w.notes).toEqual(['Straight from the dataset.']);
    expect(w.value).toBe(c.input.data[1]);
  });
});
