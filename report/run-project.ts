// The project as one run of it saw it, for the figures drawn from that run's weights: a
// structural sweep's run must be drawn (and its boundary predicted) with its own network.
import { projectToSpec, rerunRequest, type Project, type RunRecord, type Weights } from '../core/index';

/** The project as one run of it saw it: its settings, data and (for a structural sweep) network. */
export function runProject(project: Project, run: RunRecord, weights: Weights | null): Project {
  const again = rerunRequest({ spec: projectToSpec(project), dataset: run.dataset, settings: run.settings }, run.sweep);
  let graph = project.graph;
  if (again.ok) {
    const byId = new Map(again.request.spec.nodes.map((n) => [n.id as string, n]));
    const nodes = project.graph.nodes.filter((n) => byId.has(n.id));
    // A skip sweep's plain run drops nodes and rewires their edges: draw the network it trained.
    const edges = nodes.length === project.graph.nodes.length
      ? project.graph.edges
      : again.request.spec.edges.map((e) => ({ id: `${e.source}-${e.target}`, source: e.source, target: e.target }));
    graph = { nodes: nodes.map((n) => ({ ...n, type: byId.get(n.id)?.type ?? n.type, params: { ...(byId.get(n.id)?.params ?? n.params) } })), edges };
  }
  return { ...project, graph, dataset: run.dataset, training: run.settings, weights };
}
