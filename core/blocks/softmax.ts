import { tensorText } from '../graph/describe';
import { Softmax } from '../layers/softmax';
import { elementwiseValues } from './activation';
import { defineBlock } from './define';

export const softmaxBlock = defineBlock({
  type: 'Softmax',
  role: 'output',
  description: 'Turns the last layer into class probabilities that sum to 1; use it with cross-entropy for more than two classes.',
  params: [],
  create: (spec, inShape) => new Softmax(spec.nodeId, inShape),
  batchValues: elementwiseValues,
  infer({ id, who, inShape, fail }) {
    if (inShape.length !== 1) {
      return fail({
        code: 'needs-flatten',
        message: `${who} gets ${tensorText(inShape)}, but it turns one score per class into probabilities: add a Flatten and a Linear (one output per class) before it.`,
      });
    }
    return { outputShape: [...inShape], paramCount: 0, layer: { nodeId: id, type: 'Softmax' }, problem: null };
  },
});
