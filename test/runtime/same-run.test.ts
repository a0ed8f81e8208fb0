// One run, two adapters: the XOR example with a fixed seed through the worker_threads pool (the
// CLI's worker entry, as `bpnn sweep` starts it) and through the Web Worker adapter, whose
// worker body runs in this process on a stand-in Worker scope. Same epochs, same losses, same
// weights, bit for bit.
import { describe, expect, it } from 'vitest';
import type { EpochMetrics, TrainingEvent, Weights } from '../../core/index';
import { CLI_WORKER_PATH } from '../../cli/pool';
import { createNodePool } from '../../runtime/node-worker';
import type { TrainingPool } from '../../runtime/pool';
import { createWebPool, webScopeTransport, type WorkerLike, type WorkerScopeLike } from '../../runtime/web-worker';
import type { WorkerCommand } from '../../runtime/protocol';
import { runWorkerBody } from '../../runtime/worker-body';
import { xorRequest } from '../electron/helpers/requests';

const EPOCHS = 300;

/** A Worker whose other side is the shipped worker body on a Web Worker scope, in this process. */
class InProcessWebWorker implements WorkerLike {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message?: string; preventDefault?: () => void }) => void) | null = null;
  /** terminate(): nothing more reaches the page. close() inside: nothing more reaches the worker. */
  private terminated = false;
  private scopeClosed = false;
  private readonly scope: WorkerScopeLike;

  constructor() {
    // Messages are cloned and delivered on a later task, as a real Worker's are.
    this.scope = {
      postMessage: (msg) => {
        const copy = structuredClone(msg);
        setImmediate(() => {
          if (!this.terminated) this.onmessage?.({ data: copy });
        });
      },
      onmessage: null,
      close: () => {
        this.scopeClosed = true;
      },
    };
    runWorkerBody(webScopeTransport(this.scope));
  }

  postMessage(message: WorkerCommand): void {
    const copy = structuredClone(message);
    setImmediate(() => {
      if (!this.scopeClosed && !this.terminated) this.scope.onmessage?.({ data: copy });
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

async function trainOnce(pool: TrainingPool, runId: string): Promise<{ epochs: EpochMetrics[]; final: TrainingEvent }> {
  const epochs: EpochMetrics[] = [];
  const ended = new Promise<TrainingEvent>((resolve) => {
    pool.onEvent((e) => {
      if (e.runId !== runId) return;
      if (e.type === 'progress') epochs.push(...e.epochs);
      if (e.type === 'done' || e.type === 'stopped' || e.type === 'diverged' || e.type === 'error') resolve(e);
    });
  });
  const started = await pool.start(xorRequest(runId, EPOCHS));
  expect(started.ok).toBe(true);
  const final = await ended;
  await pool.dispose();
  return { epochs, final };
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
  }, 60_000);
});
