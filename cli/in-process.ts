// `bpnn train` runs one training in this process, through the same worker body and protocol as
// the app's workers (runtime/worker-body.ts) on a direct transport: no thread to start for a
// single run, and the same events, throttling and end states as the desktop app and the browser.
import { performance } from 'node:perf_hooks';
import {
  createTrainingSession,
  type MemoryBudget,
  type CreateTrainingSession,
  type EpochMetrics,
  type RunResult,
  type SkippedStep,
  type TrainingSession,
  type TrainProblem,
  type TrainRequest,
  type Weights,
} from '../core/index';
import { issuesToProblems, StartTrainingRequestSchema, type WorkerCommand, type WorkerMessage } from '../runtime/protocol';
import { runWorkerBody } from '../runtime/worker-body';

export interface InProcessRun {
  session: TrainingSession;
  /** Starts the training (after whatever needed the untrained session) and settles at its end. */
  train(listener: { epochs(m: EpochMetrics[]): void; skipped(total: number, last: SkippedStep): void }): Promise<{ result: RunResult; weights: Weights }>;
  stop(): void;
}

/** Builds the session through the worker body; the run waits, paused, until train() is called. */
export function startInProcess(request: TrainRequest, memoryBudget: MemoryBudget): { ok: true; run: InProcessRun } | { ok: false; problems: TrainProblem[] } {
  const checked = StartTrainingRequestSchema.safeParse({ runId: 'cli', request, boundaryResolution: 0, paused: true });
  if (!checked.success) return { ok: false, problems: issuesToProblems(checked.error) };

  let session: TrainingSession | null = null;
  const capture: CreateTrainingSession = (req, deps) => {
    const made = createTrainingSession(req, deps);
    if (made.ok) session = made.session;
    return made;
  };
  let toBody: (raw: unknown) => void = () => {};
  let fromBody: (msg: WorkerMessage) => void = () => {};
  let answer: WorkerMessage | null = null;
  runWorkerBody(
    {
      post: (msg) => (answer === null ? (answer = msg) : fromBody(msg)),
      onMessage: (fn) => {
        toBody = fn;
      },
      close: () => {},
      yieldToLoop: () => new Promise<void>((resolve) => setImmediate(resolve)),
      now: () => performance.now(),
    },
    capture,
  );
  const send = (cmd: WorkerCommand) => toBody(cmd);
  send({ kind: 'start', req: checked.data, memoryBudget });
  const first = answer as WorkerMessage | null;
  if (!first || first.kind === 'rejected') return { ok: false, problems: first && first.kind === 'rejected' ? first.problems : [] };
  const made = session as TrainingSession | null;
  if (!made) return { ok: false, problems: [] };

  return {
    ok: true,
    run: {
      session: made,
      stop: () => send({ kind: 'stop' }),
      train: (listener) =>
        new Promise((resolve, reject) => {
          fromBody = (msg) => {
            if (msg.kind !== 'event') return;
            const e = msg.event;
            if (e.type === 'progress') listener.epochs(e.epochs);
            else if (e.type === 'skipped') listener.skipped(e.total, e.last);
            else if (e.type === 'done' || e.type === 'stopped' || e.type === 'diverged') resolve({ result: e.result, weights: e.weights });
            else if (e.type === 'error') reject(new Error(e.message));
          };
          send({ kind: 'resume' });
        }),
    },
  };
}
