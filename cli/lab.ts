// `bpnn lab`: the backprop lab's findings on the project's task (XOR or the linear set), each
// repeated over seeds on the training host's workers, judged, and printed as one line (or one
// JSON line) per finding; --report adds the findings table to the lab report.
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { performance } from 'node:perf_hooks';
import {
  LAB_SEEDS,
  MAX_SWEEP_SEEDS,
  curveBand,
  expandSweep,
  judgeFinding,
  labFindingsFor,
  labSweep,
  labTaskOf,
  projectToSpec,
  resultRow,
  sweepMemoryRefusal,
  type FindingResult,
  type LabFinding,
  type LabRun,
  type SweepPlan,
} from '../core/index';
import { CliError, EXIT } from './errors';
import { cliSay, cliSpoken, cliText } from './text';
import { loadProject, writeOutput } from './files';
import { boundedNumber, cliMemoryBudget, memorySize } from './options';
import { runPlan, sweepRecords, valueLabel, type RunOutcome } from './sweep';
import { projectProblems } from './validate';
import { cliLanguage } from './language';

export interface LabOptions {
  seeds?: number;
  /** --findings 2,4: only these (of the project's task). */
  findings?: string;
  json?: boolean;
  report?: string;
  memoryLimit?: number | null;
}

const taskName = (task: 'xor' | 'linear'): string => cliText(task === 'xor' ? 'lab.xor' : 'lab.linear');

/** The findings to run: the task's, or the ones --findings names (each must be one of the task's). */
function chosenFindings(task: 'xor' | 'linear', list: string | undefined): LabFinding[] {
  const all = labFindingsFor(task);
  if (list === undefined) return all;
  const ids = list.split(',').map((t) => t.trim());
  return ids.map((t) => {
    const f = all.find((x) => String(x.id) === t);
    if (!f) throw new CliError(cliText('lab.notFinding', { id: t, task: taskName(task), ids: all.map((x) => x.id).join(', ') }), EXIT.usage);
    return f;
  });
}

/** The runs of a finding's sweep as the judge reads them. */
export function labRuns(outcomes: readonly RunOutcome[], records: ReturnType<typeof sweepRecords>): LabRun[] {
  return outcomes.map((o, i) => ({ value: o.run.value, seed: o.run.seed, row: resultRow(records[i], o.run.label), loss: records[i].curves.loss }));
}

/** Per value, the loss curves of its seeds as a median and a band (the report's chart). */
function lossBands(plan: SweepPlan, records: ReturnType<typeof sweepRecords>, outcomes: readonly RunOutcome[]): { label: string; band: ReturnType<typeof curveBand> }[] {
  const groups = new Map<string, { label: string; curves: number[][] }>();
  records.forEach((rec, i) => {
    const run = outcomes[i].run;
    const g = groups.get(run.value) ?? { label: valueLabel(plan, run.value), curves: [] };
    g.curves.push(rec.curves.loss);
    groups.set(run.value, g);
  });
  return [...groups.values()].map((g) => ({ label: cliText('lab.bandLabel', { label: g.label, seeds: cliText('common.seeds', { count: g.curves.length }) }), band: curveBand(g.curves) }));
}

function findingLine(f: LabFinding, r: FindingResult): string {
  return JSON.stringify({ event: 'finding', finding: f.id, task: r.task, title: f.title, claim: f.claim, verdict: r.verdict, heldOn: r.heldOn, seeds: r.seeds, text: r.text, details: r.details });
}

