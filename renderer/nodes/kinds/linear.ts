import type { NodeDefinition } from '../types';
import { MAX_UNITS } from '../../../core/index';

export const linearNode: NodeDefinition = {
  type: 'Linear',
  title: 'Linear',
  category: 'Layers',
  description: 'A fully connected layer: every output is a weighted sum of all inputs plus a bias (y = xWᵀ + b).',
  ports: { input: true, output: true },
  params: [
    {
      key: 'outFeatures',
      label: 'Output features',
      kind: 'int',
      default: 32,
      min: 1,
      max: MAX_UNITS,
      help: 'How many units (neurons) this layer has; its input size comes from the layer before.',
    },
    { key: 'bias', label: 'Bias', kind: 'boolean', default: true, help: 'Add a learned bias b to every output.' },
  ],
  summary: (p) => {
    const units = typeof p.outFeatures === 'number' ? p.outFeatures : '?';
    return `${units} unit${units === 1 ? '' : 's'}${p.bias === false ? ', no bias' : ''}`;
  },
};
