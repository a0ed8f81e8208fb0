// Checks that span fields, run after the schema has passed: ids are unique, edges point at
// nodes that exist, tensors hold as many numbers as their shape says, and inline data is
// rectangular with labels that name a class. Weights of nodes that are no longer in the graph
// are dropped rather than refused: deleting a trained block must not make a project
// unsaveable, and nothing can ever use those numbers again. They run on the project as the
// file holds it, so data several runs share is checked once, where it is written.
import type { DatasetRef, StoredProject } from './types';
import type { DatasetSpec } from '../data/types';
import type { ProblemList } from './problems';
import { say } from '../messages/text';

const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Adds the problems found to `problems`; returns the project with orphaned weights dropped. */
export function crossCheckProject(p: StoredProject, problems: ProblemList): StoredProject {
  const firstIndex = new Map<string, number>();
  p.graph.nodes.forEach((node, i) => {
    const seen = firstIndex.get(node.id);
    if (seen !== undefined) problems.say(`graph.nodes[${i}].id`, say('file.cross.duplicateNode', { id: node.id, other: `graph.nodes[${seen}]` }));
    else firstIndex.set(node.id, i);
  });

  const edgeIds = new Map<string, number>();
  p.graph.edges.forEach((edge, i) => {
    const seen = edgeIds.get(edge.id);
    if (seen !== undefined) problems.say(`graph.edges[${i}].id`, say('file.cross.duplicateEdge', { id: edge.id, other: `graph.edges[${seen}]` }));
    else edgeIds.set(edge.id, i);
    for (const end of ['source', 'target'] as const) {
      if (!firstIndex.has(edge[end])) problems.say(`graph.edges[${i}].${end}`, say('file.cross.missingNode', { edge: edge.id, node: edge[end] }));
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
          problems.say(`weights[${JSON.stringify(node)}][${JSON.stringify(name)}].data`, say('file.cross.tensorSize', { shape: t.shape.join(', '), need, have: t.data.length }));
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
    if (row.length !== width) problems.say(`${at}.features[${i}]`, say('file.cross.rowWidth', { have: row.length, width }));
  });
  if (d.labels.length !== d.features.length) {
    problems.say(`${at}.labels`, say('file.cross.labelCount', { labels: d.labels.length, rows: d.features.length }));
  }
  d.labels.forEach((label, i) => {
    if (label >= d.classNames.length) problems.say(`${at}.labels[${i}]`, say('file.cross.labelClass', { label, classes: d.classNames.length }));
  });
}
