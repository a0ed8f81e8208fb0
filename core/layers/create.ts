// Builds the layer objects for a resolved chain, threading each layer's output shape into the next.
import type { ResolvedLayer } from '../graph/resolved';
import { Conv1d } from './conv1d';
import { Flatten } from './flatten';
import { Identity, LeakyReLU, ReLU, Sigmoid, Tanh } from './activations';
import type { Layer } from './layer';
import { Linear } from './linear';
import { Softmax } from './softmax';

export function createLayer(spec: ResolvedLayer, inShape: readonly number[]): Layer {
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

export function createLayers(layers: readonly ResolvedLayer[], inputShape: readonly number[]): Layer[] {
  const out: Layer[] = [];
  let shape = inputShape;
  for (const spec of layers) {
    const layer = createLayer(spec, shape);
    out.push(layer);
    shape = layer.outShape;
  }
  return out;
}
