// A validated graph resolved into the layers the engine builds, in an order it can run them
// (topological, computed once here), with every size filled in from upstream and each
// layer's sources. Produced by compileModel (graph/validate.ts), consumed by buildNetwork.
// The reference vectors' layer params map one-to-one onto these.
import type { GraphProblem, NodeId, NodeShapeInfo } from './spec';
import type { InferredOf, JoinType, LayerType, ParamValuesOf } from '../blocks/derived';

type Tidy<O> = { [K in keyof O]: O[K] };

/**
 * One kind's layer, derived from its definition: its params with every value set, the sizes it
 * infers from upstream (its `inferred`), and for a join the per-sample shapes of its inputs, in
 * the order of their edges in the spec.
 */
type LayerOf<T extends LayerType> = Tidy<{ nodeId: NodeId; type: T } & ParamValuesOf<T> & InferredOf<T> & (T extends JoinType ? { inShapes: number[][] } : unknown)>;

export type ResolvedLayer = { [T in LayerType]: LayerOf<T> }[LayerType];

export interface CompiledModel {
  /** Per-sample input shape: [features] or [channels, length]. */
  inputShape: number[];
  /** The Input node's id. */
  inputId: NodeId;
  /**
   * Layers in execution order (the Input node excluded): a topological order, so every
   * layer comes after its sources, and the output node is last. A chain keeps its order.
   */
  layers: ResolvedLayer[];
  /**
   * Each layer's sources, index for index with `layers`: one id for a plain layer, two or
   * more for a join (in edge order). The Input node's id stands for the data.
   */
  sources: NodeId[][];
  /** Per-sample output shape of the last layer. */
  outputShape: number[];
  /** Shape and parameter count for every node of the spec, in spec order. */
  shapes: NodeShapeInfo[];
  paramCount: number;
}

/** True when every layer reads the one before it (the Input for the first): the chain fast path. */
export function isChain(model: Pick<CompiledModel, 'inputId' | 'layers' | 'sources'>): boolean {
  return model.layers.every((l, i) => {
    const s = model.sources[i];
    return s.length === 1 && s[0] === (i === 0 ? model.inputId : model.layers[i - 1].nodeId);
  });
}

/** The sources of a chain: each layer reads the one before it, the first reads the Input. */
export function chainSources(inputId: NodeId, layers: readonly { nodeId: NodeId }[]): NodeId[][] {
  return layers.map((_, i) => [i === 0 ? inputId : layers[i - 1].nodeId]);
}

export type CompileResult =
  | { ok: true; model: CompiledModel }
  /** shapes holds whatever could still be inferred, so the canvas can show it next to the errors. */
  | { ok: false; problems: GraphProblem[]; shapes: NodeShapeInfo[] };
