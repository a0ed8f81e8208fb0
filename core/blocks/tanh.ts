import { num, op } from '../inspect/format';
import { Tanh } from '../layers/activations';
import { elementwiseFormat } from '../export/elementwise';
import { defineActivation } from './activation';
import { defineKind } from './kind';

export const kind = defineKind({
  type: 'Tanh',
  role: 'activation',
  order: 60,
  params: [],
  words: {
    en: {
      description: 'Squashes each value into (−1, 1), centred on zero.',
    },
    'zh-TW': {
      description: '把每個值壓進 (−1, 1)，以零為中心。',
    },
  },
});

export const block = defineActivation(kind, Tanh, {
  forward: (ys, xs, x) => ({ formula: `${ys} = tanh(${xs})`, filled: `tanh(${num(x)})` }),
  derivative: (ys, _xs, _x, a) => ({ formula: `(1 − ${ys}²)`, filled: `(1 − ${op(a)}²)` }),
}, elementwiseFormat('Tanh', 'nn.Tanh()', 'Tanh'), (v) => v);
