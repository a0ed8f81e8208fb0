// Messages between the page and the training Web Worker (one worker per run).
import type { MemoryBudget } from '../../../core/index';
import type { StartTrainingRequest, StartTrainingResult, TrainingEvent } from '../../../electron/ipc/contract';

export type ToWorker =
  /** budget: what the page decided the run may use; the worker's engine checks it again. */
  | { type: 'start'; req: StartTrainingRequest; budget: MemoryBudget }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'started'; result: StartTrainingResult }
  | { type: 'event'; event: TrainingEvent };

const TERMINAL = new Set(['done', 'stopped', 'diverged', 'error']);

export function isTerminal(event: TrainingEvent): boolean {
  return TERMINAL.has(event.type);
}

/** Drops anything that is not a message this protocol defines (B6: never forward junk). */
export function parseFromWorker(data: unknown): FromWorker | null {
  if (typeof data !== 'object' || data === null) return null;
  const msg = data as { type?: unknown; result?: unknown; event?: unknown };
  if (msg.type === 'started' && typeof msg.result === 'object' && msg.result !== null) return msg as FromWorker;
  if (msg.type === 'event' && typeof msg.event === 'object' && msg.event !== null) {
    const ev = msg.event as { type?: unknown; runId?: unknown };
    if (typeof ev.type === 'string' && typeof ev.runId === 'string') return msg as FromWorker;
  }
  return null;
}
