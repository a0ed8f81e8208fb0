// Test helper: specs written as chains, so a test reads like the network it builds.
import { nodeId, type ModelSpec, type SpecNode } from '../../../core/index';

export type NodeDef = [id: string, type: string, params?: Record<string, unknown>];

export function node([id, type, params = {}]: NodeDef): SpecNode {
  return { id: nodeId(id), type, params } as unknown as SpecNode;
}

/** Nodes in order, each connected to the next. */
export function chain(...defs: NodeDef[]): ModelSpec {
  return {
    nodes: defs.map(node),
    edges: defs.slice(1).map((d, i) => ({ source: nodeId(defs[i][0]), target: nodeId(d[0]) })),
  };
}

/** Any nodes and edges, for broken graphs. */
export function graph(defs: NodeDef[], edges: [string, string][]): ModelSpec {
  return { nodes: defs.map(node), edges: edges.map(([s, t]) => ({ source: nodeId(s), target: nodeId(t) })) };
}

/** The lab's 2-32-32-1 network with a sigmoid after every Linear. */
export const LAB_XOR = chain(
  ['in', 'Input'],
  ['fc1', 'Linear', { outFeatures: 32 }],
  ['s1', 'Sigmoid'],
  ['fc2', 'Linear', { outFeatures: 32 }],
  ['s2', 'Sigmoid'],
  ['fc3', 'Linear', { outFeatures: 1 }],
  ['s3', 'Sigmoid'],
);
