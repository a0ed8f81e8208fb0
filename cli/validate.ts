// `bpnn validate`: everything that would stop the project from training, each with where it
// is: file problems with their JSON path, graph and loss problems with their node.
import { checkLossFit, compileModel, groupDigits, makeDataset, projectToSpec, parseProject, validateSettings, MAX_PROJECT_BYTES, type Project, type TrainProblem } from '../core/index';
import { EXIT } from './errors';
import { readTextFile } from './files';

export interface Located {
  path: string;
  message: string;
}

function nodePath(p: Project, id: string | undefined): string {
  if (id === undefined) return 'graph';
  const i = p.graph.nodes.findIndex((n) => n.id === id);
  return i < 0 ? `graph (node '${id}')` : `graph.nodes[${i}] '${id}'`;
}

/** A training problem (graph, setting or data) with the place it is about. */
export function locateProblem(p: Project, problem: TrainProblem): Located {
  switch (problem.code) {
    case 'bad-setting':
      // Settings fields are named relative to `training` (optimizer.lr); data fields carry their own prefix.
      return { path: /^(dataset|training|request)\b/.test(problem.field) ? problem.field : `training.${problem.field}`, message: problem.message };
    case 'bad-data':
      return { path: `dataset${problem.row !== undefined ? ` row ${problem.row}` : ''}${problem.column !== undefined ? ` column ${problem.column}` : ''}`, message: problem.message };
    case 'bad-weights':
      return { path: problem.nodeId !== undefined ? `weights.${problem.nodeId}` : 'weights', message: problem.message };
    default:
      return { path: nodePath(p, problem.nodeId), message: problem.message };
  }
}

/** Settings, data, graph and loss problems of a project whose file is valid. */
export function projectProblems(p: Project): Located[] {
  const settings = validateSettings(p.training).map((q) => locateProblem(p, q));
  const data = makeDataset(p.dataset);
  if (!data.ok) return [...settings, ...data.problems.map((q) => locateProblem(p, q))];
  const compiled = compileModel(projectToSpec(p), data.dataset.inputShape);
  if (!compiled.ok) return [...settings, ...compiled.problems.map((q) => locateProblem(p, q))];
  return [...settings, ...checkLossFit(compiled.model, p.training.loss, data.dataset.numClasses).map((q) => locateProblem(p, q))];
}

export function validateCommand(path: string): number {
  const parsed = parseProject(readTextFile(path, 'project', MAX_PROJECT_BYTES).replace(/^\uFEFF/, ''));
  const out = (s: string): boolean => process.stdout.write(`${s}\n`);
  if (!parsed.ok) {
    for (const q of parsed.problems) out(`${q.path}: ${q.message}`);
    if (parsed.more > 0) out(`…and ${groupDigits(parsed.more)} more`);
    return EXIT.badInput;
  }
  const problems = projectProblems(parsed.project);
  for (const q of problems) out(`${q.path}: ${q.message}`);
  if (problems.length > 0) return EXIT.badInput;
  out('ok');
  return EXIT.ok;
}
