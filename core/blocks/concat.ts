import { Concat } from '../layers/concat';
import { defineBlock } from './define';

export const concatBlock = defineBlock({
  type: 'Concat',
  role: 'join',
  description: 'Joins two or more inputs side by side (features, or the channels of signals of one length), in the order they are connected.',
  params: [],
  create: (spec) => new Concat(spec.nodeId, spec.inShapes),
});
