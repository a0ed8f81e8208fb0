// The browser build's training worker: the one worker body (runtime/worker-body.ts) on a
// module Web Worker's scope.
import '../no-eval';
import { runWorkerBody } from '../../../runtime/worker-body';
import { webScopeTransport, type WorkerScopeLike } from '../../../runtime/web-worker';

runWorkerBody(webScopeTransport(self as unknown as WorkerScopeLike));
