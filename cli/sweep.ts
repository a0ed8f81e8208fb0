// `bpnn sweep`: the same "change one thing" sweep as the app's Compare view, headless. The
// runs go to the training runtime's pool (worker threads, one per core), the table (or
// JSON lines) goes to stdout, and --report writes the lab report as one HTML file.
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_SWEEP_SEEDS,
  MAX_SWEEP_SEEDS,
  buildRunRecord,
  expandSweep,
  formatLoss,
  formatPercent,
  parseSweepSetting,
  parseSweepValue,
  projectToSpec,
  resultRow,
  seedsFrom,
  serializeProject,
  spreadText,
  summarizeByValue,
  SWEEP_SETTINGS,
  sweepMemoryRefusal,
  sweepSettingSaid,
  sweepValueSaid,
  unknownSettingSaid,
  type EpochMetrics,
  type Language,
  type PlannedRun,
  type Project,
  type ResultRow,
  type RunRecord,
  type RunResult,
  type SweepPlan,
  type SweepSetting,
  type TrainingEvent,
  type ValueSummary,
  type Weights,
} from '../core/index';
import type { StartTrainingRequest, StartTrainingResult } from '../runtime/api';
import type { TrainingPool } from '../runtime/pool';
import { CliError, EXIT } from './errors';
import { cliSay, cliSpoken, cliText } from './text';
import { alignedTable } from './width';
import { duration, stateWord } from './words';
import { loadProject, writeOutput } from './files';
import { boundedNumber, cliMemoryBudget, memorySize } from './options';
import { locateProblem, projectProblems } from './validate';
import { cliLanguage } from './language';

export interface SweepOptions {
  /** Every --vary given: one setting, optionally with seed=… as the second (a grid over seeds). */
  vary: string[];
  /** Seeds per value (--seeds); absent = the default, or the seeds of --vary seed=…. */
  seeds?: number;
  /** --new-data: every seed draws its own data set. */
  newData?: boolean;
  json?: boolean;
  report?: string;
  /** Write the project with the sweep's runs added to its history. */
  out?: string;
  /** --memory-limit in bytes; null or absent = automatic. */
  memoryLimit?: number | null;
}

/** The part of the training pool a sweep uses (the real one, or a fake in tests). */
export type SweepHost = Pick<TrainingPool, 'start' | 'stop' | 'onEvent'>;

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
  if (eq <= 0) throw new CliError(cliText('sweep.varyForm', { text }), EXIT.usage);
  const name = text.slice(0, eq).trim();
  const values = text.slice(eq + 1).split(',').map((v) => v.trim());
  if (values.length === 1 && values[0] === '') throw new CliError(cliText('sweep.varyEmpty', { name }), EXIT.usage);
  return { setting: name, values };
}

export { sweepPoolSize } from './pool';

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
        if (!r.ok) end(ids[i], errorResult(ids[i], r.problems.map((p) => cliSpoken(p)).join(' ')), null);
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

/** The swept setting's name in the terminal's language ("Learning rate"). */
export const settingName = (plan: SweepPlan): string => cliSay(sweepSettingSaid(plan.setting));

/** The setting's name inside a sentence: lower case in English, as it is in Chinese. */
const lowerSetting = (plan: SweepPlan): string => settingName(plan).toLowerCase();

/** One value's legend and table text in the terminal's language (names such as ReLU stay). */
export function valueLabel(plan: SweepPlan, value: string, language: Language = cliLanguage()): string {
  return cliSay(sweepValueSaid(plan.setting, value), language);
}

/** The sweep's runs as the project's history keeps them. */
export function sweepRecords(project: Project, plan: SweepPlan, outcomes: readonly RunOutcome[], sweepId: string, startedAt: Date): RunRecord[] {
  return outcomes.map((o, i) =>
    buildRunRecord({
      id: `${sweepId}-${o.run.index}`,
      name: cliText(plan.seeds.length > 1 ? 'sweep.runNameSeed' : 'sweep.runName', { setting: settingName(plan), value: o.run.value, seed: o.run.seed }),
      createdAt: startedAt.toISOString(),
      settings: o.run.request.settings,
      dataset: o.run.request.dataset,
      metrics: o.metrics,
      result: o.result,
      sweep: { id: sweepId, setting: plan.settingKey, value: plan.runs[i].value },
    }),
  );
}


