import { coords } from '../inspect/format';
import { Flatten } from '../layers/flatten';
import { say } from '../messages/text';
import { sizeOf } from '../tensor';
import { defineBlock } from './define';

export const flattenBlock = defineBlock({
  type: 'Flatten',
  role: 'layer',
  description: 'blocks.Flatten.description',
  params: [],
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
});
