import type { BlockRead, OnnxReader } from '../export/format';
import { intAttr } from '../export/onnx-proto';
import { int64Const, intOf, sizes, whoSaid } from '../export/read';
import { coords } from '../inspect/format';
import { Flatten } from '../layers/flatten';
import { say } from '../messages/text';
import { sizeOf } from '../tensor';
import { defineBlock } from './define';
import { defineKind } from './kind';

/** Flatten with axis 1, or a Reshape to [N, features] (0 or -1 for the batch). */
function readFlatten(r: OnnxReader): BlockRead {
  const n = r.node(0);
  if (n?.opType !== 'Flatten' && n?.opType !== 'Reshape') return null;
  const size = r.shape.reduce((a, b) => a * b, 1);
  if (n.opType === 'Flatten') {
    const axis = intOf(n, 'axis', 1);
    if (axis !== 1 && axis !== -r.shape.length) return say('onnx.refused.flattenAxis', { node: whoSaid(n), axis });
    return { params: {}, outShape: [size], nodes: 1 };
  }
  const target = int64Const(r, n, 1, 'shape');
  if (typeof target === 'string') return target;
  const [batch, rest] = target;
  const flattens = target.length === 2 && intOf(n, 'allowzero', 0) === 0 && (batch === 0 ? rest === -1 || rest === size : batch === -1 && rest === size);
  if (!flattens) return say('onnx.refused.reshape', { node: whoSaid(n), shape: sizes(target), size });
  return { params: {}, outShape: [size], nodes: 1 };
}

export const kind = defineKind({
  type: 'Flatten',
  role: 'layer',
  order: 40,
  params: [],
  words: {
    en: {
      description: 'Turns [channels, length] into one flat vector so a Linear layer can follow a Conv1d.',
    },
    'zh-TW': {
      description: '把 [通道, 長度] 攤平成一個向量，讓 Conv1d 之後可以接 Linear 層。',
    },
  },
});

export const block = defineBlock(kind, {
  create: (spec, inShape) => new Flatten(spec.nodeId, inShape),
  // Flatten of plain features is a harmless no-op, as in PyTorch.
  infer: ({ id, inShape }) => ({ outputShape: [sizeOf(inShape)], paramCount: 0, layer: { nodeId: id, type: 'Flatten' }, problem: null }),
  // No gradInput: its gradient passes straight through, as an Identity's does.
  explain: {
    symbol: 'f',
    output: ({ node, index, ys, xs }) => ({
      formula: `${ys}[i, c·L + t] = ${xs}[i, c, t]`,
      filled: `${xs}[${coords(node.input.shape, index).join(',')}]`,
      notes: [say('why.flatten.reshapes')],
    }),
  },
  format: {
    toOnnx: (w, layer, _t, x, y) => w.node('Flatten', layer.nodeId, [x], y, [intAttr('axis', 1)]),
    onnxOps: ['Flatten', 'Reshape'],
    fromOnnx: readFlatten,
    torch: () => 'nn.Flatten()',
    convention: 'Flatten: [N, C, L] becomes [N, C*L], row-major (all of channel 0 first).',
  },
});
