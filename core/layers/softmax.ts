// Softmax over the last axis, shifted by the row maximum so exp never overflows.
import type { NodeId } from '../graph/spec';
import { exp } from '../exp';
import { EMPTY, sizeOf } from '../tensor';
import { ensure, type Layer, type Param } from './layer';

export class Softmax implements Layer {
  readonly type = 'Softmax';
  readonly params: readonly Param[] = [];
  readonly inSize: number;
  readonly outSize: number;
  readonly outShape: readonly number[];
  /** Length of the last axis: each run of this many values is normalised on its own. */
  readonly width: number;
  private out: Float64Array = EMPTY;
  private gradIn: Float64Array = EMPTY;
  private x: Float64Array = EMPTY;

  constructor(
    readonly nodeId: NodeId,
    readonly inShape: readonly number[],
  ) {
    this.inSize = sizeOf(inShape);
    this.outSize = this.inSize;
    this.outShape = inShape;
    this.width = inShape[inShape.length - 1];
  }

  forward(x: Float64Array, n: number): Float64Array {
    const k = this.width;
    const rows = (n * this.inSize) / k;
    const y = (this.out = ensure(this.out, n * this.inSize));
    this.x = x;
    for (let r = 0; r < rows; r++) {
      const o = r * k;
      let max = -Infinity;
      for (let j = 0; j < k; j++) if (x[o + j] > max) max = x[o + j];
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const e = exp(x[o + j] - max);
        y[o + j] = e;
        sum += e;
      }
      const inv = 1 / sum;
      for (let j = 0; j < k; j++) y[o + j] *= inv;
    }
    return y;
  }

  backward(g: Float64Array, n: number): Float64Array {
    const k = this.width;
    const rows = (n * this.inSize) / k;
    const y = this.out;
    const gx = (this.gradIn = ensure(this.gradIn, n * this.inSize));
    // dx = y ⊙ (g − Σ g·y) per row: the Jacobian-vector product without the k×k Jacobian.
    for (let r = 0; r < rows; r++) {
      const o = r * k;
      let dot = 0;
      for (let j = 0; j < k; j++) dot += g[o + j] * y[o + j];
      for (let j = 0; j < k; j++) gx[o + j] = y[o + j] * (g[o + j] - dot);
    }
    return gx;
  }

  /** The input of the last forward: the logits a fused softmax + cross-entropy works from. */
  logits(): Float64Array {
    return this.x;
  }
}
