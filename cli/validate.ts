// `bpnn validate`: everything that would stop the project from training, each with where it
// is: file problems with their JSON path, graph and loss problems with their node.
import { buildNetwork, checkLossFit, checkMemory, createRng, compileModel, estimateTrainingMemory, groupDigits, makeDataset, projectToSpec, parseProject, validateSettings, MAX_PROJECT_BYTES, type MemoryBudget, type MemoryCheck, type Project, type TrainProblem } from '../core/index';
import { EXIT } from './errors';
import { readTextFile } from './files';
import { cliMemoryBudget } from './options';
import { cliSay, cliSpoken, cliText } from './text';

export interface Located {
  path: string;
  message: string;
}

function nodePath(p: Project, id: string | undefined): string {
  if (id === undefined) return 'graph';
  const index = p.graph.nodes.findIndex((n) => n.id === id);
  return index < 0 ? cliText('where.missingNode', { id }) : cliText('where.node', { index, id });
}

/** A training problem (graph, setting or data) with the place it is about, said in the terminal's language. */
export function locateProblem(p: Project, problem: TrainProblem): Located {
  const message = cliSpoken(problem);
  switch (problem.code) {
    case 'bad-setting':
      // Settings fields are named relative to `training` (optimizer.lr); data fields carry their own prefix.
      return { path: /^(dataset|training|request)\b/.test(problem.field) ? problem.field : `training.${problem.field}`, message };
    case 'bad-data':
      return {
        path: `dataset${problem.row !== undefined ? cliText('where.row', { row: problem.row }) : ''}${problem.column !== undefined ? cliText('where.column', { column: problem.column }) : ''}`,
        message,
      };
    case 'bad-weights':
      return { path: problem.nodeId !== undefined ? `weights.${problem.nodeId}` : 'weights', message };
    case 'too-much-memory':
      return { path: 'memory', message };
    default:
      return { path: nodePath(p, problem.nodeId), message };
  }
}

/**
 * Settings, data, graph and loss problems of a project whose file is valid, and, once there are
 * none, the memory verdict `bpnn train` would reach (the same estimate, the same check).
 */
export function projectCheck(p: Project, budget: MemoryBudget | null): { problems: Located[]; memory: MemoryCheck | null } {
  const settingsProblems = validateSettings(p.training);
  const settings = settingsProblems.map((q) => locateProblem(p, q));
  const data = makeDataset(p.dataset);
  if (!data.ok) return { problems: [...settings, ...data.problems.map((q) => locateProblem(p, q))], memory: null };
  const compiled = compileModel(projectToSpec(p), data.dataset.inputShape);
  if (!compiled.ok) return { problems: [...settings, ...compiled.problems.map((q) => locateProblem(p, q))], memory: null };
  // Stored weights must fit the graph as it is now: the same check train and predict make when
  // they load them (the init and seed only fill a network that is thrown away).
  const built = p.weights === null ? null : buildNetwork(compiled.model, { init: 'normal', rng: createRng(0), weights: p.weights });
  const weights = built && !built.ok ? built.problems : [];
  const problems = [...settings, ...[...checkLossFit(compiled.model, p.training.loss, data.dataset.numClasses), ...weights].map((q) => locateProblem(p, q))];
  if (problems.length || budget === null || data.dataset.n < 2) return { problems, memory: null };
  const memory = checkMemory(estimateTrainingMemory(compiled.model, data.dataset, p.training), budget);
  return { problems: memory.ok ? [] : [locateProblem(p, memory.problem)], memory };
}

/** Settings, data, graph and loss problems of a project whose file is valid. */
export function projectProblems(p: Project): Located[] {
  return projectCheck(p, null).problems;
}

export function validateCommand(path: string, opts: { memoryLimit?: number | null } = {}): number {
  const parsed = parseProject(readTextFile(path, 'project', MAX_PROJECT_BYTES).replace(/^\uFEFF/, ''));
  const out = (s: string): boolean => process.stdout.write(`${s}\n`);
  if (!parsed.ok) {
    for (const q of parsed.problems) out(cliText('where.at', { path: q.path, message: cliSpoken(q) }));
    if (parsed.more > 0) out(cliText('validate.more', { number: groupDigits(parsed.more) }));
    return EXIT.badInput;
  }
  const { problems, memory } = projectCheck(parsed.project, cliMemoryBudget(opts.memoryLimit));
  for (const q of problems) out(cliText('where.at', { path: q.path, message: q.message }));
  if (problems.length > 0) return EXIT.badInput;
  if (memory) out(cliText('validate.memoryOk', { summary: cliSay(memory.summaryText) }));
  out(cliText('validate.ok'));
  return EXIT.ok;
}
