// Flatten: [N, C, L] → [N, C·L]. Row-major data is already in that order, so both passes
// hand the buffer through untouched.
import type { NodeId } from '../graph/spec';
import { sizeOf } from '../tensor';
import type { Layer, Param } from './layer';

export class Flatten implements Layer {
  readonly type = 'Flatten';
  readonly params: readonly Param[] = [];
  readonly inSize: number;
  readonly outSize: number;
  readonly outShape: readonly number[];

  constructor(
    readonly nodeId: NodeId,
    readonly inShape: readonly number[],
  ) {
    this.inSize = sizeOf(inShape);
    this.outSize = this.inSize;
    this.outShape = [this.inSize];
  }

  forward(x: Float64Array): Float64Array {
    return x;
  }

  backward(gradOut: Float64Array): Float64Array {
    return gradOut;
  }
}
