import { Add } from '../layers/add';
import { defineBlock } from './define';

export const addBlock = defineBlock({
  type: 'Add',
  role: 'join',
  description: 'Sums two or more inputs of the same shape, element by element: a skip (residual) connection.',
  params: [],
  create: (spec) => new Add(spec.nodeId, spec.inShapes),
});
