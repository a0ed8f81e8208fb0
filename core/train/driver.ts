// The streaming loop every host shares (desktop worker thread, browser Web Worker): it runs a
// TrainingSession in short time slices, yields to the host's event loop between slices so
// pause/stop/step commands get through, and turns the session's reports into a throttled
// stream of TrainingEvents. Pure: the clock, the yield and the transport are passed in.
import type { TrainingEvent } from './events';
import { OUT_OF_MEMORY_MESSAGE, OUT_OF_MEMORY_TEXT, isOutOfMemory } from './memory-budget';
import { render, say, type Text } from '../messages/text';
import type { TrainingSession } from './session-types';
import type { EpochMetrics, RunResult } from './types';

export interface DriveOptions {
  runId: string;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Let the host's event loop run (deliver messages) before the next slice. */
  yieldToLoop(): Promise<void>;
  /** Send one event; `transfer` lists buffers that can be moved instead of copied. */
  emit(event: TrainingEvent, transfer?: ArrayBuffer[]): void;
  /** Side of the decision-boundary grid for 2-D data; 0 = never send one. */
  boundaryResolution: number;
  startPaused?: boolean;
  /** Minimum time between 'progress' events (default 50 ms → at most 20 a second). */
  progressIntervalMs?: number;
  /** Minimum time between 'boundary' events (default 200 ms → at most 5 a second). */
  boundaryIntervalMs?: number;
  /** Length of one slice of work between yields (default 12 ms). */
  sliceMs?: number;
  /**
   * Checked after every batch: true when the host has a command waiting (e.g. a shared flag
   * the main thread raises before posting stop), so the slice ends early and the command is
   * handled after at most one more batch.
   */
  interrupted?(): boolean;
}

export interface DriveControl {
  pause(): void;
  resume(): void;
  /** One mini-batch; only while paused. */
  step(): void;
  stop(): void;
}

export interface DriveHandle {
  control: DriveControl;
  /** Settles after the terminal event was emitted; never rejects. */
  finished: Promise<void>;
}

export const DEFAULT_PROGRESS_INTERVAL_MS = 50;
export const DEFAULT_BOUNDARY_INTERVAL_MS = 200;
export const DEFAULT_SLICE_MS = 12;

/** What a student reads when the engine itself fails (a bug, never their fault). */
export function unexpectedStopSaid(reason: string | Text): Text {
  return say('train.run.stoppedUnexpectedly', { reason });
}

/** unexpectedStopSaid in English. */
export function unexpectedStopMessage(reason: string | Text): string {
  return render(unexpectedStopSaid(reason));
}

function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error && thrown.message) return thrown.message;
  if (typeof thrown === 'string' && thrown) return thrown;
  return 'an internal error';
}

