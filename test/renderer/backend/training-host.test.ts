// The browser training host with a scripted fake worker: one worker per run, events fanned out,
// the worker ended after the terminal event, crashes and unresponsive stops contained.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrainingEvent } from '../../../core/index';
import type { StartTrainingRequest } from '../../../electron/ipc/contract';
import { STOP_GRACE_MS, WebTrainingHost, type WorkerLike } from '../../../renderer/backend/web/training-host';
import type { ToWorker } from '../../../renderer/backend/web/worker-protocol';
import { exampleProject } from '../fixtures';

class FakeWorker implements WorkerLike {
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

function request(runId: string): StartTrainingRequest {
  const p = exampleProject('xor');
  return { runId, request: { spec: { nodes: [], edges: [] }, dataset: p.dataset, settings: p.training }, boundaryResolution: 8 };
}

function setup() {
  const workers: FakeWorker[] = [];
  const host = new WebTrainingHost(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  const events: TrainingEvent[] = [];
  host.onEvent((e) => events.push(e));
  return { host, workers, events };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('browser training host', () => {
  it('starts each run in its own worker and resolves with the worker’s answer', async () => {
    const { host, workers } = setup();
    const a = host.start(request('a'));
    const b = host.start(request('b'));
    expect(workers).toHaveLength(2);
    expect(workers[0].sent[0]).toMatchObject({ type: 'start', req: { runId: 'a' } });
    workers[0].reply({ type: 'started', result: { ok: true, shapes: [] } });
    workers[1].reply({ type: 'started', result: { ok: false, problems: [{ code: 'bad-setting', field: 'epochs', message: 'bad' }] } });
    await expect(a).resolves.toEqual({ ok: true, shapes: [] });
    await expect(b).resolves.toMatchObject({ ok: false });
    expect(workers[1].terminated).toBe(true);
    expect(host.activeRuns()).toEqual(['a']);
  });

  it('forwards the run’s events in order, drops junk, and ends the worker after the terminal event', async () => {
    const { host, workers, events } = setup();
    const started = host.start(request('a'));
    const w = workers[0];
    w.reply({ type: 'started', result: { ok: true, shapes: [] } });
    await started;
    w.reply({ type: 'event', event: { type: 'progress', runId: 'a', epochs: [], batch: 1 } });
    w.reply({ type: 'nonsense' });
    w.reply('a string');
    w.reply({ type: 'event', event: { type: 'progress', runId: 'other', epochs: [], batch: 1 } });
    w.reply({ type: 'event', event: { type: 'error', runId: 'a', message: 'x' } });
    w.reply({ type: 'event', event: { type: 'progress', runId: 'a', epochs: [], batch: 2 } });
    expect(events.map((e) => e.type)).toEqual(['progress', 'error']);
    expect(w.terminated).toBe(true);
    expect(host.activeRuns()).toEqual([]);
  });

  it('passes pause, resume, step and stop to the run’s worker', async () => {
    const { host, workers } = setup();
    void host.start(request('a'));
    host.pause('a');
    host.resume('a');
    host.step('a');
    host.stop('a');
    host.pause('unknown');
    expect(workers[0].sent.slice(1).map((m) => m.type)).toEqual(['pause', 'resume', 'step', 'stop']);
  });

  it('B4: turns a worker crash into an error event that says the project is safe', async () => {
    const { host, workers, events } = setup();
    const started = host.start(request('a'));
    workers[0].reply({ type: 'started', result: { ok: true, shapes: [] } });
    await started;
    workers[0].onerror?.({ message: 'out of memory' });
    expect(events).toEqual([{ type: 'error', runId: 'a', message: 'Training stopped unexpectedly: out of memory. Your project is safe.' }]);
    expect(workers[0].terminated).toBe(true);
  });

  it('B3: ends a worker that does not stop within the grace period, and a new run can start', async () => {
    vi.useFakeTimers();
    const { host, workers, events } = setup();
    const started = host.start(request('a'));
    workers[0].reply({ type: 'started', result: { ok: true, shapes: [] } });
    await started;
    host.stop('a');
    vi.advanceTimersByTime(STOP_GRACE_MS - 1);
    expect(workers[0].terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(workers[0].terminated).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['error']);
    void host.start(request('b'));
    expect(workers).toHaveLength(2);
  });

  it('a run that stops in time is not ended by force', async () => {
    vi.useFakeTimers();
    const { host, workers, events } = setup();
    const started = host.start(request('a'));
    workers[0].reply({ type: 'started', result: { ok: true, shapes: [] } });
    await started;
    host.stop('a');
    workers[0].reply({ type: 'event', event: { type: 'stopped', runId: 'a', result: { state: 'stopped', epochs: 1, loss: 1, accuracy: 0.5, testAccuracy: null, ms: 1 }, weights: {} } });
    vi.advanceTimersByTime(STOP_GRACE_MS * 2);
    expect(events.map((e) => e.type)).toEqual(['stopped']);
  });
});
