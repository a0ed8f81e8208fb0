// `bpnn sweep`: the same "change one thing" sweep as the app's Compare view, headless. The
// runs go to the desktop app's training host (worker threads, one per core), the table (or
// JSON lines) goes to stdout, and --report writes the lab report as one HTML file.
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  buildRunRecord,
  expandSweep,
  formatLoss,
  formatPercent,
  parseSweepSetting,
  projectToSpec,
  resultRow,
  serializeProject,
  SWEEP_SETTINGS,
  unknownSettingMessage,
  type EpochMetrics,
  type PlannedRun,
  type Project,
  type ResultRow,
  type RunRecord,
  type RunResult,
  type SweepPlan,
  type TrainingEvent,
  type Weights,
} from '../core/index';
import type { StartTrainingRequest, StartTrainingResult } from '../electron/ipc/contract';
// The host, the bundler and the report (ECharts) load only when a sweep runs, so they never
// slow down `bpnn train` or `bpnn validate`.
import type { TrainingHost } from '../electron/main/services/training-host';
import { CliError, EXIT } from './errors';
import { loadProject, writeFileAtomic } from './files';
import { locateProblem, projectProblems } from './validate';

export interface SweepOptions {
  vary: string;
  json?: boolean;
  report?: string;
  /** Write the project with the sweep's runs added to its history. */
  out?: string;
}

/** The part of the training host a sweep uses (the real one, or a fake in tests). */
export type SweepHost = Pick<TrainingHost, 'start' | 'stop' | 'onEvent'>;

export interface RunOutcome {
  run: PlannedRun;
  metrics: EpochMetrics[];
  result: RunResult;
  /** Trained weights; null when the run failed. */
  weights: Weights | null;
}

/** `lr=0.05,0.5` → the setting and its values; a usage error naming what is wrong otherwise. */
export function parseVary(text: string): { setting: string; values: string[] } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new CliError(`--vary needs <setting>=<v1>,<v2>,… (for example --vary lr=0.005,0.05,0.5), not '${text}'.`, EXIT.usage);
  const name = text.slice(0, eq).trim();
  const values = text.slice(eq + 1).split(',').map((v) => v.trim());
  if (values.length === 1 && values[0] === '') throw new CliError(`--vary ${name}= has no values; list them after '=' separated by commas.`, EXIT.usage);
  return { setting: name, values };
}

/**
 * The worker the desktop app runs, bundled into a temporary folder (a worker thread cannot
 * load TypeScript through the CLI's loader). Returns the file and a clean-up.
 */
export async function bundleTrainingWorker(): Promise<{ workerPath: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'bpnn-sweep-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const { buildElectron } = await import('../scripts/build-electron.mjs');
    await buildElectron({ outdir: dir, entries: { 'training-worker': 'electron/main/services/training-worker.ts' }, minify: false });
  } catch (e) {
    dispose();
    throw new CliError(`Could not prepare the training workers (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); is the installation complete? Try 'npm install'.`, EXIT.internal);
  }
  return { workerPath: join(dir, 'training-worker.cjs'), dispose };
}

