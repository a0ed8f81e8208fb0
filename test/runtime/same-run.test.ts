// One run, two adapters: the XOR example with a fixed seed through the worker_threads pool (the
// CLI's worker entry, as `bpnn sweep` starts it) and through the Web Worker adapter, whose
// worker body runs in this process on a stand-in Worker scope. Same epochs, same losses, same
// weights, bit for bit.
import { describe, expect, it } from 'vitest';
import type { EpochMetrics, TrainingEvent, Weights } from '../../core/index';
import { CLI_WORKER_PATH } from '../../cli/pool';
import { createNodePool } from '../../runtime/node-worker';
import type { TrainingPool } from '../../runtime/pool';
import { createWebPool } from '../../runtime/web-worker';
import { xorRequest } from '../electron/helpers/requests';
import { InProcessWebWorker, trainOnPool } from './hosts';

const EPOCHS = 300;

async function trainOnce(pool: TrainingPool, runId: string): Promise<{ epochs: EpochMetrics[]; final: TrainingEvent }> {
  const run = await trainOnPool(pool, xorRequest(runId, EPOCHS));
  await pool.dispose();
  return run;
}

const weightsOf = (e: TrainingEvent): Weights | null => (e.type === 'done' ? e.weights : null);

describe('the same run through both adapters', () => {
  it('gives identical epochs, losses and weights on worker_threads and on the Web Worker body', async () => {
    const node = await trainOnce(createNodePool({ workerPath: CLI_WORKER_PATH, poolSize: 1, log: (m) => console.log(m) }), 'node');
    console.log('node done', node.epochs.length);
    const web = await trainOnce(createWebPool(() => new InProcessWebWorker(), { poolSize: 1 }), 'web');
    expect(node.final.type).toBe('done');
    expect(web.final.type).toBe('done');
    expect(node.epochs.map((m) => m.epoch)).toEqual(Array.from({ length: EPOCHS }, (_, i) => i + 1));
    expect(web.epochs).toEqual(node.epochs);
    expect(weightsOf(web.final)).toEqual(weightsOf(node.final));
    // The loss moved: the comparison is between real trainings, not two empty ones.
    expect(node.epochs[EPOCHS - 1].loss).toBeLessThan(node.epochs[0].loss);
  }, 600_000);
});
