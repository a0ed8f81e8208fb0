// A Web Worker stand-in for the browser training host's tests: records what the host posts and
// lets a test answer as the worker would.
import type { WorkerLike } from '../../../renderer/backend/web/training-host';
import type { ToWorker } from '../../../renderer/backend/web/worker-protocol';

export class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message?: string; preventDefault?: () => void }) => void) | null = null;
  postMessage(m: ToWorker) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: unknown) {
    this.onmessage?.({ data });
  }
}
