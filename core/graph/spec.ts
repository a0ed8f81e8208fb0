// The model spec: what the canvas compiles to and what the engine builds a network from.
// Plain JSON only (no callbacks, no class instances) so it saves, loads and undoes trivially.
import type { NodeParamsByType, NodeType } from '../blocks/index';
import type { Text } from '../messages/text';

export type NodeId = string & { readonly __brand: 'NodeId' };
export const nodeId = (s: string): NodeId => s as NodeId;

/** Shapes exclude the batch axis: [features] for dense data, [channels, length] for 1-D signals. */
export type Shape = readonly number[] & { readonly __brand?: 'Shape' };

/** The block kinds and their params are derived from their definitions (core/blocks/kinds.ts lists them). */
export { NODE_TYPES, type NodeType, type NodeParamsByType } from '../blocks/index';

export interface SpecNode<T extends NodeType = NodeType> {
  id: NodeId;
  type: T;
  params: T extends NodeType ? Partial<NodeParamsByType[T]> & Record<string, number | boolean> : never;
}

/** Edges are an ordered list: the order of a Concat's incoming edges is the order it joins them in. */
export interface SpecEdge {
  source: NodeId;
  target: NodeId;
}

export interface ModelSpec {
  nodes: SpecNode[];
  edges: SpecEdge[];
}

/** A problem in the graph, as a value: which node (or edge), and what to do about it. */
export interface GraphProblem {
  code:
    | 'no-input'
    | 'many-inputs'
    | 'cycle'
    | 'disconnected'
    | 'branch'
    | 'join-inputs'
    | 'join-shapes'
    | 'many-outputs'
    | 'dangling-edge'
    | 'duplicate-id'
    | 'unknown-type'
    | 'bad-param'
    | 'needs-flatten'
    | 'needs-signal'
    | 'kernel-too-long'
    | 'empty-output'
    | 'loss-mismatch'
    | 'labels-mismatch'
    | 'no-layers';
  /** The node the problem is on, when there is one (the UI outlines it). */
  nodeId?: NodeId;
  /** Other nodes involved (both ends of a cycle, the other branch). */
  relatedNodeIds?: NodeId[];
  message: string;
  /** The same sentence for the catalogs (messages/said.ts). */
  text?: Text;
}

export interface NodeShapeInfo {
  nodeId: NodeId;
  inputShape: number[] | null;
  outputShape: number[] | null;
  paramCount: number;
}
