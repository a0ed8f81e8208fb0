// The browser build's training worker: the one worker body (runtime/worker-body.ts) on a
// module Web Worker's scope, with a second core for the large products when the page named it so
// (web-api.ts) and is cross-origin isolated (else one thread, the same numbers).
import '../no-eval';
import { setKernels } from '../../../core/index';
import { runWorkerBody } from '../../../runtime/worker-body';
import { webScopeTransport, type WorkerScopeLike } from '../../../runtime/web-worker';
import { webHelperStarter, WITH_HELPER } from '../../../runtime/web-worker-helper';

if (self.name.endsWith(WITH_HELPER) && self.crossOriginIsolated) {
  setKernels('wasm', {
    helper: webHelperStarter(() => new Worker(new URL('./dense-helper.ts', import.meta.url), { type: 'module', name: 'bpnn-helper' })),
  });
}
runWorkerBody(webScopeTransport(self as unknown as WorkerScopeLike));
