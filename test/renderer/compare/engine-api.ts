// A BpnnApi whose training runs the real engine in this thread, synchronously: startTraining
// trains the request to its end and emits progress, a boundary and the terminal event, as the
// workers do. Lets store tests check real numbers (shared weights, identical re-runs).
import { createTrainingSession, type TrainingEvent } from '../../../core/index';
import type { BpnnApi, StartTrainingRequest, StartTrainingResult } from '../../../runtime/api';

export function engineApi(): { api: BpnnApi; requests: StartTrainingRequest[]; stops: string[] } {
  const listeners = new Set<(e: TrainingEvent) => void>();
  const requests: StartTrainingRequest[] = [];
  const stops: string[] = [];
  const emit = (e: TrainingEvent) => listeners.forEach((l) => l(e));
  const api = {
    startTraining: async (req: StartTrainingRequest): Promise<StartTrainingResult> => {
      requests.push(req);
      const created = createTrainingSession(req.request, { now: () => 0 });
      if (!created.ok) return { ok: false, problems: created.problems };
      const { session } = created;
      // Emit after the start has resolved, as a worker does.
      queueMicrotask(() => {
        for (;;) {
          const r = session.runBatches(50);
          if (r.epochs.length) emit({ type: 'progress', runId: req.runId, epochs: r.epochs, batch: 0 });
          if (r.finished) {
            const grid = req.boundaryResolution > 0 ? session.decisionGrid(req.boundaryResolution) : null;
            if (grid) emit({ type: 'boundary', runId: req.runId, epoch: session.epoch, res: req.boundaryResolution, numClasses: Math.round(grid.length / req.boundaryResolution ** 2), probs: grid.slice() });
            emit({ type: r.finished.state === 'diverged' ? 'diverged' : 'done', runId: req.runId, result: r.finished, weights: session.weights() });
            return;
          }
        }
      });
      return { ok: true, shapes: created.shapes };
    },
    stopTraining: async (id: string) => void stops.push(id),
    onTrainingEvent: (l: (e: TrainingEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  } as unknown as BpnnApi;
  return { api, requests, stops };
}

/** Resolves once every queued microtask (the fake runs) has run. */
export const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
