// Conv1d: a cross-correlation over [N, inC, L] with zero padding on both ends and a stride.
// weight [outC, inC, k], bias [outC]; output length floor((L + 2p − k) / s) + 1.
// Computed as im2col + the shared matrix product: each output position's window becomes a
// row, so forward and both gradients are products of small matrices.
import type { NodeId } from '../graph/spec';
import { EMPTY } from '../tensor';
import { gemm } from '../matmul';
import type { ResolvedLayer } from '../graph/resolved';
import { ensure, type Layer, type Param } from './layer';

/** A resolved Conv1d node's sizes (the graph's own description, without its id). */
export type Conv1dConfig = Omit<Extract<ResolvedLayer, { type: 'Conv1d' }>, 'nodeId' | 'type'>;

/** Conv1d output length, the reference convention: floor((L + 2p − k) / s) + 1. */
export function conv1dOutLength(inLength: number, kernelSize: number, stride: number, padding: number): number {
  return Math.floor((inLength + 2 * padding - kernelSize) / stride) + 1;
}

export class Conv1d implements Layer {
  readonly type = 'Conv1d';
  readonly inShape: readonly number[];
  readonly outShape: readonly number[];
  readonly inSize: number;
  readonly outSize: number;
  readonly params: readonly Param[];
  readonly weight: Param;
  readonly bias: Param;
  readonly outLength: number;
  private out: Float64Array = EMPTY;
  private gradIn: Float64Array = EMPTY;
  /** The batch's windows, one row per (sample, output position): forward writes, backward reads. */
  private col: Float64Array = EMPTY;
  private gradCol: Float64Array = EMPTY;

  constructor(
    readonly nodeId: NodeId,
    readonly cfg: Conv1dConfig,
  ) {
    const { inChannels: C, outChannels: O, kernelSize: K, stride, padding, inLength: L } = cfg;
    this.outLength = conv1dOutLength(L, K, stride, padding);
    this.inShape = [C, L];
    this.outShape = [O, this.outLength];
    this.inSize = C * L;
    this.outSize = O * this.outLength;
    const w = O * C * K;
    this.weight = { name: 'weight', value: new Float64Array(w), grad: new Float64Array(w), shape: [O, C, K] };
    this.bias = { name: 'bias', value: new Float64Array(O), grad: new Float64Array(O), shape: [O] };
    this.params = [this.weight, this.bias];
  }

  forward(x: Float64Array, n: number): Float64Array {
    const { inChannels: C, outChannels: O, kernelSize: K } = this.cfg;
    const T = this.outLength;
    const CK = C * K;
    const b = this.bias.value;
    const y = (this.out = ensure(this.out, n * this.outSize));
    const col = (this.col = ensure(this.col, n * T * CK));
    this.im2col(x, n, col);
    for (let i = 0; i < n; i++) {
      // y_i [O, T] = W [O, C·K] · col_iᵀ, started from the bias.
      const yi = i * O * T;
      for (let o = 0; o < O; o++) {
        // A plain loop: fill(b[o], …) would box the double for the call on every row.
        const bo = b[o];
        for (let j = yi + o * T, end = j + T; j < end; j++) y[j] = bo;
      }
      gemm(O, T, CK, this.weight.value, 0, CK, 1, col, i * T * CK, 1, CK, y, yi, null, true);
    }
    return y;
  }

  backward(g: Float64Array, n: number, needInputGrad: boolean): Float64Array {
    const { inChannels: C, outChannels: O, kernelSize: K } = this.cfg;
    const T = this.outLength;
    const CK = C * K;
    const col = this.col;
    const gW = this.weight.grad;
    const gb = this.bias.grad;
    gb.fill(0);
    for (let i = 0; i < n; i++) {
      for (let o = 0; o < O; o++) {
        const go = (i * O + o) * T;
        let s = 0;
        for (let t = 0; t < T; t++) s += g[go + t];
        gb[o] += s;
      }
    }
    // dW [O, C·K] = Σ_i g_i [O, T] · col_i [T, C·K]
    gW.fill(0);
    for (let i = 0; i < n; i++) gemm(O, CK, T, g, i * O * T, T, 1, col, i * T * CK, CK, 1, gW, 0, null, true);
    if (!needInputGrad) return EMPTY;
    // dcol_i [T, C·K] = g_iᵀ · W, then every window adds its share back onto the signal.
    const gcol = (this.gradCol = ensure(this.gradCol, n * T * CK));
    for (let i = 0; i < n; i++) gemm(T, CK, O, g, i * O * T, 1, T, this.weight.value, 0, CK, 1, gcol, i * T * CK, null, false);
    const gx = (this.gradIn = ensure(this.gradIn, n * this.inSize));
    this.col2im(gcol, n, gx);
    return gx;
  }

  /** Unrolls every window into a row of col [n·T, C·K], zeros where it hangs over the padding. */
  private im2col(x: Float64Array, n: number, col: Float64Array): void {
    const { inChannels: C, kernelSize: K, stride: S, padding: P, inLength: L } = this.cfg;
    const T = this.outLength;
    let r = 0;
    for (let i = 0; i < n; i++) {
      const xb = i * C * L;
      for (let t = 0; t < T; t++) {
        const start = t * S - P;
        for (let c = 0; c < C; c++) {
          const xc = xb + c * L + start;
          for (let j = 0; j < K; j++) {
            const at = start + j;
            col[r++] = at >= 0 && at < L ? x[xc + j] : 0;
          }
        }
      }
    }
  }

  /** The adjoint of im2col: sums each window's gradient back onto the positions it read. */
  private col2im(gcol: Float64Array, n: number, gx: Float64Array): void {
    const { inChannels: C, kernelSize: K, stride: S, padding: P, inLength: L } = this.cfg;
    const T = this.outLength;
    gx.fill(0, 0, n * C * L);
    let r = 0;
    for (let i = 0; i < n; i++) {
      const xb = i * C * L;
      for (let t = 0; t < T; t++) {
        const start = t * S - P;
        for (let c = 0; c < C; c++) {
          const xc = xb + c * L + start;
          for (let j = 0; j < K; j++, r++) {
            const at = start + j;
            if (at >= 0 && at < L) gx[xc + j] += gcol[r];
          }
        }
      }
    }
  }
}
