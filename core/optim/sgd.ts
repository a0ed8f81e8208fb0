// SGD: p −= lr·g
import { Optimizer } from './optimizer';

export class SGD extends Optimizer {
  readonly name = 'SGD';

  protected update(_index: number, p: Float64Array, g: Float64Array, lr: number): void {
    for (let i = 0; i < p.length; i++) p[i] -= lr * g[i];
  }

  state(): { name: string; buffers: readonly Float64Array[] }[] {
    return [];
  }
}
