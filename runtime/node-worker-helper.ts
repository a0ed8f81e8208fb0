// The worker_threads adapter for the second core (core/kernels/dense-split.ts): the thread that
// takes half of each large product. Unreferenced, so it never keeps a process alive, and ended
// with the kernels' choice (setKernels), or with the training worker that started it.
import { Worker } from 'node:worker_threads';
import type { StartHelper } from '../core/index';

/** `entryPath`: a file plain Node loads, node-worker-helper-entry.ts's HELPER_ENTRY_TS or dist/electron/dense-helper.cjs. */
export function nodeHelperStarter(entryPath: string): StartHelper {
  return (init) => {
    const worker = new Worker(entryPath, { workerData: init, execArgv: [] });
    worker.unref();
    // A helper that cannot start never reports ready: the products stay on one thread.
    worker.on('error', () => {});
    return { terminate: () => void worker.terminate() };
  };
}
