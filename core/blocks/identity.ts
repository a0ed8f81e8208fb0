import { num } from '../inspect/format';
import { say } from '../messages/text';
import { Identity } from '../layers/activations';
import { elementwiseFormat } from '../export/elementwise';
import { defineBlock, elementwiseWhy } from './define';

// No batchValues: it hands on its input and its output gradient as they are.
export const identityBlock = defineBlock({
  type: 'Identity',
  role: 'activation',
  description: 'blocks.Identity.description',
  params: [],
  create: (spec, inShape) => new Identity(spec.nodeId, inShape),
  why: elementwiseWhy({
    forward: (ys, xs, x) => ({ formula: say('why.identity.forward', { ys, xs }), filled: num(x) }),
    derivative: () => null,
  }),
  format: elementwiseFormat<'Identity'>('Identity', 'nn.Identity()', 'Identity'),
});
