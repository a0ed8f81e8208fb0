// The browser build's second core: a Web Worker the training worker starts (worker.ts) to take
// half of each large product on their shared memory.
import { runSplitHelper } from '../../../core/kernels/split-helper';
import { runHelperScope, type HelperScopeLike } from '../../../runtime/web-worker-helper';

runHelperScope(self as unknown as HelperScopeLike, runSplitHelper);
