// The shared streaming loop, against a scripted session and a fake clock: what is emitted,
// in which order, and how often (counted against fake time, never measured).
import { describe, expect, it } from 'vitest';
import { driveSession, render, unexpectedStopSaid, type DriveOptions, type Text, type TrainingEvent } from '../../../core/index';
import { fakeClock, fakeSession, type FakeSessionOptions } from './fake-session';

interface Recorded {
  event: TrainingEvent;
  at: number;
  transfer?: ArrayBuffer[];
}

function setup(session: Partial<FakeSessionOptions>, drive: Partial<DriveOptions> = {}) {
  const clock = fakeClock();
  const s = fakeSession({ epochs: 10, batchesPerEpoch: 1, msPerBatch: 1, clock, ...session });
  const events: Recorded[] = [];
  let yields = 0;
  const handle = driveSession(s, {
    runId: 'r1',
    now: clock.now,
    yieldToLoop: async () => {
      yields += 1;
    },
    emit: (event, transfer) => events.push({ event, at: clock.t, transfer }),
    boundaryResolution: 8,
    ...drive,
  });
  return { clock, s, events, handle, yields: () => yields, types: () => events.map((e) => e.event.type) };
}

const epochsOf = (events: Recorded[]) =>
  events.flatMap((r) => (r.event.type === 'progress' ? r.event.epochs.map((m) => m.epoch) : []));

const TERMINAL = new Set(['done', 'stopped', 'diverged', 'error']);