export async function labCommand(path: string, opts: LabOptions): Promise<number> {
  const project = loadProject(path);
  const task = labTaskOf(project.dataset);
  if (!task) {
    const what = project.dataset.kind === 'generator' ? cliText('lab.generatorData', { name: cliText(`lab.generators.${project.dataset.generator}`) }) : cliText('lab.importedData');
    throw new CliError(cliText('lab.otherData', { path, what }));
  }
  const findings = chosenFindings(task, opts.findings);
  const problems = projectProblems(project);
  if (problems.length) throw new CliError(cliText('common.problemAt', { path, where: problems[0].path, message: problems[0].message, more: '' }));
  const base = { spec: projectToSpec(project), dataset: project.dataset, settings: project.training };
  const plans = findings.map((f) => {
    const r = expandSweep(base, labSweep(f, project.training.seed, opts.seeds ?? LAB_SEEDS)!);
    if (!r.ok) throw new CliError(cliText('lab.cannotRun', { path, id: f.id, title: cliSay(f.said.title), message: cliSpoken(r.problems[0]) }));
    return r.plan;
  });
  const memoryBudget = cliMemoryBudget(opts.memoryLimit);
  for (const [i, plan] of plans.entries()) {
    const refusal = sweepMemoryRefusal(plan, memoryBudget);
    if (refusal) {
      const what = cliText('lab.memoryFinding', { id: findings[i].id, label: valueLabel(plan, refusal.run.value) });
      throw new CliError(cliText('common.memoryAt', { path, what, message: cliSpoken(refusal.problem) }));
    }
  }

  const out = (s: string) => process.stdout.write(`${s}\n`);
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.on('SIGINT', onSigint);
  const total = plans.reduce((n, p) => n + p.runs.length, 0);
  const seedCount = opts.seeds ?? LAB_SEEDS;
  const { cliTrainingPool } = await import('./pool');
  const host = cliTrainingPool(total, memoryBudget);
  const t0 = performance.now();
  const startedAt = new Date();
  const results: { finding: LabFinding; plan: SweepPlan; result: FindingResult; records: ReturnType<typeof sweepRecords>; outcomes: RunOutcome[] }[] = [];
  try {
    if (!opts.json) {
      out(cliText('lab.start', { count: findings.length, task: taskName(task), seeds: cliText('common.seeds', { count: seedCount }), runs: total, workers: cliText('common.workers', { count: host.poolSize }) }));
    }
    // Every finding's runs go to the pool at once (it queues what it cannot take); each is told in order.
    const running = plans.map((plan, i) => runPlan(plan, host, { runIdPrefix: `lab-${findings[i].id}`, shouldStop: () => interrupted }));
    for (const [i, pending] of running.entries()) {
      const outcomes = await pending;
      const f = findings[i];
      const records = sweepRecords(project, plans[i], outcomes, `lab-${f.id}-${randomUUID()}`, startedAt);
      const result = judgeFinding(f, labRuns(outcomes, records));
      if (!result) continue;
      results.push({ finding: f, plan: plans[i], result, records, outcomes });
      if (opts.json) out(findingLine(f, result));
      else {
        out(cliText('lab.finding', { id: f.id, title: cliSay(f.said.title), verdict: result.verdictText ? cliSay(result.verdictText) : result.text }));
        out(cliText('lab.claim', { claim: cliSay(f.said.claim) }));
        for (const d of result.detailTexts ?? result.details) out(cliText('lab.detail', { detail: typeof d === 'string' ? d : cliSay(d) }));
      }
    }
  } finally {
    await host.dispose();
    process.off('SIGINT', onSigint);
  }
  if (!opts.json) out(`\n${cliText('common.runsIn', { count: total, time: cliText('common.s', { value: ((performance.now() - t0) / 1000).toFixed(1) }) })}`);

  if (opts.report !== undefined) {
    // The lab report (ECharts) loads only when asked for, so it never slows down other commands.
    const { buildLabReport } = await import('../report/index');
    const html = buildLabReport({
      project,
      generatedAt: startedAt.toISOString(),
      lab: results.map((r) => ({ result: r.result, loss: lossBands(r.plan, r.records, r.outcomes) })),
      language: cliLanguage(),
    });
    await writeOutput(opts.report, html, 'export');
    if (!opts.json) out(cliText('common.wroteReport', { file: opts.report }));
  }
  if (interrupted) return EXIT.interrupted;
  const failed = results.flatMap((r) => r.outcomes).filter((o) => o.result.state === 'error');
  if (failed.length) {
    process.stderr.write(`bpnn: ${cliText('common.runsFailed', { count: failed.length, message: failed[0].result.errorMessage ?? cliText('common.unknownError') })}\n`);
    return EXIT.badInput;
  }
  return EXIT.ok;
}

/** Adds `bpnn lab` to the program (cli/main.ts calls this once). */
export function registerLab(program: Command): void {
  program
    .command('lab')
    .description("repeat the backprop lab's findings on the project's task (XOR or the linear data), each over several seeds, and say how often each held")
    .argument('<project>', 'a .bpnn project on XOR or the linear data, e.g. examples/xor.bpnn')
    .option('--seeds <n>', `repeat every experiment over this many seeds (default ${LAB_SEEDS}, at most ${MAX_SWEEP_SEEDS})`, boundedNumber('--seeds', { min: 1, max: MAX_SWEEP_SEEDS, integer: true }))
    .option('--findings <ids>', 'only these findings, e.g. 2,4 (the lab numbers them 1–12; odd ones are on the linear data, even ones on XOR)')
    .option('--json', 'print one JSON line per finding, and nothing else')
    .option('--report <file>', 'write the lab report with the findings table to this file')
    .option('--memory-limit <size>', "the most memory the runs may use together, e.g. 512MB or 2GB (default: half of this computer's memory)", memorySize('--memory-limit'))
    .action(async (project: string, opts: LabOptions) => {
      process.exitCode = await labCommand(project, opts);
    });
}
