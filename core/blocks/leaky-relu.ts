import type { BlockRead, OnnxReader } from '../export/format';
import { floatAttr } from '../export/onnx-proto';
import { floatConst, floatOf, inputs, shortFloat, takes, who } from '../export/read';
import { num, op } from '../inspect/format';
import { say } from '../messages/text';
import { LeakyReLU } from '../layers/activations';
import { elementwiseValues } from './activation';
import { defineBlock, elementwiseWhy } from './define';
import { defineKind } from './kind';

// Exported as LeakyRelu in float32. Its alpha is a float32 attribute, which in float64 would
// change every negative output in the 9th digit; there it is Max(x, negativeSlope·x), equal to
// the app's "x if x > 0 else negativeSlope·x" for every slope from 0 to 1.

function readLeakyRelu(r: OnnxReader): BlockRead {
  const n = r.node(0);
  if (n?.opType === 'LeakyRelu') return { params: { negativeSlope: shortFloat(floatOf(n, 'alpha', 0.01)) }, outShape: [...r.shape], nodes: 1 };
  if (n?.opType !== 'Mul') return null;
  const notOurs = `${who(n)} is read only as part of a LeakyReLU: Max(x, Mul(x, slope)) with one slope from 0 to 1`;
  const other = inputs(n).indexOf(r.x) === 0 ? 1 : 0;
  const slope = floatConst(r, n, other, 'slope');
  const max = r.node(1);
  if (typeof slope === 'string' || slope.values.length !== 1 || !takes(max, n, 'Max') || !inputs(max).includes(r.x) || inputs(max).length !== 2) return notOurs;
  const a = slope.values[0];
  if (!(a >= 0 && a <= 1)) return notOurs;
  return { params: { negativeSlope: slope.type === 'float32' ? shortFloat(a) : a }, outShape: [...r.shape], nodes: 2 };
}

export const kind = defineKind({
  type: 'LeakyReLU',
  role: 'activation',
  order: 80,
  params: [
    {
      key: 'negativeSlope',
      kind: 'number',
      default: 0.01,
      min: 0,
      max: 1,
      step: 0.01,
      optional: true,
    },
  ],
  words: {
    en: {
      description: 'Like ReLU, but negative values are scaled by a small slope instead of set to 0.',
      negativeSlope: {
        label: 'Negative slope',
        help: 'Multiplier for negative inputs: 0 makes it a ReLU, 1 an Identity.',
        usual: '0.01 is usual; 0 makes it a ReLU, 1 an Identity',
      },
    },
    'zh-TW': {
      description: '和 ReLU 類似，但負值乘上一個小斜率，而不是設為 0。',
      negativeSlope: {
        label: '負斜率',
        help: '負輸入的乘數：0 使它成為 ReLU，1 使它成為 Identity。',
        usual: '通常用 0.01；0 使它成為 ReLU，1 使它成為 Identity',
      },
    },
  },
});

export const block = defineBlock(kind, {
  create: (spec, inShape) => new LeakyReLU(spec.nodeId, inShape, spec.negativeSlope),
  batchValues: elementwiseValues,
  view: (l) => ({ negativeSlope: l.negativeSlope }),
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
  format: {
    toOnnx(w, layer, _t, x, y) {
      const id = layer.nodeId;
      if (w.floatType === 'float32') {
        w.node('LeakyRelu', id, [x], y, [floatAttr('alpha', layer.negativeSlope)]);
        return;
      }
      w.node('Mul', `${id}.scale`, [x, w.floats(`${id}.negative_slope`, [], [layer.negativeSlope])], `${id}.scaled`);
      w.node('Max', id, [x, `${id}.scaled`], y);
    },
    onnxOps: ['LeakyRelu', 'Mul', 'Max'],
    fromOnnx: readLeakyRelu,
    torch: (l) => `nn.LeakyReLU(negative_slope=${l.negativeSlope})`,
    convention: 'LeakyReLU (x if x > 0 else negativeSlope*x)',
  },
});
