// Checks that span fields, run after the schema has passed: ids are unique, edges point at
// nodes that exist, tensors hold as many numbers as their shape says, and inline data is
// rectangular with labels that name a class. Weights of nodes that are no longer in the graph
// are dropped rather than refused: deleting a trained block must not make a project
// unsaveable, and nothing can ever use those numbers again. They run on the project as the
// file holds it, so data several runs share is checked once, where it is written.
import type { DatasetRef, StoredProject } from './types';
import type { DatasetSpec } from '../data/types';
import type { ProblemList } from './problems';

const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Adds the problems found to `problems`; returns the project with orphaned weights dropped. */
export function crossCheckProject(p: StoredProject, problems: ProblemList): StoredProject {
  const firstIndex = new Map<string, number>();
  p.graph.nodes.forEach((node, i) => {
    const seen = firstIndex.get(node.id);
    if (seen !== undefined) problems.add(`graph.nodes[${i}].id`, `Duplicate node id '${node.id}' (graph.nodes[${seen}] has it too); give every node its own id`);
    else firstIndex.set(node.id, i);
  });

  const edgeIds = new Map<string, number>();
  p.graph.edges.forEach((edge, i) => {
    const seen = edgeIds.get(edge.id);
    if (seen !== undefined) problems.add(`graph.edges[${i}].id`, `Duplicate edge id '${edge.id}' (graph.edges[${seen}] has it too)`);
    else edgeIds.set(edge.id, i);
    for (const end of ['source', 'target'] as const) {
      if (!firstIndex.has(edge[end])) problems.add(`graph.edges[${i}].${end}`, `Edge '${edge.id}' points at node '${edge[end]}', which does not exist`);
    }
  });

  let weights = p.weights;
  if (weights !== null) {
    const kept: NonNullable<StoredProject['weights']> = {};
    for (const [node, tensors] of Object.entries(weights)) {
      if (!firstIndex.has(node)) continue;
      kept[node] = tensors;
      for (const [name, t] of Object.entries(tensors)) {
        const need = product(t.shape);
        if (need !== t.data.length) {
          problems.add(`weights[${JSON.stringify(node)}][${JSON.stringify(name)}].data`, `Shape [${t.shape.join(', ')}] needs ${need} numbers but data has ${t.data.length}`);
        }
      }
    }
    weights = kept;
  }

  checkInlineDataset(p.dataset, 'dataset', problems);
  p.runs.forEach((run, i) => checkInlineDataset(run.dataset, `runs[${i}].dataset`, problems));
  return weights === p.weights ? p : { ...p, weights };
}

function checkInlineDataset(d: DatasetSpec | DatasetRef, at: string, problems: ProblemList): void {
  if (d.kind !== 'inline') return;
  const width = d.inputShape !== undefined ? product(d.inputShape) : d.featureNames.length;
  d.features.forEach((row, i) => {
    if (row.length !== width) problems.add(`${at}.features[${i}]`, `Row has ${row.length} numbers but every row needs ${width}`);
  });
  if (d.labels.length !== d.features.length) {
    problems.add(`${at}.labels`, `There are ${d.labels.length} labels for ${d.features.length} rows; give one label per row`);
  }
  d.labels.forEach((label, i) => {
    if (label >= d.classNames.length) problems.add(`${at}.labels[${i}]`, `Label ${label} has no class name (classNames has ${d.classNames.length})`);
  });
}
