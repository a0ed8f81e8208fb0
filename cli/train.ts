// `bpnn train`: runs a project's training through the runtime's worker body in this process
// (in-process.ts), which yields to the event loop between slices (so the bar redraws and Ctrl-C
// stops cleanly), then writes the trained project and/or the weights export when asked.
import { randomUUID } from 'node:crypto';
import {
  MAX_PROJECT_BYTES,
  buildRunRecord,
  exportWeights,
  initialWeightsMismatchSaid,
  projectToSpec,
  readWeightsFile,
  serializeProject,
  type Project,
  type RunRecord,
  type RunResult,
  type SkippedStep,
  type TrainingSession,
  type TrainingSettings,
  type Weights,
} from '../core/index';
import { CliError, EXIT } from './errors';
import { cliSay, cliSpoken, cliText } from './text';
import { startInProcess } from './in-process';
import { checkWritable, loadProject, readTextFile, writeOutput } from './files';
import { cliMemoryBudget } from './options';
import { barReporter, jsonReporter, plainReporter } from './report';
import { locateProblem } from './validate';
import { cliLanguage } from './language';

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

export function runRecord(project: Project, session: TrainingSession, settings: TrainingSettings, result: RunResult, startedAt: Date): RunRecord {
  return buildRunRecord({
    id: randomUUID(),
    name: cliText('train.runName', { number: project.runs.length + 1 }),
    createdAt: startedAt.toISOString(),
    settings,
    dataset: project.dataset,
    metrics: session.metrics(),
    result,
  });
}

/** The starting weights from --init-weights, checked against the project's network. */
function loadInitialWeights(file: string, project: Project): Weights {
  const read = readWeightsFile(readTextFile(file, 'weights', MAX_PROJECT_BYTES));
  if (!read.ok) throw new CliError(cliText('train.initWeights', { file, message: cliSpoken(read) }), EXIT.badInput);
  const mismatch = initialWeightsMismatchSaid({ spec: projectToSpec(project), dataset: project.dataset }, read.weights);
  if (mismatch) throw new CliError(cliText('train.initMismatch', { file, message: cliSay(mismatch) }), EXIT.badInput);
  return read.weights;
}

/** The divergence and the advice after it, each in the terminal's language. */
function divergedLine(d: NonNullable<RunResult['diverged']>): string {
  const advice = d.adviceText ? d.adviceText.map((a) => cliSay(a)) : d.advice;
  // Chinese sentences end in 。 and need no space between them.
  return [cliSpoken(d), ...advice].join(cliLanguage() === 'en' ? ' ' : '');
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
  // Checked against the memory budget before the session allocates anything (B5).
  const created = startInProcess({ spec: projectToSpec(project), dataset: project.dataset, settings, initialWeights }, cliMemoryBudget(opts.memoryLimit));
  if (!created.ok) {
    if (created.problems.length === 0) throw new CliError(cliText('train.couldNotStart', { path }), EXIT.internal);
    const first = locateProblem(project, created.problems[0]);
    const more = created.problems.length > 1 ? cliText('common.moreValidate', { count: created.problems.length - 1, path }) : '';
    throw new CliError(cliText('common.problemAt', { path, where: first.path, message: first.message, more }));
  }
  const run = created.run;
  const session = run.session;
  if (opts.exportInitialWeights !== undefined) {
    const exported = exportWeights({ ...project, weights: session.weights() });
    if (!exported.ok) throw new CliError(cliText('train.initialExportFailed', { file: opts.exportInitialWeights, message: cliSay(exported.text ?? exported.message) }));
    await writeOutput(opts.exportInitialWeights, exported.text, 'export');
    if (!opts.json) process.stdout.write(`${cliText('train.initialExported', { file: opts.exportInitialWeights })}\n`);
  }
  const hasTest = session.testIndices.length > 0;
  const reporter = opts.json ? jsonReporter() : process.stdout.isTTY ? barReporter(hasTest) : plainReporter(hasTest);

  let interrupted = false;
  const onSigint = (): void => {
    interrupted = true;
    run.stop();
  };
  process.on('SIGINT', onSigint);
  const startedAt = new Date();
  reporter.start(session.totalEpochs);
  let skipped: { total: number; last: SkippedStep } | null = null;
  let ended: { result: RunResult; weights: Weights };
  try {
    ended = await run.train({
      epochs: (m) => reporter.epochs(m, session.totalEpochs),
      skipped: (total, last) => (skipped = { total, last }),
    });
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e), EXIT.internal);
  } finally {
    process.off('SIGINT', onSigint);
  }
  const result = ended.result;
  const told = skipped as { total: number; last: SkippedStep } | null;
  if (told) reporter.skipped(told.total, told.last);
  reporter.finish(result);

  const trained: Project = {
    ...project,
    weights: ended.weights,
    runs: [...project.runs, runRecord(project, session, settings, result, startedAt)],
  };
  if (opts.out !== undefined) {
    const saved = serializeProject(trained);
    if (!saved.ok) throw new CliError(cliText('common.couldNotSave', { file: opts.out, message: cliSpoken(saved) }));
    await writeOutput(opts.out, saved.text, 'project');
    if (!opts.json) process.stdout.write(`${cliText('train.saved', { file: opts.out })}\n`);
  }
  if (opts.weights !== undefined) {
    const exported = exportWeights(trained);
    if (!exported.ok) throw new CliError(cliText('train.weightsExportFailed', { file: opts.weights, message: cliSay(exported.text ?? exported.message) }));
    await writeOutput(opts.weights, exported.text, 'export');
    if (!opts.json) process.stdout.write(`${cliText('train.weightsExported', { file: opts.weights })}\n`);
  }
  if (result.state === 'diverged') {
    const d = result.diverged;
    if (!opts.json) process.stderr.write(`bpnn: ${d ? divergedLine(d) : cliText('train.diverged')}\n`);
    return EXIT.diverged;
  }
  return interrupted ? EXIT.interrupted : EXIT.ok;
}
