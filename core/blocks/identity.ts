import { num } from '../inspect/format';
import { Identity } from '../layers/activations';
import { defineBlock } from './define';

// No batchValues: it hands on its input and its output gradient as they are.
export const identityBlock = defineBlock({
  type: 'Identity',
  role: 'activation',
  description: 'Passes values through unchanged: use it to try a layer "without activation".',
  params: [],
  create: (spec, inShape) => new Identity(spec.nodeId, inShape),
  why: {
    forward: (ys, xs, x) => ({ formula: `${ys} = ${xs} (no activation)`, filled: num(x) }),
    derivative: () => null,
  },
});