describe('driveSession', () => {
  it('delivers every one of 5000 epochs exactly once, in order, then one done event last', async () => {
    const t = setup({ epochs: 5000, batchesPerEpoch: 1, msPerBatch: 0.25 });
    await t.handle.finished;
    expect(epochsOf(t.events)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    const last = t.events[t.events.length - 1].event;
    expect(last.type).toBe('done');
    expect(t.events.filter((r) => TERMINAL.has(r.event.type))).toHaveLength(1);
    if (last.type === 'done') {
      expect(last.result.epochs).toBe(5000);
      expect(last.weights.l1.bias.data).toEqual([5000]);
    }
  });

  it('B2: coalesces progress to at most one event per 50 ms of (fake) time', async () => {
    const t = setup({ epochs: 10_000, batchesPerEpoch: 1, msPerBatch: 0.1 });
    await t.handle.finished;
    const times = t.events.filter((r) => r.event.type === 'progress').map((r) => r.at);
    // 10 000 batches × 0.1 ms = 1 s of work → about 20 windows, plus the final flush.
    expect(times.length).toBeLessThanOrEqual(1000 / 50 + 2);
    for (let i = 2; i < times.length - 1; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(50);
  });

  it('sends the decision boundary at most every 200 ms, once more before the end, with its buffer transferred', async () => {
    const t = setup({ epochs: 4000, batchesPerEpoch: 1, msPerBatch: 0.5, twoD: true });
    await t.handle.finished;
    const boundaries = t.events.filter((r) => r.event.type === 'boundary');
    expect(boundaries.length).toBeLessThanOrEqual(2000 / 200 + 2);
    for (let i = 1; i < boundaries.length - 1; i++) expect(boundaries[i].at - boundaries[i - 1].at).toBeGreaterThanOrEqual(200);
    const beforeEnd = t.events[t.events.length - 2].event;
    expect(beforeEnd.type).toBe('boundary');
    if (beforeEnd.type === 'boundary') {
      expect(beforeEnd.epoch).toBe(4000);
      expect(beforeEnd.res).toBe(8);
      expect(beforeEnd.numClasses).toBe(2);
      expect(beforeEnd.probs).toHaveLength(8 * 8 * 2);
    }
    for (const b of boundaries) {
      if (b.event.type === 'boundary') expect(b.transfer).toEqual([b.event.probs.buffer]);
    }
  });

  it('sends no boundary for inputs that are not 2-D, or when the resolution is 0', async () => {
    const a = setup({ twoD: false });
    const b = setup({ twoD: true }, { boundaryResolution: 0 });
    await Promise.all([a.handle.finished, b.handle.finished]);
    expect(a.types()).not.toContain('boundary');
    expect(b.types()).not.toContain('boundary');
  });

  it('B3: stop takes effect after at most one more batch and keeps the weights; nothing follows stopped', async () => {
    let stop = () => {};
    const t = setup({ epochs: 1000, batchesPerEpoch: 1, onBatch: (n) => n === 137 && stop() });
    stop = t.handle.control.stop;
    await t.handle.finished;
    expect(t.s.stoppedAtBatch).toBe(137);
    const last = t.events[t.events.length - 1].event;
    expect(last.type).toBe('stopped');
    if (last.type === 'stopped') {
      expect(last.result.state).toBe('stopped');
      expect(last.weights.l1.bias.data).toEqual([137]);
    }
    expect(epochsOf(t.events)).toEqual(Array.from({ length: 137 }, (_, i) => i + 1));
    t.handle.control.stop();
    t.handle.control.resume();
    await Promise.resolve();
    expect(t.events[t.events.length - 1].event).toBe(last);
  });

  it('ends a slice as soon as the host signals a waiting command', async () => {
    let flag = false;
    const t = setup({ epochs: 100, batchesPerEpoch: 1, msPerBatch: 0, onBatch: (n) => (flag = n % 10 === 0) }, { interrupted: () => flag });
    await t.handle.finished;
    // With zero-cost batches the clock never ends a slice; only the flag does, every 10 batches.
    expect(t.yields()).toBe(9);
  });

  it('starts paused when asked: one step runs exactly one batch, resume runs to the end', async () => {
    const t = setup({ epochs: 5, batchesPerEpoch: 2 }, { startPaused: true });
    await new Promise((r) => setImmediate(r));
    expect(t.types()).toEqual(['paused']);
    expect(t.s.batchesRun).toBe(0);
    t.handle.control.step();
    await new Promise((r) => setImmediate(r));
    expect(t.s.batchesRun).toBe(1);
    t.handle.control.step();
    await new Promise((r) => setImmediate(r));
    expect(t.s.batchesRun).toBe(2);
    expect(epochsOf(t.events)).toEqual([1]);
    t.handle.control.resume();
    await t.handle.finished;
    expect(t.types()[0]).toBe('paused');
    expect(t.types()).toContain('resumed');
    expect(t.types().indexOf('resumed')).toBeGreaterThan(t.types().indexOf('progress'));
    expect(epochsOf(t.events)).toEqual([1, 2, 3, 4, 5]);
    expect(t.types()[t.types().length - 1]).toBe('done');
  });

  it('ignores step while running, and flushes progress before announcing a pause', async () => {
    let pause = () => {};
    const t = setup({ epochs: 50, batchesPerEpoch: 1, onBatch: (n) => n === 20 && pause() });
    pause = t.handle.control.pause;
    t.handle.control.step();
    await new Promise((r) => setImmediate(r));
    expect(t.s.batchesRun).toBe(20);
    const pausedAt = t.types().indexOf('paused');
    expect(pausedAt).toBeGreaterThan(0);
    expect(epochsOf(t.events.slice(0, pausedAt))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const paused = t.events[pausedAt].event;
    if (paused.type === 'paused') expect(paused.epoch).toBe(20);
    t.handle.control.stop();
    await t.handle.finished;
    expect(t.types().slice(-1)).toEqual(['stopped']);
    expect(t.types()).not.toContain('resumed');
  });

  it('reports divergence as the terminal diverged event', async () => {
    const t = setup({ epochs: 100, divergeAtBatch: 42 });
    await t.handle.finished;
    expect(t.types().slice(-1)).toEqual(['diverged']);
    expect(epochsOf(t.events)).toHaveLength(41);
  });

  it('turns an engine exception into one student-friendly error event, after the epochs that completed', async () => {
    const t = setup({ epochs: 100, throwAtBatch: 30 });
    await t.handle.finished;
    const last = t.events[t.events.length - 1].event;
    expect(last).toEqual({ type: 'error', runId: 'r1', message: 'Training stopped unexpectedly: fake engine failure. Your project is safe.', text: unexpectedStopSaid('fake engine failure') });
    // The student reads it in their language; only the engine's own reason (a bug's) stays as thrown.
    expect(render((last as { text: Text }).text, 'zh-TW')).toBe('訓練意外停止：fake engine failure。你的專案安然無恙。');
    expect(epochsOf(t.events)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
    expect(t.events.filter((r) => TERMINAL.has(r.event.type))).toHaveLength(1);
  });

  it('reports a failing transport as an error instead of hanging', async () => {
    let calls = 0;
    const delivered: TrainingEvent[] = [];
    const t = setup(
      { epochs: 100 },
      {
        emit: (event) => {
          calls += 1;
          if (calls === 1) throw new Error('could not clone');
          delivered.push(event);
        },
      },
    );
    await expect(t.handle.finished).resolves.toBeUndefined();
    expect(delivered[delivered.length - 1]).toEqual({
      type: 'error',
      runId: 'r1',
      message: 'Training stopped unexpectedly: could not clone. Your project is safe.',
      text: unexpectedStopSaid('could not clone'),
    });
  });
});
