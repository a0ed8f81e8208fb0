import type { NodeDefinition } from '../types';

export const addNode: NodeDefinition = {
  type: 'Add',
  title: 'Add',
  category: 'Layers',
  description: 'Sums two or more inputs of the same shape, element by element: a skip (residual) connection.',
  ports: { input: true, output: true },
  params: [],
  summary: () => 'sum of inputs',
};
