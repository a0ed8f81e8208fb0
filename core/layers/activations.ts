// Element-wise activations. Each caches what its derivative needs: Sigmoid and Tanh their
// output, ReLU and LeakyReLU their input.
import type { NodeId } from '../graph/spec';
import { exp } from '../exp';
import { EMPTY, sizeOf } from '../tensor';
import { ensure, type Layer, type Param } from './layer';

abstract class Elementwise implements Layer {
  abstract readonly type: 'Sigmoid' | 'Tanh' | 'ReLU' | 'LeakyReLU' | 'Identity';
  readonly params: readonly Param[] = [];
  readonly inSize: number;
  readonly outSize: number;
  readonly outShape: readonly number[];
  protected out: Float64Array = EMPTY;
  protected gradIn: Float64Array = EMPTY;
  protected x: Float64Array = EMPTY;

  constructor(
    readonly nodeId: NodeId,
    readonly inShape: readonly number[],
  ) {
    this.inSize = sizeOf(inShape);
    this.outSize = this.inSize;
    this.outShape = inShape;
  }

  abstract forward(x: Float64Array, n: number): Float64Array;
  abstract backward(gradOut: Float64Array, n: number, needInputGrad: boolean): Float64Array;
}

export class Sigmoid extends Elementwise {
  readonly type = 'Sigmoid';

  forward(x: Float64Array, n: number): Float64Array {
    const m = n * this.inSize;
    const y = (this.out = ensure(this.out, m));
    this.x = x;
    // exp(−x) overflows to Infinity for x < −709, and 1/(1+Infinity) is exactly 0: no NaN.
    // Four per iteration: the loop's own checks are a good part of the cost of one (measured:
    // four beat two by 15%, eight spill registers and lose).
    let i = 0;
    for (; i + 3 < m; i += 4) {
      const e0 = exp(-x[i]);
      const e1 = exp(-x[i + 1]);
      const e2 = exp(-x[i + 2]);
      const e3 = exp(-x[i + 3]);
      y[i] = 1 / (1 + e0);
      y[i + 1] = 1 / (1 + e1);
      y[i + 2] = 1 / (1 + e2);
      y[i + 3] = 1 / (1 + e3);
    }
    for (; i < m; i++) y[i] = 1 / (1 + exp(-x[i]));
    return y;
  }

  backward(g: Float64Array, n: number): Float64Array {
    const m = n * this.inSize;
    const y = this.out;
    const gx = (this.gradIn = ensure(this.gradIn, m));
    for (let i = 0; i < m; i++) {
      const yi = y[i];
      gx[i] = g[i] * yi * (1 - yi);
    }
    return gx;
  }

  /** The input of the last forward: the logits a fused sigmoid + BCE loss works from. */
  logits(): Float64Array {
    return this.x;
  }
}

export class Tanh extends Elementwise {
  readonly type = 'Tanh';

  forward(x: Float64Array, n: number): Float64Array {
    const m = n * this.inSize;
    const y = (this.out = ensure(this.out, m));
    for (let i = 0; i < m; i++) y[i] = Math.tanh(x[i]);
    return y;
  }

  backward(g: Float64Array, n: number): Float64Array {
    const m = n * this.inSize;
    const y = this.out;
    const gx = (this.gradIn = ensure(this.gradIn, m));
    for (let i = 0; i < m; i++) {
      const yi = y[i];
      gx[i] = g[i] * (1 - yi * yi);
    }
    return gx;
  }
}

export class ReLU extends Elementwise {
  readonly type = 'ReLU';

  forward(x: Float64Array, n: number): Float64Array {
    const m = n * this.inSize;
    const y = (this.out = ensure(this.out, m));
    this.x = x;
    for (let i = 0; i < m; i++) {
      const v = x[i];
      y[i] = v > 0 ? v : 0;
    }
    return y;
  }

  backward(g: Float64Array, n: number): Float64Array {
    const m = n * this.inSize;
    const x = this.x;
    const gx = (this.gradIn = ensure(this.gradIn, m));
    // The gradient at exactly 0 is 0, as in PyTorch and the reference.
    for (let i = 0; i < m; i++) gx[i] = x[i] > 0 ? g[i] : 0;
    return gx;
  }
}

export class LeakyReLU extends Elementwise {
  readonly type = 'LeakyReLU';

  constructor(
    nodeId: NodeId,
    inShape: readonly number[],
    readonly negativeSlope: number,
  ) {
    super(nodeId, inShape);
  }

  forward(x: Float64Array, n: number): Float64Array {
    const m = n * this.inSize;
    const a = this.negativeSlope;
    const y = (this.out = ensure(this.out, m));
    this.x = x;
    for (let i = 0; i < m; i++) {
      const v = x[i];
      y[i] = v > 0 ? v : a * v;
    }
    return y;
  }

  backward(g: Float64Array, n: number): Float64Array {
    const m = n * this.inSize;
    const a = this.negativeSlope;
    const x = this.x;
    const gx = (this.gradIn = ensure(this.gradIn, m));
    for (let i = 0; i < m; i++) gx[i] = x[i] > 0 ? g[i] : a * g[i];
    return gx;
  }
}

export class Identity extends Elementwise {
  readonly type = 'Identity';

  forward(x: Float64Array): Float64Array {
    return x;
  }

  backward(g: Float64Array): Float64Array {
    return g;
  }
}
