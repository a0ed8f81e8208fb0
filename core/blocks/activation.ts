// The element-wise activations share everything but their name, their text and their layer.
import type { NodeId } from '../graph/spec';
import type { Block } from '../layers/join';
import { defineBlock, type ElementwiseWhy } from './define';

type PlainActivation = 'Sigmoid' | 'Tanh' | 'ReLU' | 'Identity';

export function defineActivation<const T extends PlainActivation>(type: T, description: string, layer: new (id: NodeId, inShape: readonly number[]) => Block, why: ElementwiseWhy) {
  return defineBlock({ type, role: 'activation', description, params: [], create: (spec, inShape) => new layer(spec.nodeId, inShape), why });
}
