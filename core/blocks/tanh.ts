import { num, op } from '../inspect/format';
import { Tanh } from '../layers/activations';
import { elementwiseFormat } from '../export/elementwise';
import { defineActivation } from './activation';

export const tanhBlock = defineActivation('Tanh', 'blocks.Tanh.description', Tanh, {
  forward: (ys, xs, x) => ({ formula: `${ys} = tanh(${xs})`, filled: `tanh(${num(x)})` }),
  derivative: (ys, _xs, _x, a) => ({ formula: `(1 − ${ys}²)`, filled: `(1 − ${op(a)}²)` }),
}, elementwiseFormat('Tanh', 'nn.Tanh()', 'Tanh'), (v) => v);
