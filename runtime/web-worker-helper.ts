// The Web Worker adapter for the second core (core/kernels/dense-split.ts): the training worker
// starts a nested worker that takes half of each large product. It ends with the training worker
// (a closed worker's own workers end with it) or with the kernels' next choice (setKernels).
import type { HelperInit, StartHelper } from '../core/index';

/** The part of a Worker the adapter uses. */
export interface HelperWorkerLike {
  postMessage(init: HelperInit): void;
  terminate(): void;
}

/** The training worker's name ends with this when it may start a helper. */
export const WITH_HELPER = '+helper';

export function webHelperStarter(createWorker: () => HelperWorkerLike): StartHelper {
  return (init) => {
    const worker = createWorker();
    worker.postMessage(init);
    return { terminate: () => worker.terminate() };
  };
}

/** What the helper's entry needs of its Web Worker scope. */
export interface HelperScopeLike {
  onmessage: ((e: { data: unknown }) => void) | null;
}

/** Inside the helper worker: the first message is the shared memory and control; then it never returns. */
export function runHelperScope(scope: HelperScopeLike, run: (init: HelperInit) => void): void {
  scope.onmessage = (e) => {
    scope.onmessage = null;
    run(e.data as HelperInit);
  };
}
