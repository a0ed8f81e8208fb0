import type { NodeDefinition } from '../types';

export const inputNode: NodeDefinition = {
  type: 'Input',
  title: 'Input',
  category: 'Input/Output',
  description: 'Where the samples enter the network; its shape comes from the dataset.',
  ports: { input: false, output: true },
  params: [],
  summary: () => 'from the dataset',
};
