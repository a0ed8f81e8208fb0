// Entry of the helper thread started by node-worker-helper.ts. Imports the helper's module alone,
// not core/index, so the thread is ready sooner.
import { workerData } from 'node:worker_threads';
import { runSplitHelper } from '../core/kernels/split-helper';
import type { HelperInit } from '../core/kernels/split-protocol';

runSplitHelper(workerData as HelperInit);
