// The one training host: one worker per run, at most `poolSize` at once (the rest wait their
// turn), every message validated both ways (B6), and exactly one terminal event per started
// run whatever the worker does: finishes, throws, runs out of memory, exits, or stops answering
// (B3–B5). A run's memory is estimated before any worker exists: one that cannot fit is
// refused, and runs that would not fit together wait for each other (B5). How a worker is made
// is an adapter (node-worker.ts for worker_threads, web-worker.ts for a browser Web Worker), so
// the desktop app, the browser build and the CLI say the same things to the user.
import {
  OUT_OF_MEMORY_MESSAGE,
  OUT_OF_MEMORY_TEXT,
  checkMemory,
  chosenMemoryBudget,
  estimateRequestMemory,
  isOutOfMemory,
  render,
  say,
  unexpectedStopMessage,
  unexpectedStopSaid,
  validateSettings,
  type Text,
  type MemoryBudget,
  type TrainingEvent,
  type TrainProblem,
} from '../core/index';
import type { StartTrainingRequest, StartTrainingResult } from './api';
import { issuesToProblems, parseWorkerMessage, RunIdSchema, StartTrainingRequestSchema, TERMINAL_TYPES, type WorkerCommand } from './protocol';
import { UNRESPONSIVE_MESSAGE, UNRESPONSIVE_TEXT, CLOSING_MESSAGE, CLOSING_TEXT, STOPPED_BEFORE_START_TEXT, DUPLICATE_RUN_TEXT, ENDED_BEFORE_START_TEXT, WORKER_COULD_NOT_START_TEXT } from './messages';

/** How long a worker has to honour Stop before it is terminated (B3). */
export const DEFAULT_STOP_GRACE_MS = 3000;

/** What the pool hears from one worker. */
export interface WorkerSignals {
  message(data: unknown): void;
  /** The worker failed (an uncaught exception, its memory limit): it is gone or about to be. */
  error(err: unknown): void;
  /** The worker is gone; code null when the platform tells none (a Web Worker). */
  exit(code: number | null): void;
}

/** One worker, as the pool drives it. */
export interface SpawnedWorker {
  post(cmd: WorkerCommand): void;
  /** End it now; the adapter reports exit once it is gone. */
  terminate(): void;
}

/** Makes a worker (throws when none can be made). */
export type SpawnWorker = (signals: WorkerSignals) => SpawnedWorker;

export interface PoolOptions {
  spawn: SpawnWorker;
  poolSize: number;
  /** What runs may use together when a request sets no memory limit of its own. */
  memoryBudget: MemoryBudget;
  stopGraceMs?: number;
  /** Where dropped messages and worker failures are noted. */
  log?: (message: string) => void;
}

export type TrainingListener = (event: TrainingEvent, transfer: ArrayBuffer[]) => void;

interface Run {
  runId: string;
  req: StartTrainingRequest;
  state: 'queued' | 'starting' | 'running' | 'ended';
  worker: SpawnedWorker | null;
  settleStart: (result: StartTrainingResult) => void;
  graceTimer: ReturnType<typeof setTimeout> | null;
  exited: Promise<void>;
  /** The estimate of its memory (0 when the engine will refuse it anyway), and what it may use. */
  memory: number;
  budget: MemoryBudget;
}

/** A start refused by the pool itself; `said` is a Text whenever there are words for it in the catalogs. */
function refusal(field: string, said: Text | string, message = typeof said === 'string' ? said : render(said)): StartTrainingResult {
  const problem: TrainProblem = typeof said === 'string' ? { code: 'bad-setting', field, message } : { code: 'bad-setting', field, message, text: said };
  return { ok: false, problems: [problem] };
}

const TERMINAL = new Set<string>(TERMINAL_TYPES);

export function isTerminal(event: TrainingEvent): boolean {
  return TERMINAL.has(event.type);
}

export class TrainingPool {
  readonly poolSize: number;
  private readonly runs = new Map<string, Run>();
  private readonly queue: Run[] = [];
  private readonly listeners = new Set<TrainingListener>();
  private readonly opts: PoolOptions;
  private active = 0;
  /** Estimated bytes of the runs whose workers are alive. */
  private reserved = 0;

  constructor(opts: PoolOptions) {
    this.opts = opts;
    this.poolSize = Math.max(1, Math.floor(opts.poolSize));
  }

