// Conv1d: a cross-correlation over [N, inC, L] with zero padding on both ends and a stride.
// weight [outC, inC, k], bias [outC]; output length floor((L + 2p − k) / s) + 1.
import type { NodeId } from '../graph/spec';
import { EMPTY } from '../tensor';
import { ensure, type Layer, type Param } from './layer';

export interface Conv1dConfig {
  inChannels: number;
  outChannels: number;
  kernelSize: number;
  stride: number;
  padding: number;
  inLength: number;
}

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
  private x: Float64Array = EMPTY;

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
    const { inChannels: C, outChannels: O, kernelSize: K, stride: S, padding: P, inLength: L } = this.cfg;
    const T = this.outLength;
    const W = this.weight.value;
    const b = this.bias.value;
    const y = (this.out = ensure(this.out, n * this.outSize));
    this.x = x;
    for (let i = 0; i < n; i++) {
      const xb = i * C * L;
      const yb = i * O * T;
      for (let o = 0; o < O; o++) {
        const yo = yb + o * T;
        for (let t = 0; t < T; t++) {
          const start = t * S - P;
          // Clip the kernel window to the signal instead of materialising the padding.
          const j0 = start < 0 ? -start : 0;
          const j1 = start + K > L ? L - start : K;
          let s = b[o];
          for (let c = 0; c < C; c++) {
            const wc = (o * C + c) * K;
            const xc = xb + c * L + start;
            for (let j = j0; j < j1; j++) s += W[wc + j] * x[xc + j];
          }
          y[yo + t] = s;
        }
      }
    }
    return y;
  }

  backward(g: Float64Array, n: number, needInputGrad: boolean): Float64Array {
    const { inChannels: C, outChannels: O, kernelSize: K, stride: S, padding: P, inLength: L } = this.cfg;
    const T = this.outLength;
    const x = this.x;
    const W = this.weight.value;
    const gW = this.weight.grad;
    const gb = this.bias.grad;
    gW.fill(0);
    gb.fill(0);
    let gx = EMPTY;
    if (needInputGrad) {
      gx = this.gradIn = ensure(this.gradIn, n * this.inSize);
      gx.fill(0, 0, n * this.inSize);
    }
    for (let i = 0; i < n; i++) {
      const xb = i * C * L;
      const gi = i * O * T;
      for (let o = 0; o < O; o++) {
        const go = gi + o * T;
        for (let t = 0; t < T; t++) {
          const d = g[go + t];
          gb[o] += d;
          const start = t * S - P;
          const j0 = start < 0 ? -start : 0;
          const j1 = start + K > L ? L - start : K;
          for (let c = 0; c < C; c++) {
            const wc = (o * C + c) * K;
            const xc = xb + c * L + start;
            // Each output position spreads its gradient back over the window it read.
            for (let j = j0; j < j1; j++) gW[wc + j] += d * x[xc + j];
            if (needInputGrad) for (let j = j0; j < j1; j++) gx[xc + j] += d * W[wc + j];
          }
        }
      }
    }
    return gx;
  }
}
