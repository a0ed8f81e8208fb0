// Every shipped example, a few epochs with its own seed, through the three hosts that train:
// `bpnn train` (the worker body on a direct transport in this process, cli/in-process.ts),
// the desktop host's worker_threads pool (the CLI's worker entry, as the app and `bpnn sweep`
// start it) and the browser build's Web Worker body. Same epochs, final loss and weights, bit for bit.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseProject, projectToSpec, type EpochMetrics, type RunResult, type TrainRequest, type Weights } from '../../core/index';
import { startInProcess } from '../../cli/in-process';
import { cliMemoryBudget } from '../../cli/options';
import { CLI_WORKER_PATH } from '../../cli/pool';
import { createNodePool } from '../../runtime/node-worker';
import type { TrainingPool } from '../../runtime/pool';
import { createWebPool } from '../../runtime/web-worker';
import { InProcessWebWorker, trainOnPool } from './hosts';

/** Enough to move every example's weights through several batches and a shuffle, fast. */
const EPOCHS = 3;
const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));
const EXAMPLES = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.bpnn')).sort();

interface Trained {
  epochs: EpochMetrics[];
  result: RunResult;
  weights: Weights | null;
}

function requestOf(file: string): TrainRequest {
  const parsed = parseProject(readFileSync(EXAMPLES_DIR + file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems[0].message}`);
  const p = parsed.project;
  return { spec: projectToSpec(p), dataset: p.dataset, settings: { ...p.training, epochs: EPOCHS }, initialWeights: p.weights };
}

async function onCli(request: TrainRequest): Promise<Trained> {
  const created = startInProcess(request, cliMemoryBudget(undefined));
  if (!created.ok) throw new Error(created.problems.map((p) => p.message).join(' '));
  const epochs: EpochMetrics[] = [];
  const { result, weights } = await created.run.train({ epochs: (m) => epochs.push(...m), skipped: () => {} });
  return { epochs, result, weights };
}

async function onPool(pool: TrainingPool, runId: string, request: TrainRequest): Promise<Trained> {
  const { epochs, final } = await trainOnPool(pool, { runId, request, boundaryResolution: 0 });
  if (final.type === 'error' || final.type === 'progress' || !('result' in final)) throw new Error(`${runId} ended with ${final.type}`);
  return { epochs, result: final.result, weights: 'weights' in final ? final.weights : null };
}

describe('every example trains to the same numbers on the CLI, the desktop host and the browser build', () => {
  const node = createNodePool({ workerPath: CLI_WORKER_PATH, poolSize: 1, log: () => {} });
  const web = createWebPool(() => new InProcessWebWorker(), { poolSize: 1 });
  afterAll(async () => {
    await node.dispose();
    await web.dispose();
  });

  it('ships the examples this compares', () => {
    expect(EXAMPLES).toEqual(expect.arrayContaining(['xor.bpnn', 'residual-spiral.bpnn', 'waves-conv1d.bpnn']));
  });

  it.each(EXAMPLES)('%s', async (file) => {
    const request = requestOf(file);
    const cli = await onCli(request);
    const desktop = await onPool(node, `node-${file}`, request);
    const browser = await onPool(web, `web-${file}`, request);
    expect(cli.result.state).toBe('done');
    expect(cli.epochs.map((m) => m.epoch)).toEqual(Array.from({ length: EPOCHS }, (_, i) => i + 1));
    expect(Number.isFinite(cli.result.loss)).toBe(true);
    for (const other of [desktop, browser]) {
      expect(other.result.state).toBe('done');
      expect(other.epochs).toEqual(cli.epochs);
      // Object.is per number (toEqual on numbers): the final loss and every weight, bit for bit.
      expect(other.result.loss).toBe(cli.result.loss);
      expect(other.result.accuracy).toBe(cli.result.accuracy);
      expect(other.weights).toEqual(cli.weights);
    }
    expect(cli.weights).not.toBeNull();
  }, 600_000);
});
