// Runs trainings in Web Workers for the browser build: one worker per run (several runs may
// go at once), events fanned out to subscribers, the worker ended after its terminal event.
// The worker factory is injected so the host is tested with a fake worker in Node.
import { unexpectedStopMessage } from '../../../core/index';
import type { StartTrainingRequest, StartTrainingResult, TrainingEvent } from '../../../electron/ipc/contract';
import { isTerminal, parseFromWorker, type ToWorker } from './worker-protocol';

/** The part of a Worker the host uses. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message?: string; preventDefault?: () => void }) => void) | null;
}

/** How long a stopping run may take before its worker is ended by force (B3). */
export const STOP_GRACE_MS = 3_000;

interface Run {
  worker: WorkerLike;
  started: boolean;
  stopTimer: ReturnType<typeof setTimeout> | null;
}

export class WebTrainingHost {
  private readonly runs = new Map<string, Run>();
  private readonly listeners = new Set<(event: TrainingEvent) => void>();

  constructor(private readonly createWorker: () => WorkerLike) {}

  onEvent(listener: (event: TrainingEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(req: StartTrainingRequest): Promise<StartTrainingResult> {
    if (this.runs.has(req.runId)) {
      return Promise.resolve({
        ok: false,
        problems: [{ code: 'bad-setting', field: 'runId', message: 'A run with this id is already in progress.' }],
      });
    }
    const worker = this.createWorker();
    const run: Run = { worker, started: false, stopTimer: null };
    this.runs.set(req.runId, run);
    return new Promise<StartTrainingResult>((resolve) => {
      worker.onmessage = (e) => {
        const msg = parseFromWorker(e.data);
        if (!msg) return;
        if (msg.type === 'started') {
          run.started = true;
          if (!msg.result.ok) this.end(req.runId);
          resolve(msg.result);
          return;
        }
        if (msg.event.runId !== req.runId) return;
        this.emit(msg.event);
        if (isTerminal(msg.event)) this.end(req.runId);
      };
      worker.onerror = (e) => {
        e.preventDefault?.();
        const message = unexpectedStopMessage(e.message || 'the training worker crashed');
        if (!run.started) {
          this.end(req.runId);
          resolve({ ok: false, problems: [{ code: 'bad-setting', field: 'worker', message }] });
          return;
        }
        this.fail(req.runId, message);
      };
      worker.postMessage({ type: 'start', req });
    });
  }

  pause(runId: string): void {
    this.send(runId, { type: 'pause' });
  }

  resume(runId: string): void {
    this.send(runId, { type: 'resume' });
  }

  step(runId: string): void {
    this.send(runId, { type: 'step' });
  }

  stop(runId: string): void {
    const run = this.runs.get(runId);
    if (!run) return;
    run.worker.postMessage({ type: 'stop' });
    run.stopTimer ??= setTimeout(
      () => this.fail(runId, 'Training did not stop in time and was ended. Your project is safe; the weights of this run were not kept.'),
      STOP_GRACE_MS,
    );
  }

  /** Runs whose worker is alive. */
  activeRuns(): string[] {
    return [...this.runs.keys()];
  }

  private send(runId: string, msg: ToWorker): void {
    this.runs.get(runId)?.worker.postMessage(msg);
  }

  private emit(event: TrainingEvent): void {
    for (const l of this.listeners) l(event);
  }

  private fail(runId: string, message: string): void {
    if (!this.runs.has(runId)) return;
    this.end(runId);
    this.emit({ type: 'error', runId, message });
  }

  private end(runId: string): void {
    const run = this.runs.get(runId);
    if (!run) return;
    this.runs.delete(runId);
    if (run.stopTimer) clearTimeout(run.stopTimer);
    run.worker.onmessage = null;
    run.worker.onerror = null;
    run.worker.terminate();
  }
}
