import type { NodeDefinition } from '../types';

export const concatNode: NodeDefinition = {
  type: 'Concat',
  title: 'Concat',
  category: 'Layers',
  description: 'Joins two or more inputs side by side (features, or the channels of signals of one length), in the order they are connected.',
  ports: { input: true, output: true },
  params: [],
  summary: () => 'inputs side by side',
};
