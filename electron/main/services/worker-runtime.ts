// The inside of a training worker thread: take one validated start command, build the session,
// and drive it with the shared loop, posting events back. The session factory is a parameter so
// a test build can run the exact same runtime on a scripted session.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import {
  createLiveSnapshots,
  driveSession,
  type CreateTrainingSession,
  type DriveControl,
  type TrainingEvent,
  type TrainingSession,
} from '../../../core/index';
import { WorkerCommandSchema, type WorkerMessage } from './training-messages';

/** What the host hands every worker thread. */
export interface TrainingWorkerData {
  /** Int32Array[1] over a SharedArrayBuffer: the number of commands posted but not yet handled. */
  pending: SharedArrayBuffer;
  hooks?: WorkerTestHooks;
}

/**
 * Failure injection for the host's tests only. Main never sets these for real runs; they
 * exist so crash, exit, out-of-memory, junk messages and a hung worker are tested for real.
 */
export interface WorkerTestHooks {
  /** The engine throws inside the loop (the driver reports it). */
  throwAtBatch?: number;
  /** An uncaught exception outside the loop: the thread dies. */
  crashAtBatch?: number;
  exitAtBatch?: number;
  exhaustMemoryAtBatch?: number;
  /** On stop, spin forever without answering (an unresponsive worker). */
  hangOnStop?: boolean;
  /** Post malformed and unknown messages before the first real event. */
  postJunk?: boolean;
  /** Int32Array[1]: scripted test sessions count their batches here, readable by the test. */
  batchCounter?: SharedArrayBuffer;
}

function withHooks(session: TrainingSession, hooks: WorkerTestHooks): TrainingSession {
  let batches = 0;
  const hoard: { i: number }[][] = [];
  const before = () => {
    batches += 1;
    if (hooks.throwAtBatch === batches) throw new Error('injected failure');
    if (hooks.crashAtBatch === batches) {
      queueMicrotask(() => {
        throw new Error('injected crash');
      });
    }
    if (hooks.exitAtBatch === batches) process.exit(3);
    if (hooks.exhaustMemoryAtBatch === batches) {
      // Plain objects live on the JS heap that resourceLimits caps (typed-array storage would not).
      for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => ({ i })));
    }
  };
  const wrapped = Object.create(session) as TrainingSession;
  wrapped.runBatches = (max) => {
    before();
    return session.runBatches(max);
  };
  wrapped.step = () => {
    before();
    return session.step();
  };
  return wrapped;
}

export function runTrainingWorker(createTrainingSession: CreateTrainingSession): void {
  const port = parentPort;
  if (!port) throw new Error('training-worker must run on a worker thread');
  const data = workerData as TrainingWorkerData;
  const pending = new Int32Array(data.pending);
  const hooks = data.hooks ?? {};
  let control: DriveControl | null = null;
  let started = false;

  const post = (msg: WorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(msg, transfer ?? []);

  port.on('message', (raw: unknown) => {
    const parsed = WorkerCommandSchema.safeParse(raw);
    Atomics.sub(pending, 0, 1);
    if (!parsed.success) return;
    const cmd = parsed.data;
    if (cmd.kind !== 'start') {
      if (cmd.kind === 'stop' && hooks.hangOnStop) for (;;);
      control?.[cmd.kind]();
      return;
    }
    if (started) return;
    started = true;
    const created = createTrainingSession(cmd.req.request as Parameters<CreateTrainingSession>[0], {
      now: () => performance.now(),
      memory: { budget: cmd.memoryBudget, boundaryResolution: cmd.req.boundaryResolution, neuronResolution: cmd.req.neuronResolution },
    });
    if (!created.ok) {
      post({ kind: 'rejected', problems: created.problems });
      port.close();
      return;
    }
    post({ kind: 'started', shapes: created.shapes });
    if (hooks.postJunk) {
      port.postMessage({ kind: 'gossip', text: 'not a protocol message' });
      port.postMessage({ kind: 'event', event: { type: 'progress', runId: cmd.req.runId, epochs: 'many' } });
      port.postMessage({ kind: 'event', event: { type: 'launch', runId: cmd.req.runId } });
    }
    const session = hooks.throwAtBatch || hooks.crashAtBatch || hooks.exitAtBatch || hooks.exhaustMemoryAtBatch ? withHooks(created.session, hooks) : created.session;
    // Neuron views (issue 6): weights and unit grids go along with each boundary grid.
    const live = createLiveSnapshots(cmd.req.runId, cmd.req.request as Parameters<CreateTrainingSession>[0], cmd.req.neuronResolution);
    const drive = driveSession(session, {
      runId: cmd.req.runId,
      now: () => performance.now(),
      yieldToLoop: () => new Promise<void>((resolve) => setImmediate(resolve)),
      emit: (event: TrainingEvent, transfer?: ArrayBuffer[]) => {
        post({ kind: 'event', event }, transfer);
        const snap = live?.after(event, () => created.session.weights());
        if (snap) post({ kind: 'event', event: snap.event }, snap.transfer);
      },
      boundaryResolution: cmd.req.boundaryResolution,
      startPaused: cmd.req.paused === true,
      interrupted: () => Atomics.load(pending, 0) > 0,
    });
    control = drive.control;
    void drive.finished.then(() => {
      control = null;
      port.close();
    });
  });
}
