import { num } from '../inspect/format';
import { say } from '../messages/text';
import { ReLU } from '../layers/activations';
import { elementwiseFormat } from '../export/elementwise';
import { defineActivation } from './activation';
import { defineKind } from './kind';

export const kind = defineKind({
  type: 'ReLU',
  role: 'activation',
  order: 70,
  params: [],
  words: {
    en: {
      description: 'Keeps positive values and sets negative ones to 0: max(0, x).',
    },
    'zh-TW': {
      description: '保留正值，把負值設為 0：max(0, x)。',
    },
  },
});

export const block = defineActivation(kind, ReLU, {
  forward: (ys, xs, x) => ({ formula: `${ys} = max(0, ${xs})`, filled: `max(0, ${num(x)})` }),
  derivative: (_ys, xs, x) => ({ formula: `[${xs} > 0]`, filled: `${x > 0 ? 1 : 0}` }),
  blockedNote: (xs, x) => (x > 0 ? null : say('why.relu.blocked', { xs, x: num(x) })),
}, elementwiseFormat('Relu', 'nn.ReLU()', 'ReLU max(x, 0)'));
