// The CLI's training pool: the one runtime (runtime/pool.ts) on worker threads. The CLI runs
// TypeScript without a build step, so each worker starts from training-worker.mjs, which loads
// tsx itself and then the shipped worker body; nothing is bundled at run time.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { MemoryBudget } from '../core/index';
import { createNodePool } from '../runtime/node-worker';
import { HELPER_ENTRY_TS } from '../runtime/node-worker-helper-entry';
import type { TrainingPool } from '../runtime/pool';

export const CLI_WORKER_PATH = fileURLToPath(new URL('../runtime/training-worker.mjs', import.meta.url));

/** One worker per core: a sweep is the only thing this process does. */
export function sweepPoolSize(): number {
  return Math.max(1, availableParallelism());
}

/** A pool for `runs` runs: no more workers than runs, nor than cores. */
export function cliTrainingPool(runs: number, memoryBudget?: MemoryBudget): TrainingPool {
  return createNodePool({ workerPath: CLI_WORKER_PATH, helperPath: HELPER_ENTRY_TS, poolSize: Math.max(1, Math.min(sweepPoolSize(), runs)), memoryBudget });
}
