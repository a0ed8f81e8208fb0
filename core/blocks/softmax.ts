import type { BlockRead, OnnxReader } from '../export/format';
import { intAttr } from '../export/onnx-proto';
import { intOf, whoSaid } from '../export/read';
import { tensorSaid } from '../graph/describe';
import { saying } from '../messages/said';
import { num, op, sumSaid } from '../inspect/format';
import { Softmax } from '../layers/softmax';
import { cat } from '../messages/words';
import { say } from '../messages/text';
import { elementwiseValues } from './activation';
import { defineBlock } from './define';
import { defineKind } from './kind';

function readSoftmax(r: OnnxReader): BlockRead {
  const n = r.node(0);
  if (n?.opType !== 'Softmax') return null;
  const rank = r.shape.length + 1;
  // Before opset 13 the default axis was 1 and meant "flatten from here": the same as the
  // last axis exactly when it is the last axis.
  const axis = intOf(n, 'axis', r.opset >= 13 ? -1 : 1);
  if ((axis < 0 ? axis + rank : axis) !== rank - 1) return say('onnx.refused.softmaxAxis', { node: whoSaid(n), axis });
  return { params: {}, outShape: [...r.shape], nodes: 1 };
}

export const kind = defineKind({
  type: 'Softmax',
  role: 'output',
  order: 100,
  params: [],
  words: {
    en: {
      description: 'Turns the last layer into class probabilities that sum to 1; use it with cross-entropy for more than two classes.',
    },
    'zh-TW': {
      description: '把最後一層轉成總和為 1 的類別機率；超過兩個類別時搭配交叉熵使用。',
    },
  },
});

export const block = defineBlock(kind, {
  create: (spec, inShape) => new Softmax(spec.nodeId, inShape),
  batchValues: elementwiseValues,
  unitScale: (v) => 2 * v - 1,
  infer({ id, who, inShape, fail }) {
    if (inShape.length !== 1) {
      return fail({
        code: 'needs-flatten',
        ...saying(say('graph.shape.softmaxNeedsFlat', { node: who, tensor: tensorSaid(inShape) })),
      });
    }
    return { outputShape: [...inShape], paramCount: 0, layer: { nodeId: id, type: 'Softmax' }, problem: null };
  },
  explain: {
    output({ node, index }) {
      const w = node.output.shape[node.output.shape.length - 1];
      const row = index - (index % w);
      const zs = Array.from(node.input.data.subarray(row, row + w));
      return {
        formula: `p_j = e^(z_j) / Σₖ e^(z_k)`,
        filled: cat(`e^(${num(node.input.data[index])}) / (`, sumSaid(zs.map((z) => `e^(${num(z)})`), 6), ')'),
        notes: [say('why.softmax.stable')],
      };
    },
    gradInput({ node, index }) {
      const w = node.output.shape[node.output.shape.length - 1];
      const row = index - (index % w);
      const g = node.gradOutput;
      const at = (i: number) => (g ? g.data[i] : NaN);
      const terms: string[] = [];
      for (let j = 0; j < w; j++) terms.push(`${op(at(row + j))}·${op(node.output.data[row + j])}`);
      return { formula: `∂L/∂z_j = p_j·(g_j − Σₖ g_k·p_k)`, filled: cat(`${num(node.output.data[index])}·(${num(at(index))} − (`, sumSaid(terms, 5), '))') };
    },
  },
  format: {
    toOnnx: (w, layer, _t, x, y) => w.node('Softmax', layer.nodeId, [x], y, [intAttr('axis', -1)]),
    onnxOps: ['Softmax'],
    fromOnnx: readSoftmax,
    torch: () => 'nn.Softmax(dim=-1)',
    convention: 'Softmax: over the last axis, exp(x - max(x)) / sum(exp(x - max(x))).',
  },
});
