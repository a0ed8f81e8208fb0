// Adam: m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²; m̂ = m/(1−β1ᵗ); v̂ = v/(1−β2ᵗ);
// p −= lr·m̂ / (√v̂ + eps), with t counted from 1.
import type { Param } from '../layers/layer';
import { Optimizer } from './optimizer';

export class Adam extends Optimizer {
  readonly name = 'Adam';
  private readonly m: Float64Array[];
  private readonly v: Float64Array[];

  constructor(
    params: readonly Param[],
    lr: number,
    readonly beta1: number,
    readonly beta2: number,
    readonly eps: number,
  ) {
    super(params, lr);
    this.m = this.stateLike();
    this.v = this.stateLike();
  }

  /** The bias corrections 1 − β1ᵗ and 1 − β2ᵗ of the last step (shown by the inspector). */
  override biasCorrection(): { c1: number; c2: number; t: number } {
    return { c1: 1 - Math.pow(this.beta1, this.t), c2: 1 - Math.pow(this.beta2, this.t), t: this.t };
  }

  protected update(index: number, p: Float64Array, g: Float64Array, lr: number): void {
    const m = this.m[index];
    const v = this.v[index];
    const b1 = this.beta1;
    const b2 = this.beta2;
    const eps = this.eps;
    const c1 = 1 - Math.pow(b1, this.t);
    const c2 = 1 - Math.pow(b2, this.t);
    for (let i = 0; i < p.length; i++) {
      const gi = g[i];
      const mi = b1 * m[i] + (1 - b1) * gi;
      const vi = b2 * v[i] + (1 - b2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      p[i] -= (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
    }
  }

  override hyper(): Record<string, number> {
    return { beta1: this.beta1, beta2: this.beta2, eps: this.eps };
  }

  state(): { name: string; buffers: readonly Float64Array[] }[] {
    return [
      { name: 'firstMoment', buffers: this.m },
      { name: 'secondMoment', buffers: this.v },
    ];
  }
}
