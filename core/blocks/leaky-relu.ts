import { num, op } from '../inspect/format';
import { say } from '../messages/text';
import { LeakyReLU } from '../layers/activations';
import { elementwiseValues } from './activation';
import { defineBlock, elementwiseWhy } from './define';

export const leakyReluBlock = defineBlock({
  type: 'LeakyReLU',
  role: 'activation',
  description: 'blocks.LeakyReLU.description',
  params: [
    {
      key: 'negativeSlope',
      label: 'blocks.LeakyReLU.negativeSlope.label',
      kind: 'number',
      default: 0.01,
      min: 0,
      max: 1,
      step: 0.01,
      optional: true,
      usual: 'blocks.LeakyReLU.negativeSlope.usual',
      help: 'blocks.LeakyReLU.negativeSlope.help',
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
  why: elementwiseWhy({
    forward: (ys, xs, x, slope) => ({ formula: say('why.leakyRelu.forward', { ys, xs, slope: num(slope) }), filled: x > 0 ? `${num(x)}` : `${num(slope)}·${op(x)}` }),
    derivative: (_ys, xs, x, _a, slope) => ({ formula: say('why.leakyRelu.derivative', { xs }), filled: `${x > 0 ? 1 : num(slope)}` }),
  }),
});
