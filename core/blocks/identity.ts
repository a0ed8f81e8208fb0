import { num } from '../inspect/format';
import { Identity } from '../layers/activations';
import { defineActivation } from './activation';

export const identityBlock = defineActivation('Identity', 'Passes values through unchanged: use it to try a layer "without activation".', Identity, {
  forward: (ys, xs, x) => ({ formula: `${ys} = ${xs} (no activation)`, filled: num(x) }),
  derivative: () => null,
});
