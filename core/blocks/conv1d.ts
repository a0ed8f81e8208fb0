import { tensorSaid } from '../graph/describe';
import { saying } from '../messages/said';
import { MAX_KERNEL, MAX_UNITS } from '../graph/limits';
import { coords, op, sumSaid } from '../inspect/format';
import { Conv1d, conv1dOutLength } from '../layers/conv1d';
import { say } from '../messages/text';
import { conv1dFormat } from './conv1d-format';
import { defineBlock } from './define';
import { defineKind, inferred } from './kind';

export const kind = defineKind({
  type: 'Conv1d',
  role: 'layer',
  order: 30,
  params: [
    { key: 'outChannels', kind: 'int', default: 8, min: 1, max: MAX_UNITS, optional: false, limitWhy: 'units' },
    { key: 'kernelSize', kind: 'int', default: 5, min: 1, max: MAX_KERNEL, optional: false, limitWhy: 'kernel' },
    { key: 'stride', kind: 'int', default: 1, min: 1, max: MAX_KERNEL, optional: true, limitWhy: 'kernel' },
    { key: 'padding', kind: 'int', default: 0, min: 0, max: MAX_KERNEL, optional: true, limitWhy: 'kernel' },
  ],
  inferred: inferred<{ inChannels: number; /** Input signal length, known after shape inference. */ inLength: number }>(),
  words: {
    en: {
      description: 'Slides small learned filters along a 1-D signal ([channels, length]); good at finding local patterns.',
      outChannels: {
        label: 'Output channels',
        help: 'How many filters, i.e. output channels.',
      },
      kernelSize: {
        label: 'Kernel size',
        help: 'How many neighbouring samples each filter looks at.',
      },
      stride: {
        label: 'Stride',
        help: 'How far the filter moves each step; 2 halves the length.',
      },
      padding: {
        label: 'Padding',
        help: 'Zeros added at both ends; (kernel − 1) / 2 keeps the length.',
      },
    },
    'zh-TW': {
      description: '讓可學習的小濾波器沿著一維訊號（[通道, 長度]）滑動；擅長找出局部的模式。',
      outChannels: {
        label: '輸出通道數',
        help: '濾波器的數量，也就是輸出通道數。',
      },
      kernelSize: {
        label: '卷積核大小',
        help: '每個濾波器看多少個相鄰的取樣點。',
      },
      stride: {
        label: '步幅',
        help: '濾波器每一步移動多遠；2 會讓長度減半。',
      },
      padding: {
        label: '填補',
        help: '在兩端補上的零；(卷積核大小 − 1) / 2 可保持長度不變。',
      },
    },
  },
});

export const block = defineBlock(kind, {
  create: (spec) => new Conv1d(spec.nodeId, spec),
  // Besides its output, the im2col windows (T·C·K per sample) and, for the input gradient, their gradient.
  batchValues({ layer: l, inSize, outSize }, _backward, inputGrad) {
    const window = conv1dOutLength(l.inLength, l.kernelSize, l.stride, l.padding) * l.inChannels * l.kernelSize;
    return outSize + window + (inputGrad ? window + inSize : 0);
  },
  weighted: true,
  tensors: (l) => ({ weight: [l.outChannels, l.inChannels, l.kernelSize], bias: [l.outChannels] }),
  view: (l, outShape) => ({ conv: { inChannels: l.inChannels, outChannels: l.outChannels, kernelSize: l.kernelSize, stride: l.stride, padding: l.padding, inLength: l.inLength, outLength: outShape[1] } }),
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
  explain: {
    symbol: 'z',
    output({ node, index, ys, xs, k }) {
      const cv = node.conv!;
      const [i, o, t] = coords(node.output.shape, index);
      const W = node.params[0].value;
      const b = node.params[1].value;
      const terms: string[] = [op(b[o])];
      for (let ch = 0; ch < cv.inChannels; ch++) {
        for (let j = 0; j < cv.kernelSize; j++) {
          const pos = t * cv.stride - cv.padding + j;
          if (pos < 0 || pos >= cv.inLength) continue;
          terms.push(`${op(W[(o * cv.inChannels + ch) * cv.kernelSize + j])}·${op(node.input.data[(i * cv.inChannels + ch) * cv.inLength + pos])}`);
        }
      }
      return {
        formula: `${ys}[i,o,t] = b${k}[o] + Σ_c Σ_j W${k}[o,c,j]·${xs}[i,c,t·${cv.stride}−${cv.padding}+j]`,
        filled: sumSaid(terms, 8),
        notes: cv.padding ? [say('why.conv1d.padding')] : [],
      };
    },
    gradInput: ({ node, xs, k }) => ({
      formula: say('why.conv1d.gradInput', { xs, k }),
      filled: say('why.conv1d.gradInputFilled', { channels: node.conv!.outChannels }),
      notes: [say('why.conv1d.col2im')],
    }),
    weightWhere: ([outChannel, inChannel, tap]) => say('why.conv1d.weight', { tap, inChannel, outChannel }),
    gradParam({ node, param, index, n, xs, k }) {
      const cv = node.conv!;
      const d = node.gradOutput!;
      const T = cv.outLength;
      if (param === 'weight') {
        const [o, ch, j] = coords(node.params[0].shape, index);
        const terms: string[] = [];
        for (let i = 0; i < n; i++) {
          for (let t = 0; t < T; t++) {
            const pos = t * cv.stride - cv.padding + j;
            if (pos < 0 || pos >= cv.inLength) continue;
            terms.push(`${op(d.data[(i * cv.outChannels + o) * T + t])}·${op(node.input.data[(i * cv.inChannels + ch) * cv.inLength + pos])}`);
          }
        }
        return { formula: `∂L/∂W${k}[o,c,j] = Σᵢ Σₜ Δ${k}[i,o,t]·${xs}[i,c,t·${cv.stride}−${cv.padding}+j]`, filled: sumSaid(terms, 8) };
      }
      const terms: string[] = [];
      for (let i = 0; i < n; i++) for (let t = 0; t < T; t++) terms.push(op(d.data[(i * cv.outChannels + index) * T + t]));
      return { formula: `∂L/∂b${k}[o] = Σᵢ Σₜ Δ${k}[i,o,t]`, filled: sumSaid(terms, 8) };
    },
  },
  format: conv1dFormat,
});
