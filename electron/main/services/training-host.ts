// Runs training off the main event loop: one worker thread per run, at most `poolSize` at once
// (the rest wait their turn), every message validated both ways, and exactly one terminal
// event per started run whatever the worker does (finishes, throws, runs out of memory, exits,
// or stops answering). A run's memory is estimated before any thread exists: one that cannot
// fit is refused, and runs that would not fit together wait for each other (B5).
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { availableParallelism, totalmem } from 'node:os';
import {
  OUT_OF_MEMORY_MESSAGE,
  automaticMemoryBudget,
  checkMemory,
  chosenMemoryBudget,
  estimateRequestMemory,
  isOutOfMemory,
  unexpectedStopMessage,
  validateSettings,
  type MemoryBudget,
  type TrainingEvent,
  type TrainProblem,
} from '../../../core/index';
import type { StartTrainingRequest, StartTrainingResult } from '../../ipc/contract';
import {
  issuesToProblems,
  parseWorkerMessage,
  RunIdSchema,
  StartTrainingRequestSchema,
  type WorkerCommand,
} from './training-messages';
import type { TrainingWorkerData, WorkerTestHooks } from './worker-runtime';

export { OUT_OF_MEMORY_MESSAGE };
export const UNRESPONSIVE_MESSAGE = 'Training did not respond to Stop, so it was ended. Your project is safe.';
/** How long a worker has to honour Stop before it is terminated. */
export const DEFAULT_STOP_GRACE_MS = 3000;
/**
 * The JS heap a run may use; the engine's own limits keep real models far below it.
 * Caveat (B5): inside Electron, worker threads share the main process's V8 pointer-compression
 * cage (about 4 GB), so a runaway run could still take the app down where plain Node reports
 * ERR_WORKER_OUT_OF_MEMORY. A utilityProcess has its own heap; the host keeps the same message
 * contract so a utilityProcess backend can replace the Worker here without touching callers.
 */
export const DEFAULT_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1024 };

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

export interface TrainingHostOptions {
  /** The bundled worker file (dist/electron/training-worker.cjs). */
  workerPath: string;
  poolSize?: number;
  resourceLimits?: ResourceLimits;
  stopGraceMs?: number;
  /**
   * What runs may use together when a request sets no memory limit of its own; default: half
   * of this computer's memory. Typed arrays live outside the heap resourceLimits caps.
   */
  memoryBudget?: MemoryBudget;
  /** Tests only: failure injection passed to every worker. */
  testHooks?: WorkerTestHooks;
  /** Where dropped messages and worker failures are noted (main's log). */
  log?: (message: string) => void;
}

type Listener = (event: TrainingEvent, transfer: ArrayBuffer[]) => void;

interface Run {
  runId: string;
  req: StartTrainingRequest;
  state: 'queued' | 'starting' | 'running' | 'ended';
  worker: Worker | null;
  pending: Int32Array | null;
  settleStart: (result: StartTrainingResult) => void;
  graceTimer: ReturnType<typeof setTimeout> | null;
  exited: Promise<void>;
  /** The estimate of its memory (0 when the engine will refuse it anyway), and what it may use. */
  memory: number;
  budget: MemoryBudget;
}

function refusal(field: string, message: string): StartTrainingResult {
  const problem: TrainProblem = { code: 'bad-setting', field, message };
  return { ok: false, problems: [problem] };
}

const TERMINAL = new Set<TrainingEvent['type']>(['done', 'stopped', 'diverged', 'error']);

