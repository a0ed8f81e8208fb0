// Add: the element-wise sum of two or more inputs of one shape. Its derivative is 1 for
// every input, so backward hands the output gradient, unchanged, to each of them.
import type { NodeId } from '../graph/spec';
import { EMPTY, sizeOf } from '../tensor';
import type { JoinLayer } from './join';
import { ensure, type Param } from './layer';

export class Add implements JoinLayer {
  readonly type = 'Add';
  readonly params: readonly Param[] = [];
  readonly inSizes: readonly number[];
  readonly outShape: readonly number[];
  readonly outSize: number;
  private out: Float64Array = EMPTY;
  private readonly grads: Float64Array[];

  constructor(
    readonly nodeId: NodeId,
    readonly inShapes: readonly (readonly number[])[],
  ) {
    this.outShape = inShapes[0];
    this.outSize = sizeOf(inShapes[0]);
    this.inSizes = inShapes.map(() => this.outSize);
    this.grads = inShapes.map(() => EMPTY);
  }

  forward(xs: readonly Float64Array[], n: number): Float64Array {
    const m = n * this.outSize;
    const y = (this.out = ensure(this.out, m));
    const a = xs[0];
    const b = xs[1];
    for (let i = 0; i < m; i++) y[i] = a[i] + b[i];
    for (let k = 2; k < xs.length; k++) {
      const x = xs[k];
      for (let i = 0; i < m; i++) y[i] += x[i];
    }
    return y;
  }

  backward(gradOut: Float64Array): readonly Float64Array[] {
    const g = this.grads;
    for (let k = 0; k < g.length; k++) g[k] = gradOut;
    return g;
  }
}
