// The pool's browser adapter: one module Web Worker per run, on the page's side, and the
// transport the worker body runs on inside the worker. A Web Worker tells no exit code and
// keeps running after an uncaught error, so the adapter ends it and reports it gone.
import { automaticMemoryBudget, type MemoryBudget } from '../core/index';
import { TrainingPool, type PoolOptions, type SpawnWorker } from './pool';
import type { WorkerCommand, WorkerMessage } from './protocol';
import type { WorkerTransport } from './worker-body';

/** The part of a Worker the adapter uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerCommand): void;
  terminate(): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message?: string; preventDefault?: () => void }) => void) | null;
}

export function webWorkerSpawner(createWorker: () => WorkerLike): SpawnWorker {
  return (signals) => {
    const worker = createWorker();
    let gone = false;
    const end = () => {
      if (gone) return;
      gone = true;
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      signals.exit(null);
    };
    worker.onmessage = (e) => signals.message(e.data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      signals.error({ message: e.message || 'the training worker crashed' });
      end();
    };
    return { post: (cmd) => worker.postMessage(cmd), terminate: end };
  };
}

/** Workers at once: one core fewer than the machine has (at least one), leaving a core for the page. */
export function defaultPoolSize(cores: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
  return Math.max(1, (cores && Number.isFinite(cores) ? Math.floor(cores) : 2) - 1);
}

const GB = 1024 ** 3;

/**
 * The browser's memory budget. A page cannot read the machine's memory; Chromium tells
 * navigator.deviceMemory (in GB, rounded and capped at 8), other browsers nothing, and then the
 * engine's conservative constant applies.
 */
export function browserMemoryBudget(nav: { deviceMemory?: unknown } | undefined = globalThis.navigator as { deviceMemory?: unknown } | undefined): MemoryBudget {
  const gb = nav?.deviceMemory;
  return automaticMemoryBudget(typeof gb === 'number' && gb > 0 ? gb * GB : null, 'browser');
}

export function createWebPool(createWorker: () => WorkerLike, opts: Partial<Omit<PoolOptions, 'spawn'>> = {}): TrainingPool {
  return new TrainingPool({
    spawn: webWorkerSpawner(createWorker),
    poolSize: opts.poolSize ?? defaultPoolSize(),
    memoryBudget: opts.memoryBudget ?? browserMemoryBudget(),
    stopGraceMs: opts.stopGraceMs,
    log: opts.log,
  });
}

/** What the worker body needs of a Web Worker's global scope. */
export interface WorkerScopeLike {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  close(): void;
}

/**
 * The transport inside a Web Worker. A MessageChannel round trip yields to the worker's event
 * loop without setTimeout's 4 ms clamp, so pause/stop messages get through between slices at
 * almost no cost.
 */
export function webScopeTransport(scope: WorkerScopeLike, now: () => number = () => performance.now()): WorkerTransport {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    post: (msg, transfer) => scope.postMessage(msg, transfer ?? []),
    onMessage: (fn) => {
      scope.onmessage = (e) => fn(e.data);
    },
    close: () => {
      channel.port1.close();
      scope.close();
    },
    yieldToLoop: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(0);
      }),
    now,
  };
}
