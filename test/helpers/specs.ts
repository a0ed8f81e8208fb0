// Model specs for tests: chains of nodes wired in order.
import { nodeId, type ModelSpec, type NodeType, type SpecNode } from '../../core/graph/spec';

export type ChainLink = [NodeType, Record<string, number | boolean>?];

/** Input → links[0] → links[1] → …, node ids 'in', 'n1', 'n2', … */
export function chainSpec(links: ChainLink[]): ModelSpec {
  const nodes = [
    { id: nodeId('in'), type: 'Input', params: {} },
    ...links.map(([type, params], i) => ({ id: nodeId(`n${i + 1}`), type, params: params ?? {} })),
  ] as SpecNode[];
  const edges = nodes.slice(1).map((n, i) => ({ source: nodes[i].id, target: n.id }));
  return { nodes, edges };
}

/** The lab's network: 2-32-32-1 with a Sigmoid after every Linear. */
export function labSpec(hidden = 32): ModelSpec {
  return chainSpec([
    ['Linear', { outFeatures: hidden }],
    ['Sigmoid'],
    ['Linear', { outFeatures: hidden }],
    ['Sigmoid'],
    ['Linear', { outFeatures: 1 }],
    ['Sigmoid'],
  ]);
}