  onEvent(listener: TrainingListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ids of runs not yet ended (queued or running). */
  liveRuns(): string[] {
    return [...this.runs.values()].filter((r) => r.state !== 'ended').map((r) => r.runId);
  }

  /** Runs whose worker is alive. */
  activeRuns(): string[] {
    return [...this.runs.values()].filter((r) => r.state === 'starting' || r.state === 'running').map((r) => r.runId);
  }

  /** Runs waiting for a free worker, in order. */
  queuedRuns(): string[] {
    return this.queue.map((r) => r.runId);
  }

  /**
   * Validates the request before anything is spawned, then starts it (or queues it until a
   * worker is free). Settles when the run has started or was refused.
   */
  start(payload: unknown): Promise<StartTrainingResult> {
    const parsed = StartTrainingRequestSchema.safeParse(payload);
    if (!parsed.success) return Promise.resolve({ ok: false, problems: issuesToProblems(parsed.error) });
    // The schema checks structure; node ids are branded only at the type level.
    const req = parsed.data as unknown as StartTrainingRequest;
    // The engine's own checks (ranges, e.g. lr > 0) also run before any worker is spawned.
    const settingsProblems = validateSettings(req.request.settings);
    if (settingsProblems.length > 0) return Promise.resolve({ ok: false, problems: settingsProblems });
    const existing = this.runs.get(req.runId);
    if (existing && existing.state !== 'ended') return Promise.resolve(refusal('runId', DUPLICATE_RUN_TEXT));
    // Before a worker exists: its heap limit would not stop its typed arrays, and a browser tab
    // that cannot hold the run would go down with it.
    const budget = chosenMemoryBudget(req.memoryLimit, this.opts.memoryBudget);
    const estimate = estimateRequestMemory(req.request, { boundaryResolution: req.boundaryResolution, neuronResolution: req.neuronResolution });
    if (estimate) {
      const verdict = checkMemory(estimate, budget);
      if (!verdict.ok) return Promise.resolve({ ok: false, problems: [verdict.problem] });
    }
    return new Promise<StartTrainingResult>((resolve) => {
      const run: Run = {
        runId: req.runId,
        req,
        state: 'queued',
        worker: null,
        settleStart: resolve,
        graceTimer: null,
        exited: Promise.resolve(),
        memory: estimate ? estimate.bytes : 0,
        budget,
      };
      this.runs.set(run.runId, run);
      this.queue.push(run);
      this.pump();
    });
  }

  pause(runId: unknown): void {
    this.command(runId, { kind: 'pause' });
  }

  resume(runId: unknown): void {
    this.command(runId, { kind: 'resume' });
  }

  step(runId: unknown): void {
    this.command(runId, { kind: 'step' });
  }

  stop(runId: unknown): void {
    const run = this.lookup(runId);
    if (!run) return;
    if (run.state === 'queued') {
      this.queue.splice(this.queue.indexOf(run), 1);
      run.state = 'ended';
      run.settleStart(refusal('runId', STOPPED_BEFORE_START_TEXT));
      return;
    }
    if (run.state === 'ended') return;
    this.command(run.runId, { kind: 'stop' });
    if (run.graceTimer === null) {
      run.graceTimer = setTimeout(() => this.forceEnd(run), this.opts.stopGraceMs ?? DEFAULT_STOP_GRACE_MS);
    }
  }

  /** Stop everything now (quitting): terminate every worker and wait for each to exit. */
  async dispose(): Promise<void> {
    for (const run of [...this.queue]) this.stop(run.runId);
    const live = [...this.runs.values()].filter((r) => r.worker);
    for (const run of live) this.endRun(run, { type: 'error', runId: run.runId, message: CLOSING_MESSAGE, text: CLOSING_TEXT });
    await Promise.all(live.map((r) => r.exited));
  }

  private lookup(runId: unknown): Run | null {
    const id = RunIdSchema.safeParse(runId);
    return id.success ? (this.runs.get(id.data) ?? null) : null;
  }

  private command(runId: unknown, cmd: WorkerCommand): void {
    const run = this.lookup(runId);
    if (!run || !run.worker || run.state === 'ended') return;
    run.worker.post(cmd);
  }

  private pump(): void {
    while (this.active < this.poolSize && this.queue.length > 0) {
      const run = this.queue[0];
      // Runs that would not fit in memory together wait; a run alone always starts (it fits by itself).
      if (this.active > 0 && this.reserved + run.memory > run.budget.bytes) return;
      this.queue.shift();
      this.spawn(run);
    }
  }

  private spawn(run: Run): void {
    this.active += 1;
    this.reserved += run.memory;
    run.state = 'starting';
    let crash: string | null = null;
    let resolveExit: () => void = () => {};
    run.exited = new Promise<void>((resolve) => {
      resolveExit = resolve;
    });
    let gone = false;
    const signals: WorkerSignals = {
      message: (data) => this.onWorkerMessage(run, data),
      error: (err) => {
        // The heap limit (ERR_WORKER_OUT_OF_MEMORY) or a typed array the machine could not give.
        const e = err as { message?: unknown } | null;
        crash = isOutOfMemory(err) ? OUT_OF_MEMORY_MESSAGE : (e && typeof e.message === 'string' && e.message) || String(err);
        this.log(`training worker ${run.runId} failed: ${crash}`);
      },
      exit: (code) => {
        if (gone) return;
        gone = true;
        this.active -= 1;
        this.reserved -= run.memory;
        run.worker = null;
        if (run.graceTimer) clearTimeout(run.graceTimer);
        run.graceTimer = null;
        if (run.state !== 'ended') this.failRun(run, crash ?? (code === null ? say('host.run.workerEnded') : say('host.run.workerExited', { code })));
        resolveExit();
        this.pump();
      },
    };
    let worker: SpawnedWorker;
    try {
      worker = this.opts.spawn(signals);
    } catch (e) {
      gone = true;
      this.active -= 1;
      this.reserved -= run.memory;
      run.state = 'ended';
      resolveExit();
      run.settleStart(refusal('runId', unexpectedStopSaid(e instanceof Error ? e.message : WORKER_COULD_NOT_START_TEXT)));
      this.pump();
      return;
    }
    if (!gone) run.worker = worker;
    worker.post({ kind: 'start', req: run.req as unknown as Extract<WorkerCommand, { kind: 'start' }>['req'], memoryBudget: run.budget });
  }

  private onWorkerMessage(run: Run, data: unknown): void {
    const msg = parseWorkerMessage(data);
    if (!msg) {
      this.log(`training worker ${run.runId}: dropped a malformed message`);
      return;
    }
    if (run.state === 'ended') return;
    if (msg.kind === 'started') {
      if (run.state !== 'starting') return;
      run.state = 'running';
      run.settleStart({ ok: true, shapes: msg.shapes });
      return;
    }
    if (msg.kind === 'rejected') {
      if (run.state !== 'starting') return;
      run.state = 'ended';
      run.settleStart({ ok: false, problems: msg.problems });
      run.worker?.terminate();
      return;
    }
    const event = msg.event;
    if (run.state !== 'running' || event.runId !== run.runId) {
      this.log(`training worker ${run.runId}: dropped an event for another or unstarted run`);
      return;
    }
    if (isTerminal(event)) {
      this.endRun(run, event);
      return;
    }
    this.deliver(event);
  }

  private deliver(event: TrainingEvent): void {
    const transfer = event.type === 'boundary' ? [event.probs.buffer as ArrayBuffer] : [];
    for (const l of [...this.listeners]) {
      try {
        l(event, transfer);
      } catch (e) {
        this.log(`a training listener threw: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  /** The one place a run ends: mark it, emit its terminal event once, free the worker. */
  private endRun(run: Run, terminal: TrainingEvent): void {
    if (run.state === 'ended') return;
    const wasStarting = run.state === 'starting';
    run.state = 'ended';
    if (run.graceTimer) clearTimeout(run.graceTimer);
    run.graceTimer = null;
    if (wasStarting) {
      if (terminal.type === 'error') run.settleStart(refusal('runId', terminal.text ?? terminal.message, terminal.message));
      else run.settleStart(refusal('runId', ENDED_BEFORE_START_TEXT));
    } else {
      this.deliver(terminal);
    }
    run.worker?.terminate();
  }

  /** `reason`: the worker's own error message (a bug's, in English), or the host's words for how it ended. */
  private failRun(run: Run, reason: string | Text): void {
    if (reason === OUT_OF_MEMORY_MESSAGE) return this.endRun(run, { type: 'error', runId: run.runId, message: reason, text: OUT_OF_MEMORY_TEXT });
    this.endRun(run, { type: 'error', runId: run.runId, message: unexpectedStopMessage(reason), text: unexpectedStopSaid(reason) });
  }

  private forceEnd(run: Run): void {
    run.graceTimer = null;
    if (run.state === 'ended') return;
    this.log(`training worker ${run.runId} ignored Stop; terminating it`);
    this.endRun(run, { type: 'error', runId: run.runId, message: UNRESPONSIVE_MESSAGE, text: UNRESPONSIVE_TEXT });
  }

  private log(message: string): void {
    this.opts.log?.(message);
  }
}

/**
 * Whether each of `poolSize` training workers may have a second core (a helper thread) to
 * itself: a helper sharing a core with another run's worker would slow both. One rule for the
 * Node and the browser pools.
 */
export function helperWanted(poolSize: number, cores: number | undefined): boolean {
  return cores !== undefined && Number.isFinite(cores) && 2 * poolSize <= cores;
}
