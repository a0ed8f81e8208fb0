// RMSProp: s = α·s + (1−α)·g²; p −= lr·g / (√s + eps)
import type { Param } from '../layers/layer';
import { Optimizer } from './optimizer';

export class RMSProp extends Optimizer {
  readonly name = 'RMSProp';
  private readonly s: Float64Array[];

  constructor(
    params: readonly Param[],
    lr: number,
    readonly alpha: number,
    readonly eps: number,
  ) {
    super(params, lr);
    this.s = this.stateLike();
  }

  protected update(index: number, p: Float64Array, g: Float64Array, lr: number): void {
    const s = this.s[index];
    const a = this.alpha;
    const eps = this.eps;
    for (let i = 0; i < p.length; i++) {
      const gi = g[i];
      const si = a * s[i] + (1 - a) * gi * gi;
      s[i] = si;
      p[i] -= (lr * gi) / (Math.sqrt(si) + eps);
    }
  }

  override hyper(): Record<string, number> {
    return { alpha: this.alpha, eps: this.eps };
  }

  state(): { name: string; buffers: readonly Float64Array[] }[] {
    return [{ name: 'squareAverage', buffers: this.s }];
  }
}
