import { tensorSaid } from '../graph/describe';
import { say } from '../messages/text';
import { saying } from '../messages/said';
import { KERNEL_WHY, MAX_KERNEL, MAX_UNITS, UNITS_WHY } from '../graph/limits';
import { Conv1d, conv1dOutLength } from '../layers/conv1d';
import { defineBlock } from './define';

export const conv1dBlock = defineBlock({
  type: 'Conv1d',
  role: 'layer',
  description: 'Slides small learned filters along a 1-D signal ([channels, length]); good at finding local patterns.',
  params: [
    { key: 'outChannels', label: 'Output channels', kind: 'int', default: 8, min: 1, max: MAX_UNITS, optional: false, limitWhy: UNITS_WHY, help: 'How many filters, i.e. output channels.' },
    { key: 'kernelSize', label: 'Kernel size', kind: 'int', default: 5, min: 1, max: MAX_KERNEL, optional: false, limitWhy: KERNEL_WHY, help: 'How many neighbouring samples each filter looks at.' },
    { key: 'stride', label: 'Stride', kind: 'int', default: 1, min: 1, max: MAX_KERNEL, optional: true, limitWhy: KERNEL_WHY, help: 'How far the filter moves each step; 2 halves the length.' },
    { key: 'padding', label: 'Padding', kind: 'int', default: 0, min: 0, max: MAX_KERNEL, optional: true, limitWhy: KERNEL_WHY, help: 'Zeros added at both ends; (kernel − 1) / 2 keeps the length.' },
  ],
  create: (spec) => new Conv1d(spec.nodeId, spec),
  // Besides its output, the im2col windows (T·C·K per sample) and, for the input gradient, their gradient.
  batchValues({ layer: l, inSize, outSize }, _backward, inputGrad) {
    const window = conv1dOutLength(l.inLength, l.kernelSize, l.stride, l.padding) * l.inChannels * l.kernelSize;
    return outSize + window + (inputGrad ? window + inSize : 0);
  },
  width: 'channels',
  infer({ id, who, params, inShape, fail, tooBig }) {
    if (inShape.length !== 2) {
      return fail({
        code: 'needs-signal',
        ...saying(say('graph.shape.needsSignal', { node: who, tensor: tensorSaid(inShape) })),
      });
    }
    const [inChannels, inLength] = inShape;
    const { outChannels, kernelSize, stride, padding } = params;
    const paramCount =
      outChannels !== null && kernelSize !== null ? outChannels * inChannels * kernelSize + outChannels : 0;
    if (kernelSize === null || stride === null || padding === null) {
      return { outputShape: null, paramCount, layer: null, problem: null };
    }
    const padded = inLength + 2 * padding;
    if (kernelSize > padded) {
      return fail(
        {
          code: 'kernel-too-long',
          ...saying(say(padding > 0 ? 'graph.shape.kernelTooLongPadded' : 'graph.shape.kernelTooLong', { node: who, kernel: kernelSize, length: padded })),
        },
        paramCount,
      );
    }
    const outLength = conv1dOutLength(inLength, kernelSize, stride, padding);
    if (outLength <= 0) {
      return fail(
        { code: 'empty-output', ...saying(say('graph.shape.emptyOutput', { node: who, length: outLength })) },
        paramCount,
      );
    }
    if (outChannels === null) return { outputShape: null, paramCount, layer: null, problem: null };
    const out = [outChannels, outLength];
    return (
      tooBig(out, paramCount, say('graph.shape.fewerChannels')) ?? {
        outputShape: out,
        paramCount,
        layer: { nodeId: id, type: 'Conv1d', inChannels, outChannels, kernelSize, stride, padding, inLength },
        problem: null,
      }
    );
  },
});
