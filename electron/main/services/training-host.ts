// The desktop app's training host: the one training pool (runtime/pool.ts) on worker threads
// running the bundled worker (dist/electron/training-worker.cjs). Everything it promises
// (validation before spawning, one terminal event per run, the memory check, B3–B6) is the pool's.
import { totalmem } from 'node:os';
import { automaticMemoryBudget, type MemoryBudget } from '../../../core/index';
import { TrainingPool } from '../../../runtime/pool';
import { DEFAULT_RESOURCE_LIMITS, defaultPoolSize, nodeWorkerSpawner, withHelper, type NodeWorkerOptions } from '../../../runtime/node-worker';

export { OUT_OF_MEMORY_MESSAGE, UNRESPONSIVE_MESSAGE } from '../../../runtime/messages';
export { DEFAULT_STOP_GRACE_MS } from '../../../runtime/pool';
export { DEFAULT_RESOURCE_LIMITS, defaultPoolSize };

export interface TrainingHostOptions extends NodeWorkerOptions {
  poolSize?: number;
  stopGraceMs?: number;
  /**
   * What runs may use together when a request sets no memory limit of its own; default: half
   * of this computer's memory. Typed arrays live outside the heap resourceLimits caps.
   */
  memoryBudget?: MemoryBudget;
  /** Where dropped messages and worker failures are noted (main's log). */
  log?: (message: string) => void;
}

export class TrainingHost extends TrainingPool {
  constructor(opts: TrainingHostOptions) {
    const poolSize = opts.poolSize ?? defaultPoolSize();
    super({
      spawn: nodeWorkerSpawner({ ...opts, helperPath: withHelper(poolSize, opts.helperPath) }),
      poolSize,
      memoryBudget: opts.memoryBudget ?? automaticMemoryBudget(totalmem(), 'computer'),
      stopGraceMs: opts.stopGraceMs,
      log: opts.log,
    });
  }
}
