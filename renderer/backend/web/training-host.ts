// Runs trainings in Web Workers for the browser build: one worker per run, at most `poolSize`
// at once (the rest wait in line, as on the desktop's worker pool), events fanned out to
// subscribers, the worker ended after its terminal event. The pool leaves a core for the page:
// five workers on two cores starve the main thread (a 15 ms chart update took 60–100 ms of
// wall time during a five-run sweep). The worker factory is injected so the host is tested
// with a fake worker in Node. A run's memory is estimated before its worker exists: one that
// cannot fit is refused, and runs that would not fit together wait for each other (B5).
import {
  OUT_OF_MEMORY_MESSAGE,
  checkMemory,
  chosenMemoryBudget,
  estimateRequestMemory,
  isOutOfMemory,
  unexpectedStopMessage,
  type MemoryBudget,
} from '../../../core/index';
import { browserMemoryBudget } from './memory';
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
  /** Its estimated bytes (0 when the engine will refuse it anyway). */
  memory: number;
}

/** Workers at once: one core fewer than the machine has (at least one). */
export function defaultPoolSize(cores: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
  return Math.max(1, (cores && Number.isFinite(cores) ? Math.floor(cores) : 2) - 1);
}

interface Waiting {
  req: StartTrainingRequest;
  settle: (r: StartTrainingResult) => void;
  memory: number;
  budget: MemoryBudget;
}

export class WebTrainingHost {
  private readonly runs = new Map<string, Run>();
  private readonly waiting: Waiting[] = [];
  private readonly listeners = new Set<(event: TrainingEvent) => void>();

  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly poolSize = defaultPoolSize(),
    /** What runs may use together when a request sets no memory limit of its own. */
    private readonly memoryBudget: MemoryBudget = browserMemoryBudget(),
  ) {}

  onEvent(listener: (event: TrainingEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the run, or queues it until a worker is free; settles when it has started or was refused. */
  start(req: StartTrainingRequest): Promise<StartTrainingResult> {
    if (this.runs.has(req.runId) || this.waiting.some((w) => w.req.runId === req.runId)) {
      return Promise.resolve({
        ok: false,
        problems: [{ code: 'bad-setting', field: 'runId', message: 'A run with this id is already in progress.' }],
      });
    }
    // Before a worker exists: a run the tab cannot hold would take the page down with it.
    const budget = chosenMemoryBudget(req.memoryLimit, this.memoryBudget);
    const estimate = estimateRequestMemory(req.request, { boundaryResolution: req.boundaryResolution, neuronResolution: req.neuronResolution });
    if (estimate) {
      const verdict = checkMemory(estimate, budget);
      if (!verdict.ok) return Promise.resolve({ ok: false, problems: [verdict.problem] });
    }
    const memory = estimate ? estimate.bytes : 0;
    if (this.runs.size >= this.poolSize || this.waiting.length > 0 || !this.fits(memory, budget)) {
      return new Promise<StartTrainingResult>((settle) => this.waiting.push({ req, settle, memory, budget }));
    }
    return this.launch(req, memory, budget);
  }

  /** Runs that would not fit in memory together wait; a run alone always starts (it fits by itself). */
  private fits(memory: number, budget: MemoryBudget): boolean {
    let reserved = 0;
    for (const r of this.runs.values()) reserved += r.memory;
    return this.runs.size === 0 || reserved + memory <= budget.bytes;
  }

  private launch(req: StartTrainingRequest, memory: number, budget: MemoryBudget): Promise<StartTrainingResult> {
    const worker = this.createWorker();
    const run: Run = { worker, started: false, stopTimer: null, memory };
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
        const message = isOutOfMemory(e.message) ? OUT_OF_MEMORY_MESSAGE : unexpectedStopMessage(e.message || 'the training worker crashed');
        if (!run.started) {
          this.end(req.runId);
          resolve({ ok: false, problems: [{ code: 'bad-setting', field: 'worker', message }] });
          return;
        }
        this.fail(req.runId, message);
      };
      worker.postMessage({ type: 'start', req, budget });
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
    const queued = this.waiting.findIndex((w) => w.req.runId === runId);
    if (queued >= 0) {
      const [w] = this.waiting.splice(queued, 1);
      w.settle({ ok: false, problems: [{ code: 'bad-setting', field: 'runId', message: 'The run was stopped before it started.' }] });
      return;
    }
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

  /** Runs waiting for a free worker, in order. */
  queuedRuns(): string[] {
    return this.waiting.map((w) => w.req.runId);
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
    // A worker is free: the next runs in line start, as many as fit.
    while (this.waiting.length > 0 && this.runs.size < this.poolSize && this.fits(this.waiting[0].memory, this.waiting[0].budget)) {
      const next = this.waiting.shift() as Waiting;
      void this.launch(next.req, next.memory, next.budget).then(next.settle);
    }
  }
}
