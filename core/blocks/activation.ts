// The element-wise activations without params share everything but their kind, their text and their layer.
import type { NodeId } from '../graph/spec';
import type { Block } from '../layers/join';
import type { BlockFormat } from '../export/format';
import { defineBlock, elementwiseWhy, type ElementwiseSaid } from './define';
import type { ActivationType } from './derived';
import type { Kind } from './kind';

/** Its output and, in backward, its input gradient: element-wise layers write it whether or not it is needed. */
export const elementwiseValues = ({ inSize, outSize }: { inSize: number; outSize: number }, backward: boolean): number => outSize + (backward ? inSize : 0);

export function defineActivation<const T extends ActivationType>(kind: Kind<T, readonly [], 'activation', object>, layer: new (id: NodeId, inShape: readonly number[]) => Block, said: ElementwiseSaid, format: BlockFormat<T>, unitScale?: (v: number) => number) {
  return defineBlock(kind, { create: (spec, inShape) => new layer(spec.nodeId, inShape), batchValues: elementwiseValues, why: elementwiseWhy(said), format, ...(unitScale && { unitScale }) });
}