export function driveSession(session: TrainingSession, opts: DriveOptions): DriveHandle {
  const progressInterval = opts.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
  const boundaryInterval = opts.boundaryIntervalMs ?? DEFAULT_BOUNDARY_INTERVAL_MS;
  const sliceMs = opts.sliceMs ?? DEFAULT_SLICE_MS;
  const { runId } = opts;

  let paused = opts.startPaused === true;
  let stopRequested = false;
  let pendingSteps = 0;
  let wake: (() => void) | null = null;
  let ended = false;

  const wakeUp = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  const control: DriveControl = {
    pause() {
      if (!ended) paused = true;
    },
    resume() {
      if (ended) return;
      paused = false;
      wakeUp();
    },
    step() {
      if (ended || !paused) return;
      pendingSteps += 1;
      wakeUp();
    },
    stop() {
      if (ended) return;
      stopRequested = true;
      wakeUp();
    },
  };

  let pending: EpochMetrics[] = [];
  let totalBatches = 0;
  let lastProgressAt = -Infinity;
  let lastBoundaryAt = -Infinity;
  // The state the listener was last told about, so 'paused'/'resumed' alternate cleanly.
  let announcedPaused = false;

  const emit = (event: TrainingEvent, transfer?: ArrayBuffer[]) => {
    if (!ended) opts.emit(event, transfer);
  };

  let announcedSkipped = 0;
  const flushProgress = () => {
    // Skipped steps are told with the progress around them (not one event per step).
    if (session.skippedSteps > announcedSkipped && session.lastSkipped) {
      announcedSkipped = session.skippedSteps;
      emit({ type: 'skipped', runId, total: announcedSkipped, last: { ...session.lastSkipped } });
    }
    if (pending.length === 0) return;
    emit({ type: 'progress', runId, epochs: pending, batch: totalBatches });
    pending = [];
    lastProgressAt = opts.now();
  };

  const sendBoundary = () => {
    const res = opts.boundaryResolution;
    if (!(res > 0)) return;
    const grid = session.decisionGrid(res);
    if (!grid) return;
    // A private copy: its buffer is transferred (detached here), and the session may reuse its own.
    const probs = grid.slice();
    const cells = res * res;
    const numClasses = cells > 0 ? Math.round(probs.length / cells) : 0;
    lastBoundaryAt = opts.now();
    emit({ type: 'boundary', runId, epoch: session.epoch, res, numClasses, probs }, [probs.buffer as ArrayBuffer]);
  };

  const finish = (kind: 'done' | 'stopped' | 'diverged', result: RunResult) => {
    flushProgress();
    sendBoundary();
    emit({ type: kind, runId, result, weights: session.weights() });
    ended = true;
  };

  const fail = (thrown: unknown) => {
    // Deliver the epochs that did complete; they are real and the chart should keep them.
    try {
      flushProgress();
    } catch {
      /* the emit itself failed; the error event below is what matters */
    }
    // Memory the estimate allowed may still run out (other programs took it): the student's fix differs from a bug's.
    const oom = isOutOfMemory(thrown);
    emit({ type: 'error', runId, message: oom ? OUT_OF_MEMORY_MESSAGE : unexpectedStopMessage(describeThrown(thrown)), text: oom ? OUT_OF_MEMORY_TEXT : unexpectedStopSaid(describeThrown(thrown)) });
    ended = true;
  };

  /** Returns the run's result once it has ended during these batches, else null. */
  const absorb = (report: { epochs: EpochMetrics[]; batches: number; finished: RunResult | null }) => {
    for (const e of report.epochs) pending.push(e);
    totalBatches += report.batches;
    return report.finished;
  };

  const endWith = (result: RunResult) => {
    if (result.state === 'error') {
      fail(result.errorMessage ?? 'the engine reported an error');
      return;
    }
    finish(result.state, result);
  };

  const runSlice = (): RunResult | null => {
    const start = opts.now();
    for (;;) {
      const finished = absorb(session.runBatches(1));
      if (finished) return finished;
      if (stopRequested || paused || opts.interrupted?.()) return null;
      if (opts.now() - start >= sliceMs) return null;
    }
  };

  const loop = async (): Promise<void> => {
    for (;;) {
      if (stopRequested) {
        finish('stopped', session.stop());
        return;
      }
      if (paused) {
        if (!announcedPaused) {
          flushProgress();
          emit({ type: 'paused', runId, epoch: session.epoch });
          announcedPaused = true;
        }
        if (pendingSteps > 0) {
          pendingSteps -= 1;
          const finished = absorb(session.step());
          if (finished) {
            endWith(finished);
            return;
          }
          // A step is a deliberate, single action: show its effect at once.
          flushProgress();
          sendBoundary();
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if (announcedPaused) {
        emit({ type: 'resumed', runId });
        announcedPaused = false;
      }
      const finished = runSlice();
      if (finished) {
        endWith(finished);
        return;
      }
      const t = opts.now();
      if (t - lastProgressAt >= progressInterval) flushProgress();
      if (t - lastBoundaryAt >= boundaryInterval) sendBoundary();
      await opts.yieldToLoop();
    }
  };

  const finished = (async () => {
    try {
      await loop();
    } catch (thrown) {
      fail(thrown);
    } finally {
      ended = true;
    }
  })();

  return { control, finished };
}
