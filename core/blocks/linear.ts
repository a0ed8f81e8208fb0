import { tensorSaid } from '../graph/describe';
import { say } from '../messages/text';
import { saying } from '../messages/said';
import { MAX_UNITS, UNITS_WHY } from '../graph/limits';
import { Linear } from '../layers/linear';
import { defineBlock } from './define';

export const linearBlock = defineBlock({
  type: 'Linear',
  role: 'layer',
  description: 'A fully connected layer: every output is a weighted sum of all inputs plus a bias (y = xWᵀ + b).',
  params: [
    {
      key: 'outFeatures',
      label: 'Output features',
      kind: 'int',
      default: 32,
      min: 1,
      max: MAX_UNITS,
      optional: false,
      limitWhy: UNITS_WHY,
      help: 'How many units (neurons) this layer has; its input size comes from the layer before.',
    },
    { key: 'bias', label: 'Bias', kind: 'boolean', default: true, help: 'Add a learned bias b to every output.' },
  ],
  create: (spec) => new Linear(spec.nodeId, spec.inFeatures, spec.outFeatures, spec.bias),
  batchValues: ({ inSize, outSize }, _backward, inputGrad) => outSize + (inputGrad ? inSize : 0),
  // Its product kernel reads Wᵀ, kept next to W.
  extraWeights: (l) => l.inFeatures * l.outFeatures,
  width: 'units',
  infer({ id, who, params: p, inShape, fail }) {
    if (inShape.length !== 1) {
      return fail({
        code: 'needs-flatten',
        ...saying(say('graph.shape.needsFlatten', { node: who, tensor: tensorSaid(inShape) })),
      });
    }
    const inFeatures = inShape[0];
    if (p.outFeatures === null) return { outputShape: null, paramCount: 0, layer: null, problem: null };
    const paramCount = inFeatures * p.outFeatures + (p.bias ? p.outFeatures : 0);
    return {
      outputShape: [p.outFeatures],
      paramCount,
      layer: { nodeId: id, type: 'Linear', inFeatures, outFeatures: p.outFeatures, bias: p.bias },
      problem: null,
    };
  },
});
