import { num } from '../inspect/format';
import { say } from '../messages/text';
import { ReLU } from '../layers/activations';
import { elementwiseFormat } from '../export/elementwise';
import { defineActivation } from './activation';

export const reluBlock = defineActivation('ReLU', 'blocks.ReLU.description', ReLU, {
  forward: (ys, xs, x) => ({ formula: `${ys} = max(0, ${xs})`, filled: `max(0, ${num(x)})` }),
  derivative: (_ys, xs, x) => ({ formula: `[${xs} > 0]`, filled: `${x > 0 ? 1 : 0}` }),
  blockedNote: (xs, x) => (x > 0 ? null : say('why.relu.blocked', { xs, x: num(x) })),
}, elementwiseFormat('Relu', 'nn.ReLU()', 'ReLU max(x, 0)'));
