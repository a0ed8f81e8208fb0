import type { NodeDefinition } from '../types';

export const flattenNode: NodeDefinition = {
  type: 'Flatten',
  title: 'Flatten',
  category: 'Layers',
  description: 'Turns [channels, length] into one flat vector so a Linear layer can follow a Conv1d.',
  ports: { input: true, output: true },
  params: [],
  summary: () => 'to a vector',
};
