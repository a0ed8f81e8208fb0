// Entry of the training worker thread: the engine's real session behind the one worker body.
// scripts/build-electron.mjs bundles it as dist/electron/training-worker.cjs; the CLI loads it
// through training-worker.mjs.
import { runWorkerBody } from './worker-body';
import { nodeThreadTransport, useHelperThread } from './node-worker-thread';

useHelperThread();
runWorkerBody(nodeThreadTransport());