/** One worker per core: a sweep is the only thing this process does. */
export function sweepPoolSize(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Runs every planned run on the host at once (the host queues what its pool cannot take) and
 * resolves with each run's curves and result, in the plan's order.
 */
export async function runPlan(
  plan: SweepPlan,
  host: SweepHost,
  opts: { runIdPrefix: string; onEnd?: (outcome: RunOutcome, done: number) => void; shouldStop?: () => boolean },
): Promise<RunOutcome[]> {
  const ids = plan.runs.map((r) => `${opts.runIdPrefix}-${r.index}`);
  const metrics = new Map<string, EpochMetrics[]>(ids.map((id) => [id, []]));
  const outcomes = new Map<string, RunOutcome>();
  let finish: () => void = () => {};
  const allDone = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const end = (id: string, result: RunResult, weights: Weights | null) => {
    if (outcomes.has(id)) return;
    const run = plan.runs[ids.indexOf(id)];
    const outcome: RunOutcome = { run, metrics: metrics.get(id) ?? [], result, weights };
    outcomes.set(id, outcome);
    opts.onEnd?.(outcome, outcomes.size);
    if (outcomes.size === ids.length) finish();
  };
  const errorResult = (id: string, message: string): RunResult => ({
    state: 'error',
    epochs: metrics.get(id)?.length ?? 0,
    loss: null,
    accuracy: null,
    testAccuracy: null,
    ms: 0,
    errorMessage: message,
  });
  const unsubscribe = host.onEvent((event: TrainingEvent) => {
    if (!metrics.has(event.runId)) return;
    if (event.type === 'progress') metrics.get(event.runId)?.push(...event.epochs);
    else if (event.type === 'done' || event.type === 'stopped' || event.type === 'diverged') end(event.runId, event.result, event.weights);
    else if (event.type === 'error') end(event.runId, errorResult(event.runId, event.message), null);
  });
  const stopPoll = setInterval(() => {
    if (opts.shouldStop?.()) for (const id of ids) host.stop(id);
  }, 100);
  try {
    const starts = plan.runs.map((run, i) => {
      const req: StartTrainingRequest = { runId: ids[i], request: run.request, boundaryResolution: 0 };
      return host.start(req).then((r: StartTrainingResult) => {
        if (!r.ok) end(ids[i], errorResult(ids[i], r.problems.map((p) => p.message).join(' ')), null);
      });
    });
    await Promise.all(starts);
    await allDone;
  } finally {
    clearInterval(stopPoll);
    unsubscribe();
  }
  return ids.map((id) => outcomes.get(id) as RunOutcome);
}

/** The sweep's runs as the project's history keeps them. */
export function sweepRecords(project: Project, plan: SweepPlan, outcomes: readonly RunOutcome[], sweepId: string, startedAt: Date): RunRecord[] {
  return outcomes.map((o, i) =>
    buildRunRecord({
      id: `${sweepId}-${o.run.index}`,
      name: `${plan.settingLabel} ${o.run.value}`,
      createdAt: startedAt.toISOString(),
      settings: o.run.request.settings,
      dataset: o.run.request.dataset,
      metrics: o.metrics,
      result: o.result,
      sweep: { id: sweepId, setting: plan.settingKey, value: plan.runs[i].value },
    }),
  );
}

const secs = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

/** The results as an aligned text table. */
export function tableText(settingLabel: string, rows: readonly ResultRow[], hasTest: boolean): string {
  const head = [settingLabel, 'state', 'final loss', 'train acc', ...(hasTest ? ['test acc'] : []), 'epoch @100%', 'diverged', 'time'];
  const body = rows.map((r) => [
    r.label,
    r.state,
    formatLoss(r.finalLoss),
    formatPercent(r.trainAccuracy),
    ...(hasTest ? [formatPercent(r.testAccuracy)] : []),
    r.epochToTarget === null ? '–' : String(r.epochToTarget),
    r.diverged ? 'yes' : 'no',
    secs(r.ms),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function jsonRunLine(plan: SweepPlan, row: ResultRow, index: number, result: RunResult): string {
  return JSON.stringify({
    event: 'run',
    index,
    setting: plan.settingKey,
    value: row.value,
    label: row.label,
    state: row.state,
    epochs: row.epochs,
    loss: row.finalLoss,
    accuracy: row.trainAccuracy,
    testAccuracy: row.testAccuracy,
    epochToTarget: row.epochToTarget,
    diverged: row.diverged,
    ms: Math.round(row.ms),
    ...(result.errorMessage ? { error: result.errorMessage } : {}),
  });
}

export async function sweepCommand(path: string, opts: SweepOptions): Promise<number> {
  const vary = parseVary(opts.vary);
  const setting = parseSweepSetting(vary.setting);
  if (!setting) throw new CliError(`--vary: ${unknownSettingMessage(vary.setting)}`, EXIT.usage);
  const project = loadProject(path);
  const problems = projectProblems(project);
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more; run 'bpnn validate ${path}')` : '';
    throw new CliError(`${path}: ${problems[0].path}: ${problems[0].message}${more}`);
  }
  const expanded = expandSweep({ spec: projectToSpec(project), dataset: project.dataset, settings: project.training }, { setting, values: vary.values });
  if (!expanded.ok) {
    const p = expanded.problems[0];
    const usage = p.field === 'values' || p.field.startsWith('values[') || p.field === 'setting' || p.field === 'nodeIds';
    const where = p.field.startsWith('values[') ? `--vary ${vary.setting}: value ${Number(p.field.slice(7, -1)) + 1}: ` : usage ? `--vary ${vary.setting}: ` : `${path}: ${locateProblem(project, p).path}: `;
    throw new CliError(`${where}${p.message}`, usage ? EXIT.usage : EXIT.badInput);
  }
  const plan = expanded.plan;

  const out = (s: string) => process.stdout.write(`${s}\n`);
  const sweepId = randomUUID();
  const startedAt = new Date();
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.on('SIGINT', onSigint);
  const worker = await bundleTrainingWorker();
  const { TrainingHost } = await import('../electron/main/services/training-host');
  const host = new TrainingHost({ workerPath: worker.workerPath, poolSize: Math.min(sweepPoolSize(), plan.runs.length) });
  const t0 = performance.now();
  let outcomes: RunOutcome[];
  try {
    if (!opts.json) out(`Sweeping ${plan.settingLabel.toLowerCase()} over ${plan.runs.length} values on ${host.poolSize} worker${host.poolSize === 1 ? '' : 's'}…`);
    outcomes = await runPlan(plan, host, {
      runIdPrefix: sweepId,
      shouldStop: () => interrupted,
      onEnd: (o, done) => {
        if (!opts.json) out(`  [${done}/${plan.runs.length}] ${o.run.label}: ${o.result.state}, ${formatPercent(o.result.accuracy)} (${secs(o.result.ms)})`);
      },
    });
  } finally {
    await host.dispose();
    worker.dispose();
    process.off('SIGINT', onSigint);
  }
  const totalMs = performance.now() - t0;
  const records = sweepRecords(project, plan, outcomes, sweepId, startedAt);
  const rows = records.map((r, i) => resultRow(r, plan.runs[i].label));
  const hasTest = project.training.testSplit > 0;

  if (opts.json) {
    rows.forEach((row, i) => out(jsonRunLine(plan, row, i, outcomes[i].result)));
  } else {
    out('');
    out(tableText(plan.settingLabel, rows, hasTest));
  }

  if (opts.report !== undefined) {
    const runWeights: Record<string, Weights> = {};
    records.forEach((r, i) => {
      const w = outcomes[i].weights;
      if (w) runWeights[r.id] = w;
    });
    const { buildLabReport } = await import('../renderer/report/index');
    const html = buildLabReport({ project: { ...project, runs: [...project.runs, ...records] }, runWeights, generatedAt: startedAt.toISOString() });
    writeFileAtomic(opts.report, html);
    if (!opts.json) out(`\nWrote the lab report to ${opts.report}`);
  }

  if (opts.out !== undefined) {
    const saved = serializeProject({ ...project, runs: [...project.runs, ...records] });
    if (!saved.ok) throw new CliError(`Could not save '${opts.out}': ${saved.message}`);
    writeFileAtomic(opts.out, saved.text);
    if (!opts.json) out(`Saved the project with the ${records.length} runs in its history to ${opts.out}`);
  }

  const count = (s: RunResult['state']) => outcomes.filter((o) => o.result.state === s).length;
  const best = [...rows].filter((r) => r.finalLoss !== null).sort((a, b) => (b.trainAccuracy ?? 0) - (a.trainAccuracy ?? 0) || (a.finalLoss as number) - (b.finalLoss as number))[0];
  if (opts.json) {
    out(
      JSON.stringify({
        event: 'summary',
        setting: plan.settingKey,
        values: plan.runs.map((r) => r.value),
        runs: rows.length,
        done: count('done'),
        diverged: count('diverged'),
        stopped: count('stopped'),
        errors: count('error'),
        best: best ? { value: best.value, accuracy: best.trainAccuracy, loss: best.finalLoss } : null,
        report: opts.report ?? null,
        out: opts.out ?? null,
        ms: Math.round(totalMs),
      }),
    );
  } else {
    out(`\n${rows.length} runs in ${secs(totalMs)}${best ? `; best: ${best.label} (${formatPercent(best.trainAccuracy)}, loss ${formatLoss(best.finalLoss)})` : ''}`);
  }
  if (interrupted) return EXIT.interrupted;
  const errors = outcomes.filter((o) => o.result.state === 'error');
  if (errors.length) {
    process.stderr.write(`bpnn: ${errors.length} run${errors.length === 1 ? '' : 's'} failed: ${errors[0].result.errorMessage ?? 'unknown error'}\n`);
    return EXIT.badInput;
  }
  return EXIT.ok;
}

/** Adds `bpnn sweep` to the program (cli/main.ts calls this once). */
export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('train the project once per value of one setting, everything else held fixed, and compare (a "change one thing" experiment)')
    .argument('<project>', 'the .bpnn project to sweep')
    .requiredOption('--vary <setting=values>', `the setting and its values, e.g. lr=0.0005,0.005,0.05,0.5,1 (settings: ${SWEEP_SETTINGS.join(', ')})`)
    .option('--json', 'print one JSON line per run, then a summary line')
    .option('--report <file>', 'write the lab report (one self-contained HTML file) to this file')
    .option('--out <file>', "write the project with the sweep's runs added to its run history")
    .action(async (project: string, opts: SweepOptions) => {
      process.exitCode = await sweepCommand(project, opts);
    });
}
