import type { NodeDefinition } from '../types';
import { MAX_KERNEL, MAX_UNITS } from '../../../core/index';

export const conv1dNode: NodeDefinition = {
  type: 'Conv1d',
  title: 'Conv1d',
  category: 'Layers',
  description: 'Slides small learned filters along a 1-D signal ([channels, length]); good at finding local patterns.',
  ports: { input: true, output: true },
  params: [
    { key: 'outChannels', label: 'Output channels', kind: 'int', default: 8, min: 1, max: MAX_UNITS, help: 'How many filters, i.e. output channels.' },
    { key: 'kernelSize', label: 'Kernel size', kind: 'int', default: 5, min: 1, max: MAX_KERNEL, help: 'How many neighbouring samples each filter looks at.' },
    { key: 'stride', label: 'Stride', kind: 'int', default: 1, min: 1, max: MAX_KERNEL, help: 'How far the filter moves each step; 2 halves the length.' },
    { key: 'padding', label: 'Padding', kind: 'int', default: 2, min: 0, max: MAX_KERNEL, help: 'Zeros added at both ends; (kernel − 1) / 2 keeps the length.' },
  ],
  summary: (p) => {
    const v = (k: string, d: number) => (typeof p[k] === 'number' ? p[k] : d);
    return `${v('outChannels', 8)} ch, k=${v('kernelSize', 5)} s=${v('stride', 1)} p=${v('padding', 0)}`;
  },
};
