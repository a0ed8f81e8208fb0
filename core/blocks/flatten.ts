import { Flatten } from '../layers/flatten';
import { sizeOf } from '../tensor';
import { defineBlock } from './define';

export const flattenBlock = defineBlock({
  type: 'Flatten',
  role: 'layer',
  description: 'Turns [channels, length] into one flat vector so a Linear layer can follow a Conv1d.',
  params: [],
  create: (spec, inShape) => new Flatten(spec.nodeId, inShape),
  // Flatten of plain features is a harmless no-op, as in PyTorch.
  infer: ({ id, inShape }) => ({ outputShape: [sizeOf(inShape)], paramCount: 0, layer: { nodeId: id, type: 'Flatten' }, problem: null }),
});
