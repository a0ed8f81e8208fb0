import type { NodeDefinition } from '../types';

export const softmaxNode: NodeDefinition = {
  type: 'Softmax',
  title: 'Softmax',
  category: 'Input/Output',
  description: 'Turns the last layer into class probabilities that sum to 1; use it with cross-entropy for more than two classes.',
  ports: { input: true, output: true },
  params: [],
  summary: () => 'probabilities',
};
