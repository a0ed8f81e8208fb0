import { Flatten } from '../layers/flatten';
import { defineBlock } from './define';

export const flattenBlock = defineBlock({
  type: 'Flatten',
  role: 'layer',
  description: 'Turns [channels, length] into one flat vector so a Linear layer can follow a Conv1d.',
  params: [],
  create: (spec, inShape) => new Flatten(spec.nodeId, inShape),
});
