// Linear: y = x·Wᵀ + b with W [out, in], b [out] (PyTorch's layout, as the reference fixes it).
import type { NodeId } from '../graph/spec';
import { EMPTY } from '../tensor';
import { matmul, matmulTN } from '../kernels/dense';
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
  /** Wᵀ [in, out], refreshed by every forward: the product kernel wants B's rows contiguous. */
  private readonly weightT: Float64Array;

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
    this.weightT = new Float64Array(w);
  }

  forward(x: Float64Array, n: number): Float64Array {
    const inF = this.inSize;
    const outF = this.outSize;
    const y = (this.out = ensure(this.out, n * outF));
    this.x = x;
    // y[i,o] = Σ_k x[i,k]·Wᵀ[k,o] + b[o]. The copy costs in·out moves against n·in·out
    // multiply-adds, and is taken every time because the optimizer changes W between batches.
    const w = this.weight.value;
    const wt = this.weightT;
    for (let o = 0; o < outF; o++) {
      const row = o * inF;
      for (let k = 0; k < inF; k++) wt[k * outF + o] = w[row + k];
    }
    matmul(n, outF, inF, x, wt, y, this.bias ? this.bias.value : null);
    return y;
  }

  backward(g: Float64Array, n: number, needInputGrad: boolean): Float64Array {
    const inF = this.inSize;
    const outF = this.outSize;
    if (this.bias) {
      // db[o] = Σ_i g[i,o], four columns at a time: four independent sums instead of one
      // chain of dependent adds, each still summed over i in order.
      const gb = this.bias.grad;
      let o = 0;
      for (; o + 3 < outF; o += 4) {
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (let r = o, end = o + n * outF; r < end; r += outF) {
          s0 += g[r];
          s1 += g[r + 1];
          s2 += g[r + 2];
          s3 += g[r + 3];
        }
        gb[o] = s0;
        gb[o + 1] = s1;
        gb[o + 2] = s2;
        gb[o + 3] = s3;
      }
      for (; o < outF; o++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += g[i * outF + o];
        gb[o] = s;
      }
    }
    // dW[o,k] = Σ_i g[i,o]·x[i,k] = (gᵀ·x)[o,k]
    matmulTN(outF, inF, n, g, this.x, this.weight.grad);
    if (!needInputGrad) return EMPTY;
    // dx[i,k] = Σ_o g[i,o]·W[o,k]
    const gx = (this.gradIn = ensure(this.gradIn, n * inF));
    matmul(n, inF, outF, g, this.weight.value, gx, null);
    return gx;
  }
}