/** The results as an aligned text table. */
export function tableText(settingLabel: string, rows: readonly ResultRow[], hasTest: boolean): string {
  const head = [settingLabel, cliText('sweep.state'), cliText('sweep.finalLoss'), cliText('sweep.trainAcc'), ...(hasTest ? [cliText('sweep.testAcc')] : []), cliText('sweep.epochAt'), cliText('sweep.diverged'), cliText('sweep.time')];
  const body = rows.map((r) => [
    r.label,
    stateWord(r.state),
    formatLoss(r.finalLoss),
    formatPercent(r.trainAccuracy),
    ...(hasTest ? [formatPercent(r.testAccuracy)] : []),
    r.epochToTarget === null ? '–' : String(r.epochToTarget),
    cliText(r.diverged ? 'sweep.yes' : 'sweep.no'),
    duration(r.ms),
  ]);
  return alignedTable(head, body);
}

/** A run's name in lists: its value, and its seed when each value repeats over seeds. */
function runLabel(plan: SweepPlan, run: PlannedRun, language: Language = cliLanguage()): string {
  const label = valueLabel(plan, run.value, language);
  return plan.seeds.length > 1 ? cliText('sweep.runLabel', { label, seed: run.seed }, language) : label;
}

/** One row per value over its seeds: the summary a finding is read from. */
export function valueTableText(settingLabel: string, values: readonly ValueSummary[]): string {
  const head = [settingLabel, cliText('sweep.finalLoss'), cliText('sweep.trainAcc'), cliText('sweep.seedsAt'), cliText('sweep.epochAt')];
  const body = values.map((v) => [
    v.label,
    spreadText(v.finalLoss, formatLoss),
    spreadText(v.accuracy, (a) => formatPercent(a)),
    cliText('sweep.reachedOf', { reached: v.reached, runs: v.runs }),
    spreadText(v.epochToTarget, (e) => String(Math.round(e))),
  ]);
  return alignedTable(head, body);
}

function jsonValueLine(plan: SweepPlan, v: ValueSummary): string {
  return JSON.stringify({ event: 'value', setting: plan.settingKey, value: v.value, label: v.label, seeds: v.runs, finalLoss: v.finalLoss, accuracy: v.accuracy, reached: v.reached, epochToTarget: v.epochToTarget, diverged: v.diverged });
}

