// SGD with momentum (PyTorch's form): v = μ·v + g; p −= lr·v
import type { Param } from '../layers/layer';
import { Optimizer } from './optimizer';

export class Momentum extends Optimizer {
  readonly name = 'Momentum';
  private readonly v: Float64Array[];

  constructor(
    params: readonly Param[],
    lr: number,
    readonly momentum: number,
  ) {
    super(params, lr);
    this.v = this.stateLike();
  }

  protected update(index: number, p: Float64Array, g: Float64Array, lr: number): void {
    const v = this.v[index];
    const mu = this.momentum;
    for (let i = 0; i < p.length; i++) {
      const vi = mu * v[i] + g[i];
      v[i] = vi;
      p[i] -= lr * vi;
    }
  }

  override hyper(): Record<string, number> {
    return { momentum: this.momentum };
  }

  state(): { name: string; buffers: readonly Float64Array[] }[] {
    return [{ name: 'velocity', buffers: this.v }];
  }
}
