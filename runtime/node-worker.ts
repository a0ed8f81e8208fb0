// The pool's worker_threads adapter, used by the desktop main process and the CLI. Each worker
// gets a shared counter of commands posted but not yet read, so a busy slice ends after one
// batch when Stop or Pause is on its way (node-worker-thread.ts reads it).
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { availableParallelism, totalmem } from 'node:os';
import { automaticMemoryBudget, type MemoryBudget } from '../core/index';
import { helperWanted, TrainingPool, type SpawnWorker } from './pool';

/**
 * The JS heap a run may use; the engine's own limits keep real models far below it.
 * Caveat (B5): inside Electron, worker threads share the main process's V8 pointer-compression
 * cage (about 4 GB), so a runaway run could still take the app down where plain Node reports
 * ERR_WORKER_OUT_OF_MEMORY. A utilityProcess has its own heap; the pool keeps the same adapter
 * contract so a utilityProcess adapter can replace this one without touching callers.
 */
export const DEFAULT_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1024 };

/** What every worker thread receives as workerData. */
export interface NodeWorkerData {
  /** Int32Array[1] over a SharedArrayBuffer: commands posted but not yet handled. */
  pending: SharedArrayBuffer;
  /** Anything a test-only worker entry needs (failure injection); the shipped entry ignores it. */
  extra?: unknown;
  /** The helper thread's entry (node-worker-helper.ts), when each run may use a second core. */
  helperPath?: string;
}

export interface NodeWorkerOptions {
  /** A worker entry that loads in plain Node: dist/electron/training-worker.cjs, or runtime/training-worker.mjs. */
  workerPath: string;
  resourceLimits?: ResourceLimits;
  /** Passed to every worker as workerData.extra (test entries only). */
  extra?: unknown;
  /**
   * The second core's thread entry (runtime/node-worker-helper-thread.mjs, or
   * dist/electron/dense-helper.cjs): each run splits its large products with it. Pass it through
   * withHelper, which keeps it only where the cores allow one helper per worker.
   */
  helperPath?: string;
}

export function nodeWorkerSpawner(opts: NodeWorkerOptions): SpawnWorker {
  return (signals) => {
    const shared = new SharedArrayBuffer(4);
    const pending = new Int32Array(shared);
    const workerData: NodeWorkerData = { pending: shared, extra: opts.extra, helperPath: opts.helperPath };
    const worker = new Worker(opts.workerPath, {
      workerData,
      resourceLimits: opts.resourceLimits ?? DEFAULT_RESOURCE_LIMITS,
      // The worker entry loads its own TypeScript loader when it needs one: it must not inherit
      // the parent's loader flags (tsx's under `bpnn sweep`).
      execArgv: [],
    });
    worker.on('error', (err: unknown) => signals.error(err));
    worker.on('exit', (code: number) => signals.exit(code));
    worker.on('message', (data: unknown) => signals.message(data));
    // A message that could not be deserialised is as malformed as junk: dropped and logged (B6).
    worker.on('messageerror', () => signals.message(undefined));
    return {
      post(cmd) {
        // Raise the flag first: the worker checks it between batches and yields to read the message.
        Atomics.add(pending, 0, 1);
        worker.postMessage(cmd);
      },
      terminate() {
        void worker.terminate();
      },
    };
  };
}

/** Workers at once: one core fewer than the machine has (at least one). */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * `helperPath` where each of `poolSize` workers can have a second core to itself, else nothing:
 * a helper sharing a core with another run's worker would slow both.
 */
export function withHelper(poolSize: number, helperPath: string | undefined, cores = availableParallelism()): string | undefined {
  return helperPath !== undefined && helperWanted(poolSize, cores) ? helperPath : undefined;
}

export interface NodePoolOptions extends NodeWorkerOptions {
  poolSize?: number;
  stopGraceMs?: number;
  /** Default: half of this computer's memory. Typed arrays live outside the heap resourceLimits caps. */
  memoryBudget?: MemoryBudget;
  log?: (message: string) => void;
}

export function createNodePool(opts: NodePoolOptions): TrainingPool {
  const poolSize = opts.poolSize ?? defaultPoolSize();
  return new TrainingPool({
    spawn: nodeWorkerSpawner({ ...opts, helperPath: withHelper(poolSize, opts.helperPath) }),
    poolSize,
    memoryBudget: opts.memoryBudget ?? automaticMemoryBudget(totalmem(), 'computer'),
    stopGraceMs: opts.stopGraceMs,
    log: opts.log,
  });
}
