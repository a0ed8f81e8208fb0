// What the engine needs from a project's graph: ids, types, params and wiring, without the
// canvas positions and edge ids that only the editor cares about.
import type { ModelSpec } from '../graph/spec';
import type { Project } from './types';

export function projectToSpec(p: Project): ModelSpec {
  return {
    nodes: p.graph.nodes.map((n) => ({ id: n.id, type: n.type, params: { ...n.params } })),
    edges: p.graph.edges.map((e) => ({ source: e.source, target: e.target })),
  };
}
