// Concat: two or more inputs side by side along the feature axis. Per sample, row-major, an
// input of [F] or [C, L] is one contiguous run of values, and the output is those runs one
// after another, so [N, F] joins on the last axis and [N, C, L] on the channels (equal L).
// Backward cuts the output gradient back into the same runs.
import type { NodeId } from '../graph/spec';
import { EMPTY, sizeOf } from '../tensor';
import type { JoinLayer } from './join';
import { ensure, type Param } from './layer';

export class Concat implements JoinLayer {
  readonly type = 'Concat';
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
    this.inSizes = inShapes.map(sizeOf);
    const lead = inShapes.reduce((a, s) => a + s[0], 0);
    this.outShape = inShapes[0].length === 1 ? [lead] : [lead, inShapes[0][1]];
    this.outSize = sizeOf(this.outShape);
    this.grads = inShapes.map(() => EMPTY);
  }

  forward(xs: readonly Float64Array[], n: number): Float64Array {
    const w = this.outSize;
    const y = (this.out = ensure(this.out, n * w));
    let offset = 0;
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k];
      const size = this.inSizes[k];
      for (let s = 0; s < n; s++) {
        const src = s * size;
        const dst = s * w + offset;
        for (let j = 0; j < size; j++) y[dst + j] = x[src + j];
      }
      offset += size;
    }
    return y;
  }

  backward(gradOut: Float64Array, n: number): readonly Float64Array[] {
    const w = this.outSize;
    let offset = 0;
    for (let k = 0; k < this.grads.length; k++) {
      const size = this.inSizes[k];
      const gx = (this.grads[k] = ensure(this.grads[k], n * size));
      for (let s = 0; s < n; s++) {
        const src = s * w + offset;
        const dst = s * size;
        for (let j = 0; j < size; j++) gx[dst + j] = gradOut[src + j];
      }
      offset += size;
    }
    return this.grads;
  }
}
