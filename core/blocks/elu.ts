// ELU: x for x > 0, α·(eˣ − 1) below. Throwaway, to count what a kind with a param touches.
import type { NodeId } from '../graph/spec';
import { floatAttr } from '../export/onnx-proto';
import { num } from '../inspect/format';
import { ensure, type Layer, type Param } from '../layers/layer';
import { EMPTY, sizeOf } from '../tensor';
import { elementwiseValues } from './activation';
import { defineBlock, elementwiseWhy } from './define';
import { defineKind } from './kind';

export class Elu implements Layer {
  readonly type = 'ELU';
  readonly params: readonly Param[] = [];
  readonly inSize: number;
  readonly outSize: number;
  readonly outShape: readonly number[];
  private out: Float64Array = EMPTY;
  private gradIn: Float64Array = EMPTY;
  private x: Float64Array = EMPTY;

  constructor(
    readonly nodeId: NodeId,
    readonly inShape: readonly number[],
    readonly alpha: number,
  ) {
    this.inSize = sizeOf(inShape);
    this.outSize = this.inSize;
    this.outShape = inShape;
  }

  forward(x: Float64Array, n: number): Float64Array {
    const m = n * this.inSize;
    const y = (this.out = ensure(this.out, m));
    this.x = x;
    for (let i = 0; i < m; i++) y[i] = x[i] > 0 ? x[i] : this.alpha * (Math.exp(x[i]) - 1);
    return y;
  }

  backward(g: Float64Array, n: number): Float64Array {
    const m = n * this.inSize;
    const gx = (this.gradIn = ensure(this.gradIn, m));
    // Below zero the derivative α·eˣ is the output plus α.
    for (let i = 0; i < m; i++) gx[i] = g[i] * (this.x[i] > 0 ? 1 : this.out[i] + this.alpha);
    return gx;
  }
}

export const kind = defineKind({
  type: 'ELU',
  role: 'activation',
  order: 85,
  params: [{ key: 'alpha', kind: 'number', default: 1, min: 0, max: 10, step: 0.1, optional: true }],
  words: {
    en: { description: 'Like ReLU above zero; below, it bends smoothly towards −α.', alpha: { label: 'Alpha', help: 'How far below zero the output may go.' } },
    'zh-TW': { description: '零以上和 ReLU 一樣；零以下平滑地趨近 −α。', alpha: { label: 'α 值', help: '輸出在零以下最多能到多低。' } },
  },
});

export const block = defineBlock(kind, {
  create: (spec, inShape) => new Elu(spec.nodeId, inShape, spec.alpha),
  batchValues: elementwiseValues,
  infer: ({ id, params, inShape }) => ({
    outputShape: [...inShape],
    paramCount: 0,
    layer: params.alpha === null ? null : { nodeId: id, type: 'ELU', alpha: params.alpha },
    problem: null,
  }),
  why: elementwiseWhy({
    forward: (ys, xs, x) => ({ formula: `${ys} = ${xs} > 0 ? ${xs} : α·(e^${xs} − 1)`, filled: num(x) }),
    derivative: (_ys, xs, x) => ({ formula: `[${xs} > 0] + [${xs} ≤ 0]·α·e^${xs}`, filled: num(x) }),
  }),
  format: {
    toOnnx: (w, layer, _t, x, y) => w.node('Elu', layer.nodeId, [x], y, [floatAttr('alpha', layer.alpha)]),
    onnxOps: ['Elu'],
    fromOnnx: () => null,
    torch: (l) => `nn.ELU(alpha=${l.alpha})`,
    convention: 'ELU (x if x > 0 else alpha*(exp(x)-1))',
  },
});
