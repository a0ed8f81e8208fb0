// Linear: y = x·Wᵀ + b with W [out, in], b [out] (PyTorch's layout, as the reference fixes it).
import type { NodeId } from '../graph/spec';
import { EMPTY } from '../tensor';
import { ensure, type Layer, type Param } from './layer';

export class Linear implements Layer {
  readonly type = 'Linear';
  readonly inShape: readonly number[];
  readonly outShape: readonly number[];
  readonly params: readonly Param[];
  readonly weight: Param;
  readonly bias: Param | null;
  private out: Float64Array = EMPTY;
  private gradIn: Float64Array = EMPTY;
  private x: Float64Array = EMPTY;

  constructor(
    readonly nodeId: NodeId,
    readonly inSize: number,
    readonly outSize: number,
    hasBias = true,
  ) {
    this.inShape = [inSize];
    this.outShape = [outSize];
    const w = outSize * inSize;
    this.weight = { name: 'weight', value: new Float64Array(w), grad: new Float64Array(w), shape: [outSize, inSize] };
    this.bias = hasBias
      ? { name: 'bias', value: new Float64Array(outSize), grad: new Float64Array(outSize), shape: [outSize] }
      : null;
    this.params = this.bias ? [this.weight, this.bias] : [this.weight];
  }

  forward(x: Float64Array, n: number): Float64Array {
    const inF = this.inSize;
    const outF = this.outSize;
    const W = this.weight.value;
    const b = this.bias ? this.bias.value : null;
    const y = (this.out = ensure(this.out, n * outF));
    this.x = x;
    for (let i = 0; i < n; i++) {
      const xi = i * inF;
      const yi = i * outF;
      for (let o = 0; o < outF; o++) {
        // Row of W and row of x are both contiguous: a plain dot product.
        const wo = o * inF;
        let s = 0;
        for (let k = 0; k < inF; k++) s += x[xi + k] * W[wo + k];
        y[yi + o] = b === null ? s : s + b[o];
      }
    }
    return y;
  }

  backward(g: Float64Array, n: number, needInputGrad: boolean): Float64Array {
    const inF = this.inSize;
    const outF = this.outSize;
    const x = this.x;
    const W = this.weight.value;
    const gW = this.weight.grad;
    gW.fill(0);
    if (this.bias) {
      const gb = this.bias.grad;
      gb.fill(0);
      for (let i = 0; i < n; i++) {
        const gi = i * outF;
        for (let o = 0; o < outF; o++) gb[o] += g[gi + o];
      }
    }
    // dW = gᵀ·x, accumulated row by row of the batch (i-k-j order: the inner loop is contiguous).
    for (let i = 0; i < n; i++) {
      const xi = i * inF;
      const gi = i * outF;
      for (let o = 0; o < outF; o++) {
        const go = g[gi + o];
        const wo = o * inF;
        for (let k = 0; k < inF; k++) gW[wo + k] += go * x[xi + k];
      }
    }
    if (!needInputGrad) return EMPTY;
    // dx = g·W
    const gx = (this.gradIn = ensure(this.gradIn, n * inF));
    gx.fill(0, 0, n * inF);
    for (let i = 0; i < n; i++) {
      const xi = i * inF;
      const gi = i * outF;
      for (let o = 0; o < outF; o++) {
        const go = g[gi + o];
        const wo = o * inF;
        for (let k = 0; k < inF; k++) gx[xi + k] += go * W[wo + k];
      }
    }
    return gx;
  }
}
