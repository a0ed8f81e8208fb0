// The element-wise activations share everything but their name, their text and their layer.
import type { NodeId } from '../graph/spec';
import type { Block } from '../layers/join';
import type { MessageKey } from '../messages/text';
import type { BlockFormat } from '../export/format';
import { defineBlock, elementwiseWhy, type ElementwiseSaid } from './define';

type PlainActivation = 'Sigmoid' | 'Tanh' | 'ReLU';

/** Its output and, in backward, its input gradient: element-wise layers write it whether or not it is needed. */
export const elementwiseValues = ({ inSize, outSize }: { inSize: number; outSize: number }, backward: boolean): number => outSize + (backward ? inSize : 0);

export function defineActivation<const T extends PlainActivation>(type: T, description: MessageKey, layer: new (id: NodeId, inShape: readonly number[]) => Block, said: ElementwiseSaid, format: BlockFormat<T>, unitScale?: (v: number) => number) {
  return defineBlock({ type, role: 'activation', description, params: [], create: (spec, inShape) => new layer(spec.nodeId, inShape), batchValues: elementwiseValues, why: elementwiseWhy(said), format, ...(unitScale && { unitScale }) });
}
