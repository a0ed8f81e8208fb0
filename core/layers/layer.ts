// What every layer offers the network. A layer writes into buffers it owns, sized for the
// largest batch it has seen, so the training loop allocates nothing per batch.
import type { NodeId } from '../graph/spec';
import type { ResolvedLayer } from '../graph/resolved';

/** A trainable tensor with its gradient, the same for every layer so optimizers, clipping and files iterate them. */
export interface Param {
  readonly name: 'weight' | 'bias';
  readonly value: Float64Array;
  readonly grad: Float64Array;
  readonly shape: readonly number[];
}

export interface Layer {
  readonly nodeId: NodeId;
  readonly type: ResolvedLayer['type'];
  /** Per-sample shapes (no batch axis). */
  readonly inShape: readonly number[];
  readonly outShape: readonly number[];
  readonly inSize: number;
  readonly outSize: number;
  readonly params: readonly Param[];
  /**
   * Output for the first n samples of x ([n, ...inShape] row-major). Returns the layer's own
   * buffer (or x itself for pass-through layers); its first n·outSize values are valid until
   * the next forward. x must stay unchanged until backward, which reads it.
   */
  forward(x: Float64Array, n: number): Float64Array;
  /**
   * Given dL/dy for the batch of the last forward, sets every param's grad (not accumulated)
   * and returns dL/dx. When needInputGrad is false (the first layer) dL/dx is skipped.
   */
  backward(gradOut: Float64Array, n: number, needInputGrad: boolean): Float64Array;
}

/** Grow-only buffer: reallocates only when a larger batch arrives. */
export function ensure(buf: Float64Array, size: number): Float64Array {
  return buf.length >= size ? buf : new Float64Array(size);
}
