// Benchmark (not a test): the lab's learning-rate sweep — 5 learning rates × 5000 epochs on the
// XOR example — on the training runtime's worker pool, as `bpnn sweep` runs it. The figure is
// wall time from the first start to the last terminal event, worker start-up included. For
// scale, the same five runs one after another in this thread. B1: the event-loop delay of this thread (where the desktop app's main process
// runs the host) is recorded with monitorEventLoopDelay while the pool trains and for the same
// time idle, and reported as p99 and as a ratio. `--json` prints one JSON line. Run through
// bench/sweep.mjs (npm run bench:sweep).
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createTrainingSession, expandSweep, parseProject, projectToSpec, SWEEP_PRESETS } from '../core/index';
import { runPlan } from '../cli/sweep';
import { cliTrainingPool, sweepPoolSize } from '../cli/pool';

const TARGET_MS = 5000;
const json = process.argv.includes('--json');

const text = readFileSync(fileURLToPath(new URL('../examples/xor.bpnn', import.meta.url)), 'utf8');
const parsed = parseProject(text);
if (!parsed.ok) throw new Error('examples/xor.bpnn does not parse');
const project = parsed.project;
const expanded = expandSweep({ spec: projectToSpec(project), dataset: project.dataset, settings: project.training }, { setting: 'lr', values: [...SWEEP_PRESETS.lr] });
if (!expanded.ok) throw new Error(expanded.problems[0].message);
const plan = expanded.plan;

const poolSize = sweepPoolSize();
const host = cliTrainingPool(poolSize);
/** p99 and max event-loop delay (ms) over what `during` awaits. */
async function loopDelay(during: () => Promise<unknown>): Promise<{ p99: number; max: number }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await during();
  h.disable();
  return { p99: h.percentile(99) / 1e6, max: h.max / 1e6 };
}
const t0 = performance.now();
let outcomes: Awaited<ReturnType<typeof runPlan>> = [];
const busy = await loopDelay(async () => (outcomes = await runPlan(plan, host, { runIdPrefix: 'bench' })));
const poolMs = performance.now() - t0;
const idle = await loopDelay(() => sleep(poolMs));
await host.dispose();

// The same runs in sequence on this thread (the engine alone, no workers).
const t1 = performance.now();
for (const run of plan.runs) {
  const created = createTrainingSession(run.request, { now: () => performance.now() });
  if (!created.ok) throw new Error(created.problems[0].message);
  while (!created.session.runBatches(100_000).finished);
}
const sequentialMs = performance.now() - t1;

const runs = outcomes.map((o) => ({ lr: o.run.value, state: o.result.state, accuracy: o.result.accuracy, engineMs: Math.round(o.result.ms) }));
if (json) {
  process.stdout.write(
    `${JSON.stringify({ workload: 'sweep-lr-xor', runs: plan.runs.length, epochs: project.training.epochs, poolSize, ms: Math.round(poolMs), loopDelayP99Ms: Number(busy.p99.toFixed(2)), idleLoopDelayP99Ms: Number(idle.p99.toFixed(2)), sequentialMs: Math.round(sequentialMs), speedup: Number((sequentialMs / poolMs).toFixed(2)), targetMs: TARGET_MS, perRun: runs })}\n`,
  );
} else {
  process.stdout.write(`sweep: ${plan.runs.length} learning rates × ${project.training.epochs} epochs on XOR, pool of ${poolSize} worker thread(s)\n`);
  for (const r of runs) process.stdout.write(`  lr ${r.lr.padEnd(7)} ${r.state.padEnd(9)} accuracy ${r.accuracy === null ? '–' : `${(r.accuracy * 100).toFixed(1)}%`.padStart(6)}  engine ${r.engineMs} ms\n`);
  process.stdout.write(`wall time on the pool: ${Math.round(poolMs)} ms (target under ${TARGET_MS} ms)\n`);
  process.stdout.write(`same runs in sequence on one thread: ${Math.round(sequentialMs)} ms (pool speed-up ×${(sequentialMs / poolMs).toFixed(2)})\n`);
  process.stdout.write(
    `B1, the host's thread (the main process in the app): event-loop delay p99 ${busy.p99.toFixed(1)} ms while the pool trains (max ${busy.max.toFixed(1)}), ${idle.p99.toFixed(1)} ms idle: ×${(busy.p99 / idle.p99).toFixed(2)}\n`,
  );
}
