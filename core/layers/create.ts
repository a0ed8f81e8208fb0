// Builds the layer objects for a resolved model: each plain layer gets the output shape of
// its source, each join the shapes of its inputs.
import type { CompiledModel, ResolvedLayer } from '../graph/resolved';
import { blockOf, type JoinType } from '../blocks/index';
import type { Block } from './join';
import type { Layer } from './layer';

/** A resolved layer with one input (every kind but the joins). */
export type PlainResolvedLayer = Exclude<ResolvedLayer, { type: JoinType }>;

export function createBlock(spec: ResolvedLayer, inShape: readonly number[]): Block {
  const create = blockOf(spec.type).create as ((spec: ResolvedLayer, inShape: readonly number[]) => Block) | null;
  // compileModel never resolves an Input into a layer, so a kind without a factory cannot get here.
  if (create === null) throw new Error(`${spec.type} '${spec.nodeId}' is not a layer`);
  return create(spec, inShape);
}

/** A plain layer (one input): what createBlock gives for every kind but the joins. */
export function createLayer(spec: PlainResolvedLayer, inShape: readonly number[]): Layer {
  return createBlock(spec, inShape) as Layer;
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
