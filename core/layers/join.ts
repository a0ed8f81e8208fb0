// What a join (a kind whose role is 'join') offers the network: like a Layer, but it reads
// two or more inputs and hands a gradient back to each. Joins own no params.
import type { NodeId } from '../graph/spec';
import { isJoinType, type JoinType } from '../blocks/index';
import type { Layer, Param } from './layer';

export interface JoinLayer {
  readonly nodeId: NodeId;
  readonly type: JoinType;
  /** Per-sample shapes of the inputs, in edge order, and of the output. */
  readonly inShapes: readonly (readonly number[])[];
  readonly inSizes: readonly number[];
  readonly outShape: readonly number[];
  readonly outSize: number;
  readonly params: readonly Param[];
  /** Output for the first n samples of each input; the layer's own buffer, valid until the next forward. */
  forward(xs: readonly Float64Array[], n: number): Float64Array;
  /**
   * dL/d(input) for each input, given dL/dy: buffers the layer owns, or gradOut itself where
   * the derivative is 1 for every input. Valid until the next backward.
   */
  backward(gradOut: Float64Array, n: number): readonly Float64Array[];
}

/** Any block of a network: a layer with one input, or a join. */
export type Block = Layer | JoinLayer;

export const isJoin = (b: Block): b is JoinLayer => isJoinType(b.type);
