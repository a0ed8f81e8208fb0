import { num, op } from '../inspect/format';
import { Sigmoid } from '../layers/activations';
import { elementwiseFormat } from '../export/elementwise';
import { defineActivation } from './activation';
import { defineKind } from './kind';

export const kind = defineKind({
  type: 'Sigmoid',
  role: 'activation',
  order: 50,
  params: [],
  words: {
    en: {
      description: 'Squashes each value into (0, 1): σ(x) = 1 / (1 + e⁻ˣ). The lab uses it after every Linear.',
    },
    'zh-TW': {
      description: '把每個值壓進 (0, 1)：σ(x) = 1 / (1 + e⁻ˣ)。實驗課在每個 Linear 之後都用它。',
    },
  },
});

export const block = defineActivation(kind, Sigmoid, {
  forward: (ys, xs, x) => ({ formula: `${ys} = σ(${xs}) = 1 / (1 + e^(−${xs}))`, filled: `1 / (1 + e^(−${op(x)}))` }),
  derivative: (ys, _xs, _x, a) => ({ formula: `${ys} ⊙ (1 − ${ys})`, filled: `${num(a)} · ${op(1 - a)}` }),
}, elementwiseFormat('Sigmoid', 'nn.Sigmoid()', 'Sigmoid 1/(1+exp(-x))'), (v) => 2 * v - 1);
