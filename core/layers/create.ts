// Builds the layer objects for a resolved model: each plain layer gets the output shape of
// its source, each join the shapes of its inputs.
import type { CompiledModel, JoinType, ResolvedLayer } from '../graph/resolved';
import { Add } from './add';
import { Concat } from './concat';
import { Conv1d } from './conv1d';
import { Flatten } from './flatten';
import { Identity, LeakyReLU, ReLU, Sigmoid, Tanh } from './activations';
import type { Block } from './join';
import type { Layer } from './layer';
import { Linear } from './linear';
import { Softmax } from './softmax';

/** A resolved layer with one input (every kind but the joins). */
export type PlainResolvedLayer = Exclude<ResolvedLayer, { type: JoinType }>;

export function createLayer(spec: PlainResolvedLayer, inShape: readonly number[]): Layer {
  switch (spec.type) {
    case 'Linear':
      return new Linear(spec.nodeId, spec.inFeatures, spec.outFeatures, spec.bias);
    case 'Conv1d':
      return new Conv1d(spec.nodeId, spec);
    case 'Flatten':
      return new Flatten(spec.nodeId, inShape);
    case 'Sigmoid':
      return new Sigmoid(spec.nodeId, inShape);
    case 'Tanh':
      return new Tanh(spec.nodeId, inShape);
    case 'ReLU':
      return new ReLU(spec.nodeId, inShape);
    case 'LeakyReLU':
      return new LeakyReLU(spec.nodeId, inShape, spec.negativeSlope);
    case 'Identity':
      return new Identity(spec.nodeId, inShape);
    case 'Softmax':
      return new Softmax(spec.nodeId, inShape);
  }
}

export function createBlock(spec: ResolvedLayer, inShape: readonly number[]): Block {
  if (spec.type === 'Add') return new Add(spec.nodeId, spec.inShapes);
  if (spec.type === 'Concat') return new Concat(spec.nodeId, spec.inShapes);
  return createLayer(spec, inShape);
}

/** Every block of the model, in its running order; a plain layer's input shape is its source's output shape. */
export function createBlocks(model: Pick<CompiledModel, 'inputId' | 'inputShape' | 'layers' | 'sources'>): Block[] {
  const shapes = new Map<string, readonly number[]>([[model.inputId, model.inputShape]]);
  return model.layers.map((spec, i) => {
    const block = createBlock(spec, shapes.get(model.sources[i][0]) ?? model.inputShape);
    shapes.set(spec.nodeId, block.outShape);
    return block;
  });
}
