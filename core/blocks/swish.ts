// Swish (PyTorch's SiLU): y = x·σ(x). It keeps σ(x) from forward, which its derivative
// σ(x)·(1 + x·(1 − σ(x))) reads with the input.
import type { NodeId } from '../graph/spec';
import { exp } from '../exp';
import { num, op } from '../inspect/format';
import { ensure, type Layer, type Param } from '../layers/layer';
import { EMPTY, sizeOf } from '../tensor';
import { defineActivation } from './activation';
import { defineKind } from './kind';

export class Swish implements Layer {
  readonly type = 'Swish';
  readonly params: readonly Param[] = [];
  readonly inSize: number;
  readonly outSize: number;
  readonly outShape: readonly number[];
  private out: Float64Array = EMPTY;
  private s: Float64Array = EMPTY;
  private gradIn: Float64Array = EMPTY;
  private x: Float64Array = EMPTY;

  constructor(
    readonly nodeId: NodeId,
    readonly inShape: readonly number[],
  ) {
    this.inSize = sizeOf(inShape);
    this.outSize = this.inSize;
    this.outShape = inShape;
  }

  forward(x: Float64Array, n: number): Float64Array {
    const m = n * this.inSize;
    const y = (this.out = ensure(this.out, m));
    const s = (this.s = ensure(this.s, m));
    this.x = x;
    for (let i = 0; i < m; i++) {
      s[i] = 1 / (1 + exp(-x[i]));
      y[i] = x[i] * s[i];
    }
    return y;
  }

  backward(g: Float64Array, n: number): Float64Array {
    const m = n * this.inSize;
    const gx = (this.gradIn = ensure(this.gradIn, m));
    for (let i = 0; i < m; i++) {
      const si = this.s[i];
      gx[i] = g[i] * si * (1 + this.x[i] * (1 - si));
    }
    return gx;
  }
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export const kind = defineKind({
  type: 'Swish',
  role: 'activation',
  order: 95,
  params: [],
  words: {
    en: { description: 'Multiplies each value by its sigmoid: x·σ(x), smooth and slightly negative below zero.' },
    'zh-TW': { description: '把每個值乘上它的 Sigmoid：x·σ(x)，平滑，在零以下略為負。' },
  },
});

export const block = defineActivation(kind, Swish, {
  forward: (ys, xs, x) => ({ formula: `${ys} = ${xs}·σ(${xs})`, filled: `${op(x)}·${num(sigmoid(x))}` }),
  derivative: (_ys, xs, x) => ({ formula: `σ(${xs})·(1 + ${xs}·(1 − σ(${xs})))`, filled: num(sigmoid(x) * (1 + x * (1 - sigmoid(x)))) }),
}, {
  convention: 'Swish x*sigmoid(x)',
  toOnnx(w, layer, _t, x, y) {
    w.node('Sigmoid', `${layer.nodeId}.sigmoid`, [x], `${layer.nodeId}.s`);
    w.node('Mul', layer.nodeId, [x, `${layer.nodeId}.s`], y);
  },
  onnxOps: ['Sigmoid', 'Mul'],
  // Read back as a Sigmoid and a Mul the importer does not join: not importable yet.
  fromOnnx: () => null,
  torch: () => 'nn.SiLU()',
});