function jsonRunLine(plan: SweepPlan, row: ResultRow, index: number, result: RunResult): string {
  return JSON.stringify({
    event: 'run',
    index,
    setting: plan.settingKey,
    value: row.value,
    seed: plan.runs[index].seed,
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

/**
 * The swept setting and the seeds each value repeats over, from every --vary and --seeds: one
 * setting, and seed=… as a second --vary makes a grid (each value over those seeds). Anything
 * else is refused with a usage error, never ignored.
 */
export function sweepAxes(opts: Pick<SweepOptions, 'vary' | 'seeds'>, projectSeed: number): { vary: { setting: string; values: string[] }; setting: SweepSetting; seeds: number[] } {
  const given = opts.vary.map(parseVary);
  const named = given.map((v) => ({ ...v, parsed: parseSweepSetting(v.setting) }));
  const unknown = named.find((v) => v.parsed === null);
  if (unknown) throw new CliError(`--vary: ${cliSay(unknownSettingSaid(unknown.setting))}`, EXIT.usage);
  if (named.length > 2 || (named.length === 2 && !named.some((v) => v.parsed === 'seed'))) {
    throw new CliError(cliText('sweep.oneSetting', { got: named.map((v) => `--vary ${v.setting}`).join(', ') }), EXIT.usage);
  }
  const main = named.length === 2 ? (named.find((v) => v.parsed !== 'seed') ?? named[0]) : named[0];
  const seedAxis = named.length === 2 ? named.find((v) => v !== main) : undefined;
  if (seedAxis && opts.seeds !== undefined) throw new CliError(cliText('sweep.seedsTwice'), EXIT.usage);
  const setting = main.parsed as SweepSetting;
  let seeds: number[] = [];
  if (seedAxis) {
    seeds = seedAxis.values.map((text, i) => {
      const r = parseSweepValue('seed', text);
      if (!r.ok) throw new CliError(`${cliText('sweep.valueAt', { setting: 'seed', number: i + 1 })}${cliSpoken(r)}`, EXIT.usage);
      return r.value.value as number;
    });
  } else if (setting !== 'seed') {
    seeds = seedsFrom(projectSeed, opts.seeds ?? DEFAULT_SWEEP_SEEDS);
  } else if (opts.seeds !== undefined && opts.seeds > 1) {
    throw new CliError(cliText('sweep.seedIsSetting'), EXIT.usage);
  }
  return { vary: { setting: main.setting, values: main.values }, setting, seeds };
}

export async function sweepCommand(path: string, opts: SweepOptions): Promise<number> {
  // Usage errors first, before the project is read.
  sweepAxes(opts, 1);
  const project = loadProject(path);
  const problems = projectProblems(project);
  if (problems.length) {
    const more = problems.length > 1 ? cliText('common.moreValidate', { count: problems.length - 1, path }) : '';
    throw new CliError(cliText('common.problemAt', { path, where: problems[0].path, message: problems[0].message, more }));
  }
  const { vary, setting, seeds } = sweepAxes(opts, project.training.seed);
  const expanded = expandSweep(
    { spec: projectToSpec(project), dataset: project.dataset, settings: project.training },
    { setting, values: vary.values, ...(seeds.length ? { seeds } : {}), newData: opts.newData === true },
  );
  if (!expanded.ok) {
    const p = expanded.problems[0];
    const usage = p.field === 'values' || p.field.startsWith('values[') || p.field === 'setting' || p.field === 'nodeIds' || p.field === 'seeds' || p.field === 'newData';
    const where = p.field.startsWith('values[')
      ? cliText('sweep.valueAt', { setting: vary.setting, number: Number(p.field.slice(7, -1)) + 1 })
      : p.field === 'newData'
        ? '--new-data: '
        : p.field === 'seeds'
          ? '--seeds: '
          : usage
            ? `--vary ${vary.setting}: `
            : `${path}: ${locateProblem(project, p).path}: `;
    throw new CliError(`${where}${cliSpoken(p)}`, usage ? EXIT.usage : EXIT.badInput);
  }
  const plan = expanded.plan;
  // Every run must fit on its own before any starts; the host then runs at once only what fits together.
  const memoryBudget = cliMemoryBudget(opts.memoryLimit);
  const refusal = sweepMemoryRefusal(plan, memoryBudget);
  if (refusal) {
    const what = cliText('sweep.memoryRun', { setting: lowerSetting(plan), label: valueLabel(plan, refusal.run.value) });
    throw new CliError(cliText('common.memoryAt', { path, what, message: cliSpoken(refusal.problem) }));
  }

  const out = (s: string) => process.stdout.write(`${s}\n`);
  const sweepId = randomUUID();
  const startedAt = new Date();
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.on('SIGINT', onSigint);
  // The pool loads only when a sweep runs, so it never slows down `bpnn train` or `bpnn validate`.
  const { cliTrainingPool } = await import('./pool');
  const host = cliTrainingPool(plan.runs.length, memoryBudget);
  const t0 = performance.now();
  let outcomes: RunOutcome[];
  try {
    const valueCount = plan.seeds.length > 1 ? plan.runs.length / plan.seeds.length : plan.runs.length;
    const valuesText = cliText('sweep.values', { count: valueCount });
    const over = plan.seeds.length > 1 ? `${cliText('sweep.overSeeds', { values: valuesText, seeds: cliText('common.seeds', { count: plan.seeds.length }) })}${plan.newData ? cliText('sweep.newData') : ''}` : valuesText;
    if (!opts.json) out(cliText('sweep.start', { setting: lowerSetting(plan), over, workers: cliText('common.workers', { count: host.poolSize }) }));
    outcomes = await runPlan(plan, host, {
      runIdPrefix: sweepId,
      shouldStop: () => interrupted,
      onEnd: (o, done) => {
        if (!opts.json) out(cliText('sweep.ran', { done, total: plan.runs.length, label: runLabel(plan, o.run), state: stateWord(o.result.state), accuracy: formatPercent(o.result.accuracy), time: duration(o.result.ms) }));
      },
    });
  } finally {
    await host.dispose();
    process.off('SIGINT', onSigint);
  }
  const totalMs = performance.now() - t0;
  const records = sweepRecords(project, plan, outcomes, sweepId, startedAt);
  // --json is for programs: its labels stay English, whatever the terminal's language.
  const labels: Language = opts.json ? 'en' : cliLanguage();
  const rows = records.map((r, i) => resultRow(r, runLabel(plan, plan.runs[i], labels)));
  const values = summarizeByValue(records.map((r, i) => resultRow(r, valueLabel(plan, plan.runs[i].value, labels))));
  const hasTest = project.training.testSplit > 0;

  const repeated = plan.seeds.length > 1;
  if (opts.json) {
    rows.forEach((row, i) => out(jsonRunLine(plan, row, i, outcomes[i].result)));
    if (repeated) for (const v of values) out(jsonValueLine(plan, v));
  } else {
    out('');
    out(tableText(settingName(plan), rows, hasTest));
    if (repeated) {
      out('');
      out(cliText('sweep.over', { count: plan.seeds.length, seeds: plan.seeds.join(', '), newData: plan.newData ? cliText('sweep.overNewData') : '' }));
      out(valueTableText(settingName(plan), values));
    }
  }

  if (opts.report !== undefined) {
    const runWeights: Record<string, Weights> = {};
    records.forEach((r, i) => {
      const w = outcomes[i].weights;
      if (w) runWeights[r.id] = w;
    });
    // The lab report (ECharts) loads only when asked for, so it never slows down other commands.
    const { buildLabReport } = await import('../report/index');
    const html = buildLabReport({ project: { ...project, runs: [...project.runs, ...records] }, runWeights, generatedAt: startedAt.toISOString(), language: cliLanguage() });
    await writeOutput(opts.report, html, 'export');
    if (!opts.json) out(`\n${cliText('common.wroteReport', { file: opts.report })}`);
  }

  if (opts.out !== undefined) {
    const saved = serializeProject({ ...project, runs: [...project.runs, ...records] });
    if (!saved.ok) throw new CliError(cliText('common.couldNotSave', { file: opts.out, message: cliSpoken(saved) }));
    await writeOutput(opts.out, saved.text, 'project');
    if (!opts.json) out(cliText('sweep.saved', { count: records.length, file: opts.out }));
  }

  const count = (s: RunResult['state']) => outcomes.filter((o) => o.result.state === s).length;
  const best = [...rows].filter((r) => r.finalLoss !== null).sort((a, b) => (b.trainAccuracy ?? 0) - (a.trainAccuracy ?? 0) || (a.finalLoss as number) - (b.finalLoss as number))[0];
  if (opts.json) {
    out(
      JSON.stringify({
        event: 'summary',
        setting: plan.settingKey,
        values: [...new Set(plan.runs.map((r) => r.value))],
        seeds: plan.seeds,
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
    const bestText = best ? cliText('sweep.best', { label: best.label, accuracy: formatPercent(best.trainAccuracy), loss: formatLoss(best.finalLoss) }) : '';
    out(`\n${cliText('sweep.summary', { count: rows.length, time: duration(totalMs), best: bestText })}`);
  }
  if (interrupted) return EXIT.interrupted;
  const errors = outcomes.filter((o) => o.result.state === 'error');
  if (errors.length) {
    process.stderr.write(`bpnn: ${cliText('common.runsFailed', { count: errors.length, message: errors[0].result.errorMessage ?? cliText('common.unknownError') })}\n`);
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
    .requiredOption(
      '--vary <setting=values>',
      `the setting and its values, e.g. lr=0.0005,0.005,0.05,0.5,1 (settings: ${SWEEP_SETTINGS.join(', ')}); a second --vary seed=1,2,3 repeats each value over those seeds`,
      (v: string, all: string[] = []) => [...all, v],
    )
    .option('--seeds <n>', `repeat each value over this many seeds, from the project's seed up (default ${DEFAULT_SWEEP_SEEDS}, at most ${MAX_SWEEP_SEEDS})`, boundedNumber('--seeds', { min: 1, max: MAX_SWEEP_SEEDS, integer: true }))
    .option('--new-data', 'draw new data for every seed (generated data sets only), as the lab drew new points every run')
    .option('--json', 'print one JSON line per run, then a summary line')
    .option('--report <file>', 'write the lab report (one self-contained HTML file) to this file')
    .option('--out <file>', "write the project with the sweep's runs added to its run history")
    .option('--memory-limit <size>', "the most memory the runs may use together, e.g. 512MB or 2GB (default: half of this computer's memory)", memorySize('--memory-limit'))
    .action(async (project: string, opts: SweepOptions) => {
      process.exitCode = await sweepCommand(project, opts);
    });
}
