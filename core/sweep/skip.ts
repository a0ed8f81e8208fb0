// "Skip vs no skip": the same network without its skip connections. A skip is an Add one of
// whose inputs is an ancestor of the others (tanh1 feeds both fc2 and the Add that fc2's
// path ends in); the plain network drops that Add and wires its main input (the deepest, the
// end of the path the skip jumps over) straight on. Add keeps its input's shape, so the
// plain network still compiles, and every layer with weights keeps its shapes: a run with
// and one without the skip start from the same weights.
import type { ModelSpec, NodeId, SpecEdge } from '../graph/spec';

function ancestorsOf(edges: readonly SpecEdge[], id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const at = stack.pop() as string;
    for (const e of edges) {
      if (e.target === at && !seen.has(e.source)) {
        seen.add(e.source);
        stack.push(e.source);
      }
    }
  }
  return seen;
}

/** The Add's input the skip jumps to, or null when the Add joins parallel branches (no skip). */
function mainInput(edges: readonly SpecEdge[], add: string): NodeId | null {
  const inputs = edges.filter((e) => e.target === add).map((e) => e.source);
  // An input that is an ancestor of another one is a skip; the one that is none is the path's end.
  const below = new Set(inputs.flatMap((i) => [...ancestorsOf(edges, i)]));
  const deepest = inputs.filter((i) => !below.has(i));
  return inputs.length >= 2 && deepest.length === 1 ? deepest[0] : null;
}

/** The Add nodes that close a skip connection, in spec order. */
export function skipAddIds(spec: ModelSpec): NodeId[] {
  return spec.nodes.filter((n) => n.type === 'Add' && mainInput(spec.edges, n.id) !== null).map((n) => n.id);
}

/** The spec with those Adds removed and each one's main input wired to what the Add fed. */
export function withoutSkips(spec: ModelSpec, addIds: readonly string[]): ModelSpec {
  let edges = spec.edges;
  for (const add of addIds) {
    const main = mainInput(edges, add);
    if (main === null) continue;
    // Edges keep their places (a Concat joins in edge order): the Add's outgoing ones are re-sourced.
    edges = edges.filter((e) => e.target !== add).map((e) => (e.source === add ? { ...e, source: main } : e));
  }
  const dropped = new Set<string>(addIds);
  return { nodes: spec.nodes.filter((n) => !dropped.has(n.id)), edges };
}
