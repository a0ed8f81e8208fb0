import { num, op } from '../inspect/format';
import { LeakyReLU } from '../layers/activations';
import { elementwiseValues } from './activation';
import { say } from '../messages/text';
import { defineBlock } from './define';

export const leakyReluBlock = defineBlock({
  type: 'LeakyReLU',
  role: 'activation',
  description: 'Like ReLU, but negative values are scaled by a small slope instead of set to 0.',
  params: [
    {
      key: 'negativeSlope',
      label: 'Negative slope',
      kind: 'number',
      default: 0.01,
      min: 0,
      max: 1,
      step: 0.01,
      optional: true,
      usual: say('graph.param.slopeUsual'),
      help: 'Multiplier for negative inputs: 0 makes it a ReLU, 1 an Identity.',
    },
  ],
  create: (spec, inShape) => new LeakyReLU(spec.nodeId, inShape, spec.negativeSlope),
  batchValues: elementwiseValues,
  infer: ({ id, params, inShape }) => ({
    outputShape: [...inShape],
    paramCount: 0,
    layer: params.negativeSlope === null ? null : { nodeId: id, type: 'LeakyReLU', negativeSlope: params.negativeSlope },
    problem: null,
  }),
  why: {
    forward: (ys, xs, x, slope) => ({ formula: `${ys} = ${xs} if ${xs} > 0, else α·${xs}  (α = ${num(slope)})`, filled: x > 0 ? `${num(x)}` : `${num(slope)}·${op(x)}` }),
    derivative: (_ys, xs, x, _a, slope) => ({ formula: `(1 if ${xs} > 0, else α)`, filled: `${x > 0 ? 1 : num(slope)}` }),
  },
});
