// `bpnn train`: runs a project's training through the engine's session, in slices that
// yield to the event loop (so the bar redraws and Ctrl-C stops cleanly), then writes the
// trained project and/or the weights export when asked.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  MAX_PROJECT_BYTES,
  buildRunRecord,
  createTrainingSession,
  exportWeights,
  initialWeightsMismatch,
  projectToSpec,
  readWeightsFile,
  serializeProject,
  type Project,
  type RunRecord,
  type RunResult,
  type TrainingSession,
  type TrainingSettings,
  type Weights,
} from '../core/index';
import { CliError, EXIT } from './errors';
import { checkWritable, loadProject, readTextFile, writeOutput } from './files';
import { cliMemoryBudget } from './options';
import { barReporter, jsonReporter, plainReporter, type Reporter } from './report';
import { locateProblem } from './validate';

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  out?: string;
  weights?: string;
  /** A weights JSON file to start from (docs/weights.md). */
  initWeights?: string;
  /** Write the starting weights as weights JSON here, before training. */
  exportInitialWeights?: string;
  json?: boolean;
  /** --memory-limit in bytes; null or absent = automatic. */
  memoryLimit?: number | null;
}

/** Wall time per slice of batches before yielding to the event loop. */
const SLICE_MS = 50;

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Run the session to its end, in slices sized to take about SLICE_MS each. */
async function runToEnd(session: TrainingSession, reporter: Reporter, stopRequested: () => boolean): Promise<RunResult> {
  let batches = 1;
  for (;;) {
    if (stopRequested()) return session.stop();
    const t0 = performance.now();
    const report = session.runBatches(batches);
    const dt = performance.now() - t0;
    if (report.epochs.length > 0) reporter.epochs(report.epochs, session.totalEpochs);
    if (report.finished !== null) return report.finished;
    // Grow or shrink the slice so each one lasts about SLICE_MS.
    batches = Math.max(1, Math.min(batches * 4, Math.round((batches * SLICE_MS) / Math.max(dt, 0.01))));
    await tick();
  }
}

export function runRecord(project: Project, session: TrainingSession, settings: TrainingSettings, result: RunResult, startedAt: Date): RunRecord {
  return buildRunRecord({
    id: randomUUID(),
    name: `Run ${project.runs.length + 1} (command line)`,
    createdAt: startedAt.toISOString(),
    settings,
    dataset: project.dataset,
    metrics: session.metrics(),
    result,
  });
}

/** The starting weights from --init-weights, checked against the project's network. */
function loadInitialWeights(file: string, project: Project): Weights {
  const read = readWeightsFile(readTextFile(file, 'weights file', MAX_PROJECT_BYTES));
  if (!read.ok) throw new CliError(`--init-weights ${file}: ${read.message}`, EXIT.badInput);
  const mismatch = initialWeightsMismatch({ spec: projectToSpec(project), dataset: project.dataset }, read.weights);
  if (mismatch) throw new CliError(`--init-weights ${file}: ${mismatch}; export the initial weights of this project with --export-initial-weights or the app's Export initial weights`, EXIT.badInput);
  return read.weights;
}

export async function trainCommand(path: string, opts: TrainOptions): Promise<number> {
  const project = loadProject(path);
  for (const target of [opts.out, opts.weights, opts.exportInitialWeights]) if (target !== undefined) checkWritable(target);
  const initialWeights = opts.initWeights !== undefined ? loadInitialWeights(opts.initWeights, project) : project.weights;
  const settings: TrainingSettings = {
    ...project.training,
    ...(opts.epochs !== undefined ? { epochs: opts.epochs } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  };
  const created = createTrainingSession(
    { spec: projectToSpec(project), dataset: project.dataset, settings, initialWeights },
    // Checked against the memory budget before the session allocates anything (B5).
    { now: () => performance.now(), memory: { budget: cliMemoryBudget(opts.memoryLimit) } },
  );
  if (!created.ok) {
    const first = locateProblem(project, created.problems[0]);
    const more = created.problems.length > 1 ? ` (and ${created.problems.length - 1} more; run 'bpnn validate ${path}')` : '';
    throw new CliError(`${path}: ${first.path}: ${first.message}${more}`);
  }
  const session = created.session;
  if (opts.exportInitialWeights !== undefined) {
    const exported = exportWeights({ ...project, weights: session.weights() });
    if (!exported.ok) throw new CliError(`Could not export the initial weights to '${opts.exportInitialWeights}': ${exported.message}`);
    await writeOutput(opts.exportInitialWeights, exported.text, 'export');
    if (!opts.json) process.stdout.write(`Exported the initial weights to ${opts.exportInitialWeights}\n`);
  }
  const hasTest = session.testIndices.length > 0;
  const reporter = opts.json ? jsonReporter() : process.stdout.isTTY ? barReporter(hasTest) : plainReporter(hasTest);

  let interrupted = false;
  const onSigint = (): void => {
    interrupted = true;
  };
  process.on('SIGINT', onSigint);
  const startedAt = new Date();
  reporter.start(session.totalEpochs);
  const result = await runToEnd(session, reporter, () => interrupted);
  process.off('SIGINT', onSigint);
  if (session.lastSkipped) reporter.skipped(session.skippedSteps, session.lastSkipped);
  reporter.finish(result);

  const trained: Project = {
    ...project,
    weights: session.weights(),
    runs: [...project.runs, runRecord(project, session, settings, result, startedAt)],
  };
  if (opts.out !== undefined) {
    const saved = serializeProject(trained);
    if (!saved.ok) throw new CliError(`Could not save '${opts.out}': ${saved.message}`);
    await writeOutput(opts.out, saved.text, 'project');
    if (!opts.json) process.stdout.write(`Saved the trained project to ${opts.out}\n`);
  }
  if (opts.weights !== undefined) {
    const exported = exportWeights(trained);
    if (!exported.ok) throw new CliError(`Could not export weights to '${opts.weights}': ${exported.message}`);
    await writeOutput(opts.weights, exported.text, 'export');
    if (!opts.json) process.stdout.write(`Exported the weights to ${opts.weights}\n`);
  }
  if (result.state === 'diverged') {
    const d = result.diverged;
    if (!opts.json) process.stderr.write(`bpnn: ${d ? `${d.message} ${d.advice.join(' ')}` : 'training diverged'}\n`);
    return EXIT.diverged;
  }
  return interrupted ? EXIT.interrupted : EXIT.ok;
}
