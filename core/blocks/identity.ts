import { num } from '../inspect/format';
import { say } from '../messages/text';
import { Identity } from '../layers/activations';
import { elementwiseFormat } from '../export/elementwise';
import { defineBlock, elementwiseWhy } from './define';
import { defineKind } from './kind';

// No batchValues: it hands on its input and its output gradient as they are.
export const kind = defineKind({
  type: 'Identity',
  role: 'activation',
  order: 90,
  params: [],
  words: {
    en: {
      description: 'Passes values through unchanged: use it to try a layer "without activation".',
    },
    'zh-TW': {
      description: '讓數值原封不動地通過：用來嘗試「無激活函數」的層。',
    },
  },
});

export const block = defineBlock(kind, {
  create: (spec, inShape) => new Identity(spec.nodeId, inShape),
  why: elementwiseWhy({
    forward: (ys, xs, x) => ({ formula: say('why.identity.forward', { ys, xs }), filled: num(x) }),
    derivative: () => null,
  }),
  format: elementwiseFormat<'Identity'>('Identity', 'nn.Identity()', 'Identity'),
});
