// The browser build's training host: a module Web Worker running the same engine and the same
// streaming loop (core/train/driver.ts) as the desktop worker thread. One worker per run.
import '../no-eval';
import { createLiveSnapshots, createTrainingSession, driveSession } from '../../../core/index';
import type { DriveHandle } from '../../../core/index';
import type { FromWorker, ToWorker } from './worker-protocol';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  close(): void;
}
const scope = self as unknown as WorkerScope;

// A MessageChannel round trip yields to the worker's event loop without setTimeout's 4 ms
// clamp, so pause/stop messages get through between slices at almost no cost.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToLoop = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });

let handle: DriveHandle | null = null;

scope.onmessage = (e) => {
  const msg = e.data;
  switch (msg.type) {
    case 'start': {
      if (handle) return;
      const { req, budget } = msg;
      const created = createTrainingSession(req.request, {
        now: () => performance.now(),
        memory: { budget, boundaryResolution: req.boundaryResolution, neuronResolution: req.neuronResolution },
      });
      if (!created.ok) {
        scope.postMessage({ type: 'started', result: { ok: false, problems: created.problems } });
        return;
      }
      scope.postMessage({ type: 'started', result: { ok: true, shapes: created.shapes } });
      // Neuron views (issue 6): weights and unit grids go along with each boundary grid.
      const live = createLiveSnapshots(req.runId, req.request, req.neuronResolution);
      handle = driveSession(created.session, {
        runId: req.runId,
        now: () => performance.now(),
        yieldToLoop,
        emit: (event, transfer) => {
          scope.postMessage({ type: 'event', event }, transfer ?? []);
          const snap = live?.after(event, () => created.session.weights());
          if (snap) scope.postMessage({ type: 'event', event: snap.event }, snap.transfer);
        },
        boundaryResolution: req.boundaryResolution,
        startPaused: req.paused === true,
      });
      return;
    }
    case 'pause':
      handle?.control.pause();
      return;
    case 'resume':
      handle?.control.resume();
      return;
    case 'step':
      handle?.control.step();
      return;
    case 'stop':
      handle?.control.stop();
      return;
  }
};
