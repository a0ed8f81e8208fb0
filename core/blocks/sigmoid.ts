import { num, op } from '../inspect/format';
import { Sigmoid } from '../layers/activations';
import { elementwiseFormat } from '../export/elementwise';
import { defineActivation } from './activation';

export const sigmoidBlock = defineActivation('Sigmoid', 'blocks.Sigmoid.description', Sigmoid, {
  forward: (ys, xs, x) => ({ formula: `${ys} = σ(${xs}) = 1 / (1 + e^(−${xs}))`, filled: `1 / (1 + e^(−${op(x)}))` }),
  derivative: (ys, _xs, _x, a) => ({ formula: `${ys} ⊙ (1 − ${ys})`, filled: `${num(a)} · ${op(1 - a)}` }),
}, elementwiseFormat('Sigmoid', 'nn.Sigmoid()', 'Sigmoid 1/(1+exp(-x))'), (v) => 2 * v - 1);
