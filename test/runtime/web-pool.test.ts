// The browser training host with a scripted fake worker: one worker per run, events fanned out,
// the worker ended after the terminal event, crashes and unresponsive stops contained.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unexpectedStopSaid, type TrainingEvent } from '../../core/index';
import type { StartTrainingRequest } from '../../runtime/api';
import { DEFAULT_STOP_GRACE_MS as STOP_GRACE_MS } from '../../runtime/pool';
import { createWebPool, defaultPoolSize } from '../../runtime/web-worker';
import { exampleProject } from '../renderer/fixtures';
import { FakeWorker } from './fixtures/fake-web-worker';


function request(runId: string): StartTrainingRequest {
  const p = exampleProject('xor');
  return { runId, request: { spec: { nodes: [], edges: [] }, dataset: p.dataset, settings: p.training }, boundaryResolution: 8 };
}

function setup(poolSize = 8) {
  const workers: FakeWorker[] = [];
  const host = createWebPool(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, { poolSize });
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
    expect(workers[0].sent[0]).toMatchObject({ kind: 'start', req: { runId: 'a' } });
    workers[0].reply({ kind: 'started', shapes: [] });
    workers[1].reply({ kind: 'rejected', problems: [{ code: 'bad-setting', field: 'epochs', message: 'bad' }] });
    await expect(a).resolves.toEqual({ ok: true, shapes: [] });
    await expect(b).resolves.toMatchObject({ ok: false });
    expect(workers[1].terminated).toBe(true);
    expect(host.activeRuns()).toEqual(['a']);
  });

  it('forwards the run’s events in order, drops junk, and ends the worker after the terminal event', async () => {
    const { host, workers, events } = setup();
    const started = host.start(request('a'));
    const w = workers[0];
    w.reply({ kind: 'started', shapes: [] });
    await started;
    w.reply({ kind: 'event', event: { type: 'progress', runId: 'a', epochs: [], batch: 1 } });
    w.reply({ type: 'nonsense' });
    w.reply('a string');
    w.reply({ kind: 'event', event: { type: 'progress', runId: 'other', epochs: [], batch: 1 } });
    w.reply({ kind: 'event', event: { type: 'error', runId: 'a', message: 'x' } });
    w.reply({ kind: 'event', event: { type: 'progress', runId: 'a', epochs: [], batch: 2 } });
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
    expect(workers[0].sent.slice(1).map((m) => m.kind)).toEqual(['pause', 'resume', 'step', 'stop']);
  });

  it('B4: turns a worker crash into an error event that says the project is safe', async () => {
    const { host, workers, events } = setup();
    const started = host.start(request('a'));
    workers[0].reply({ kind: 'started', shapes: [] });
    await started;
    // (Running out of memory has its own message: test/renderer/backend/memory.test.ts.)
    workers[0].onerror?.({ message: 'Uncaught TypeError: step is not a function' });
    expect(events).toEqual([{ type: 'error', runId: 'a', message: 'Training stopped unexpectedly: Uncaught TypeError: step is not a function. Your project is safe.', text: unexpectedStopSaid('Uncaught TypeError: step is not a function') }]);
    expect(workers[0].terminated).toBe(true);
  });

  it('B3: ends a worker that does not stop within the grace period, and a new run can start', async () => {
    vi.useFakeTimers();
    const { host, workers, events } = setup();
    const started = host.start(request('a'));
    workers[0].reply({ kind: 'started', shapes: [] });
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
    workers[0].reply({ kind: 'started', shapes: [] });
    await started;
    host.stop('a');
    workers[0].reply({ kind: 'event', event: { type: 'stopped', runId: 'a', result: { state: 'stopped', epochs: 1, loss: 1, accuracy: 0.5, testAccuracy: null, ms: 1 }, weights: {} } });
    vi.advanceTimersByTime(STOP_GRACE_MS * 2);
    expect(events.map((e) => e.type)).toEqual(['stopped']);
  });

  it('keeps a core for the page: at most cores − 1 workers, the rest wait in line and start as workers end', async () => {
    expect(defaultPoolSize(2)).toBe(1);
    expect(defaultPoolSize(8)).toBe(7);
    expect(defaultPoolSize(1)).toBe(1);
    expect(defaultPoolSize(undefined)).toBe(1);
    const { host, workers, events } = setup(2);
    const started = ['a', 'b', 'c', 'd'].map((id) => host.start(request(id)));
    expect(workers).toHaveLength(2);
    expect(host.activeRuns()).toEqual(['a', 'b']);
    expect(host.queuedRuns()).toEqual(['c', 'd']);
    workers[0].reply({ kind: 'started', shapes: [] });
    workers[1].reply({ kind: 'started', shapes: [] });
    await expect(started[0]).resolves.toEqual({ ok: true, shapes: [] });
    // A queued run can be stopped before it starts; it never gets a worker.
    host.stop('d');
    await expect(started[3]).resolves.toMatchObject({ ok: false, problems: [{ message: 'The run was stopped before it started.' }] });
    // a ends: c takes its worker slot.
    workers[0].reply({ kind: 'event', event: { type: 'error', runId: 'a', message: 'boom' } });
    expect(workers).toHaveLength(3);
    expect(workers[2].sent[0]).toMatchObject({ kind: 'start', req: { runId: 'c' } });
    workers[2].reply({ kind: 'started', shapes: [] });
    await expect(started[2]).resolves.toEqual({ ok: true, shapes: [] });
    expect(host.activeRuns()).toEqual(['b', 'c']);
    expect(host.queuedRuns()).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['error']);
  });
});
