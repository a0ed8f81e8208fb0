import { tensorSaid } from '../graph/describe';
import { say } from '../messages/text';
import { saying } from '../messages/said';
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
        ...saying(say('graph.shape.softmaxNeedsFlat', { node: who, tensor: tensorSaid(inShape) })),
      });
    }
    return { outputShape: [...inShape], paramCount: 0, layer: { nodeId: id, type: 'Softmax' }, problem: null };
  },
});
