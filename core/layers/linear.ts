// Linear: y = x·Wᵀ + b with W [out, in], b [out] (PyTorch's layout, as the reference fixes it).
import type { NodeId } from '../graph/spec';
import { EMPTY } from '../tensor';
import { gemm } from '../matmul';
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
    const y = (this.out = ensure(this.out, n * outF));
    this.x = x;
    // y[i,o] = Σ_k x[i,k]·W[o,k] + b[o]: B = Wᵀ, read through strides.
    gemm(n, outF, inF, x, 0, inF, 1, this.weight.value, 0, 1, inF, y, 0, this.bias ? this.bias.value : null, false);
    return y;
  }

  backward(g: Float64Array, n: number, needInputGrad: boolean): Float64Array {
    const inF = this.inSize;
    const outF = this.outSize;
    if (this.bias) {
      const gb = this.bias.grad;
      for (let o = 0; o < outF; o++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += g[i * outF + o];
        gb[o] = s;
      }
    }
    // dW[o,k] = Σ_i g[i,o]·x[i,k]: A = gᵀ.
    gemm(outF, inF, n, g, 0, 1, outF, this.x, 0, inF, 1, this.weight.grad, 0, null, false);
    if (!needInputGrad) return EMPTY;
    // dx[i,k] = Σ_o g[i,o]·W[o,k]
    const gx = (this.gradIn = ensure(this.gradIn, n * inF));
    gemm(n, inF, outF, g, 0, outF, 1, this.weight.value, 0, inF, 1, gx, 0, null, false);
    return gx;
  }
}
