import { KERNEL_WHY, MAX_KERNEL, MAX_UNITS, UNITS_WHY } from '../graph/limits';
import { Conv1d } from '../layers/conv1d';
import { defineBlock } from './define';

export const conv1dBlock = defineBlock({
  type: 'Conv1d',
  role: 'layer',
  description: 'Slides small learned filters along a 1-D signal ([channels, length]); good at finding local patterns.',
  params: [
    { key: 'outChannels', label: 'Output channels', kind: 'int', default: 8, min: 1, max: MAX_UNITS, optional: false, limitWhy: UNITS_WHY, help: 'How many filters, i.e. output channels.' },
    { key: 'kernelSize', label: 'Kernel size', kind: 'int', default: 5, min: 1, max: MAX_KERNEL, optional: false, limitWhy: KERNEL_WHY, help: 'How many neighbouring samples each filter looks at.' },
    { key: 'stride', label: 'Stride', kind: 'int', default: 1, min: 1, max: MAX_KERNEL, optional: true, limitWhy: KERNEL_WHY, help: 'How far the filter moves each step; 2 halves the length.' },
    { key: 'padding', label: 'Padding', kind: 'int', default: 0, min: 0, max: MAX_KERNEL, optional: true, limitWhy: KERNEL_WHY, help: 'Zeros added at both ends; (kernel − 1) / 2 keeps the length.' },
  ],
  create: (spec) => new Conv1d(spec.nodeId, spec),
});