export class TrainingHost {
  readonly poolSize: number;
  private readonly runs = new Map<string, Run>();
  private readonly queue: Run[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly opts: TrainingHostOptions;
  private readonly memoryBudget: MemoryBudget;
  private active = 0;
  /** Estimated bytes of the runs whose workers are alive. */
  private reserved = 0;

  constructor(opts: TrainingHostOptions) {
    this.opts = opts;
    this.poolSize = Math.max(1, opts.poolSize ?? defaultPoolSize());
    this.memoryBudget = opts.memoryBudget ?? automaticMemoryBudget(totalmem(), 'computer');
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ids of runs not yet ended (queued or running). */
  liveRuns(): string[] {
    return [...this.runs.values()].filter((r) => r.state !== 'ended').map((r) => r.runId);
  }

  /**
   * Validates the request before anything is spawned, then starts it (or queues it until a
   * worker is free). Settles when the run has started or was refused.
   */
  start(payload: unknown): Promise<StartTrainingResult> {
    const parsed = StartTrainingRequestSchema.safeParse(payload);
    if (!parsed.success) return Promise.resolve({ ok: false, problems: issuesToProblems(parsed.error) });
    const req = parsed.data as unknown as StartTrainingRequest;
    // The engine's own checks (ranges, e.g. lr > 0) also run before any thread is spawned.
    const settingsProblems = validateSettings(req.request.settings);
    if (settingsProblems.length > 0) return Promise.resolve({ ok: false, problems: settingsProblems });
    const existing = this.runs.get(req.runId);
    if (existing && existing.state !== 'ended') {
      return Promise.resolve(refusal('runId', 'A run is already in progress with this id.'));
    }
    // Before a thread is spawned: a worker's resourceLimits would not stop its typed arrays.
    const budget = chosenMemoryBudget(req.memoryLimit, this.memoryBudget);
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
        pending: null,
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
      run.settleStart(refusal('runId', 'The run was stopped before it started.'));
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
    for (const run of live) {
      this.endRun(run, { type: 'error', runId: run.runId, message: 'Training was stopped because the app is closing.' });
    }
    await Promise.all(live.map((r) => r.exited));
  }

  private lookup(runId: unknown): Run | null {
    const id = RunIdSchema.safeParse(runId);
    return id.success ? (this.runs.get(id.data) ?? null) : null;
  }

  private command(runId: unknown, cmd: WorkerCommand): void {
    const run = this.lookup(runId);
    if (!run || !run.worker || run.state === 'ended' || !run.pending) return;
    // Raise the flag first: the worker checks it between batches and yields to read the message.
    Atomics.add(run.pending, 0, 1);
    run.worker.postMessage(cmd);
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
    const shared = new SharedArrayBuffer(4);
    run.pending = new Int32Array(shared);
    const workerData: TrainingWorkerData = { pending: shared, hooks: this.opts.testHooks };
    let worker: Worker;
    try {
      worker = new Worker(this.opts.workerPath, {
        workerData,
        resourceLimits: this.opts.resourceLimits ?? DEFAULT_RESOURCE_LIMITS,
        // The worker is plain bundled JS: it must not inherit the parent's loader flags (tsx's
        // under `bpnn sweep`), which would load a TypeScript loader into every worker.
        execArgv: [],
      });
    } catch (e) {
      this.active -= 1;
      this.reserved -= run.memory;
      run.state = 'ended';
      run.settleStart(refusal('runId', unexpectedStopMessage(e instanceof Error ? e.message : 'the training worker could not start')));
      this.pump();
      return;
    }
    run.worker = worker;
    let crash: string | null = null;
    run.exited = new Promise<void>((resolve) => {
      worker.once('exit', (code) => {
        this.active -= 1;
        this.reserved -= run.memory;
        run.worker = null;
        if (run.graceTimer) clearTimeout(run.graceTimer);
        run.graceTimer = null;
        if (run.state !== 'ended') {
          const reason = crash ?? `the training worker exited with code ${code}`;
          this.failRun(run, reason);
        }
        resolve();
        this.pump();
      });
    });
    worker.on('error', (err: unknown) => {
      const e = err as { code?: string; message?: string } | null;
      // The heap limit (ERR_WORKER_OUT_OF_MEMORY) or a typed array the machine could not give.
      if (isOutOfMemory(e)) crash = OUT_OF_MEMORY_MESSAGE;
      else crash = (e && typeof e.message === 'string' && e.message) || String(err);
      this.log(`training worker ${run.runId} failed: ${crash}`);
    });
    worker.on('messageerror', () => this.log(`training worker ${run.runId}: a message could not be deserialised; dropped`));
    worker.on('message', (data: unknown) => this.onWorkerMessage(run, data));
    // Every message to the worker is counted in `pending` (the worker counts each one down).
    Atomics.add(run.pending, 0, 1);
    worker.postMessage({ kind: 'start', req: run.req, memoryBudget: run.budget } satisfies WorkerCommand);
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
      void run.worker?.terminate();
      return;
    }
    const event = msg.event;
    if (run.state !== 'running' || event.runId !== run.runId) {
      this.log(`training worker ${run.runId}: dropped an event for another or unstarted run`);
      return;
    }
    if (TERMINAL.has(event.type)) {
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
      const message = terminal.type === 'error' ? terminal.message : 'The run ended before it started.';
      run.settleStart(refusal('runId', message));
    } else {
      this.deliver(terminal);
    }
    void run.worker?.terminate();
  }

  private failRun(run: Run, reason: string): void {
    const message = reason === OUT_OF_MEMORY_MESSAGE ? reason : unexpectedStopMessage(reason);
    this.endRun(run, { type: 'error', runId: run.runId, message });
  }

  private forceEnd(run: Run): void {
    run.graceTimer = null;
    if (run.state === 'ended') return;
    this.log(`training worker ${run.runId} ignored Stop; terminating it`);
    this.endRun(run, { type: 'error', runId: run.runId, message: UNRESPONSIVE_MESSAGE });
  }

  private log(message: string): void {
    this.opts.log?.(message);
  }
}
