// The hosts a run can go through, for the tests that compare them: the shipped Web Worker body
// on a stand-in Worker scope in this process (what the browser build runs, without a
// browser), and one run driven to its end on any pool.
import type { EpochMetrics, TrainingEvent } from '../../core/index';
import type { TrainingPool } from '../../runtime/pool';
import type { StartTrainingRequest } from '../../runtime/api';
import type { WorkerCommand } from '../../runtime/protocol';
import { webScopeTransport, type WorkerLike, type WorkerScopeLike } from '../../runtime/web-worker';
import { runWorkerBody } from '../../runtime/worker-body';

/** A Worker whose other side is the shipped worker body on a Web Worker scope, in this process. */
export class InProcessWebWorker implements WorkerLike {
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

/** Starts the run on the pool and resolves with its epochs and its last event (done, stopped, diverged or error). */
export async function trainOnPool(pool: TrainingPool, req: StartTrainingRequest): Promise<{ epochs: EpochMetrics[]; final: TrainingEvent }> {
  const epochs: EpochMetrics[] = [];
  let unsubscribe = (): void => {};
  const ended = new Promise<TrainingEvent>((resolve) => {
    unsubscribe = pool.onEvent((e) => {
      if (e.runId !== req.runId) return;
      if (e.type === 'progress') epochs.push(...e.epochs);
      if (e.type === 'done' || e.type === 'stopped' || e.type === 'diverged' || e.type === 'error') resolve(e);
    });
  });
  const started = await pool.start(req);
  if (!started.ok) throw new Error(started.problems.map((p) => p.message).join(' '));
  const final = await ended;
  unsubscribe();
  return { epochs, final };
}
