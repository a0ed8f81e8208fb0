import { Softmax } from '../layers/softmax';
import { defineBlock } from './define';

export const softmaxBlock = defineBlock({
  type: 'Softmax',
  role: 'output',
  description: 'Turns the last layer into class probabilities that sum to 1; use it with cross-entropy for more than two classes.',
  params: [],
  create: (spec, inShape) => new Softmax(spec.nodeId, inShape),
});
