// The worker side of the worker_threads adapter: the transport the worker body runs on inside
// a thread started by node-worker.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { kernelKind, setKernels } from '../core/index';
import type { NodeWorkerData } from './node-worker';
import { nodeHelperStarter } from './node-worker-helper';
import type { WorkerTransport } from './worker-body';

/** Starts the second core's thread when the pool gave its entry; it ends with the run (close). */
export function useHelperThread(): void {
  const path = (workerData as NodeWorkerData | null)?.helperPath;
  if (path) setKernels(kernelKind(), { helper: nodeHelperStarter(path) });
}

export function nodeThreadTransport(): WorkerTransport {
  const port = parentPort;
  if (!port) throw new Error('the training worker must run on a worker thread');
  const pending = new Int32Array((workerData as NodeWorkerData).pending);
  return {
    post: (msg, transfer) => port.postMessage(msg, transfer ?? []),
    onMessage: (fn) =>
      port.on('message', (raw: unknown) => {
        Atomics.sub(pending, 0, 1);
        fn(raw);
      }),
    close: () => {
      // The helper is unreferenced and would end with this thread anyway; ending it now frees its core at once.
      setKernels(kernelKind());
      port.close();
    },
    yieldToLoop: () => new Promise<void>((resolve) => setImmediate(resolve)),
    now: () => performance.now(),
    interrupted: () => Atomics.load(pending, 0) > 0,
  };
}

/** The extra data the pool was given for its workers (test entries only). */
export function workerExtra(): unknown {
  return (workerData as NodeWorkerData | null)?.extra;
}
