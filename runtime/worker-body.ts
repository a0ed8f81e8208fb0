// The inside of every training worker (desktop worker thread, browser Web Worker, CLI): take
// one validated start command, build the engine's session, drive it with core's streaming loop
// and post the events back. The transport is passed in, so the same body runs on
// worker_threads, in a Web Worker, or in-process in a test.
import {
  createLiveSnapshots,
  createTrainingSession,
  driveSession,
  type CreateTrainingSession,
  type DriveControl,
  type TrainingEvent,
  type TrainRequest,
} from '../core/index';
import { parseWorkerCommand, type WorkerMessage } from './protocol';

/** How the body talks to its host and its event loop. */
export interface WorkerTransport {
  post(msg: WorkerMessage, transfer?: ArrayBuffer[]): void;
  /** Every raw message from the host; the body validates each one. */
  onMessage(fn: (raw: unknown) => void): void;
  /** Called once the run has ended (its terminal event posted) or was refused. */
  close(): void;
  /** Let the event loop deliver the host's messages before the next slice. */
  yieldToLoop(): Promise<void>;
  /** Milliseconds, monotonic. */
  now(): number;
  /** True when the host has a command on its way (lets a slice end after one batch). */
  interrupted?(): boolean;
}

export function runWorkerBody(transport: WorkerTransport, createSession: CreateTrainingSession = createTrainingSession): void {
  let control: DriveControl | null = null;
  let started = false;

  transport.onMessage((raw) => {
    const cmd = parseWorkerCommand(raw);
    if (!cmd) return;
    if (cmd.kind !== 'start') {
      control?.[cmd.kind]();
      return;
    }
    if (started) return;
    started = true;
    // The schema checks structure; node ids are branded only at the type level.
    const request = cmd.req.request as unknown as TrainRequest;
    const created = createSession(request, {
      now: transport.now,
      memory: { budget: cmd.memoryBudget, boundaryResolution: cmd.req.boundaryResolution, neuronResolution: cmd.req.neuronResolution },
    });
    if (!created.ok) {
      transport.post({ kind: 'rejected', problems: created.problems });
      transport.close();
      return;
    }
    transport.post({ kind: 'started', shapes: created.shapes });
    // Neuron views: weights and unit grids go along with each boundary grid.
    const live = createLiveSnapshots(cmd.req.runId, request, cmd.req.neuronResolution);
    const drive = driveSession(created.session, {
      runId: cmd.req.runId,
      now: transport.now,
      yieldToLoop: transport.yieldToLoop,
      emit: (event: TrainingEvent, transfer?: ArrayBuffer[]) => {
        transport.post({ kind: 'event', event }, transfer);
        const snap = live?.after(event, () => created.session.weights());
        if (snap) transport.post({ kind: 'event', event: snap.event }, snap.transfer);
      },
      boundaryResolution: cmd.req.boundaryResolution,
      startPaused: cmd.req.paused === true,
      interrupted: transport.interrupted,
    });
    control = drive.control;
    void drive.finished.then(() => {
      control = null;
      transport.close();
    });
  });
}
