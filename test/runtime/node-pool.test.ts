// The training pool on real worker threads (the node adapter), running the shipped worker body
// (bundled by the real build script) on a scripted session with test-only failure injection
// (fixtures/worker-hooks.ts): ordering, stop, crashes, OOM, junk, hangs, queueing.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodePool, type NodePoolOptions } from '../../runtime/node-worker';
import { CLOSING_TEXT, OUT_OF_MEMORY_MESSAGE, UNRESPONSIVE_MESSAGE, UNRESPONSIVE_TEXT } from '../../runtime/messages';
import { OUT_OF_MEMORY_TEXT, render, say, unexpectedStopSaid } from '../../core/index';
import type { TrainingPool } from '../../runtime/pool';
import type { WorkerTestHooks } from './fixtures/worker-hooks';
import type { TrainingEvent } from '../../core/index';
import { buildBundles, FAKE_WORKER_ENTRY } from '../electron/helpers/bundle';
import { xorRequest } from '../electron/helpers/requests';

let workerPath = '';
beforeAll(async () => {
  workerPath = (await buildBundles(FAKE_WORKER_ENTRY))['fake-training-worker'];
}, 600_000);

const hosts: TrainingPool[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(hosts.splice(0).map((h) => h.dispose()));
});

const TERMINAL = new Set(['done', 'stopped', 'diverged', 'error']);

function makeHost(opts: Partial<NodePoolOptions> & { testHooks?: WorkerTestHooks } = {}) {
  const logs: string[] = [];
  const { testHooks, ...rest } = opts;
  const host = createNodePool({ workerPath, poolSize: 1, log: (m) => logs.push(m), extra: testHooks, ...rest });
  hosts.push(host);
  const events: TrainingEvent[] = [];
  const waiters: { runId: string; resolve: (e: TrainingEvent) => void }[] = [];
  host.onEvent((e) => {
    events.push(e);
    if (TERMINAL.has(e.type)) for (const w of waiters.filter((x) => x.runId === e.runId)) w.resolve(e);
  });
  const ended = (runId: string) =>
    new Promise<TrainingEvent>((resolve) => {
      const done = events.find((e) => e.runId === runId && TERMINAL.has(e.type));
      if (done) resolve(done);
      else waiters.push({ runId, resolve });
    });
  const firstEvent = (runId: string, type: TrainingEvent['type']) =>
    new Promise<void>((resolve) => {
      const off = host.onEvent((e) => {
        if (e.runId === runId && e.type === type) {
          off();
          resolve();
        }
      });
    });
  const of = (runId: string) => events.filter((e) => e.runId === runId);
  return { host, events, logs, ended, firstEvent, of };
}

const epochsOf = (events: TrainingEvent[]) => events.flatMap((e) => (e.type === 'progress' ? e.epochs.map((m) => m.epoch) : []));
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
/** Let worker messages that are already on their way arrive. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('TrainingHost (real worker threads, scripted session)', () => {
  it('streams every epoch in order and ends with one done event carrying the weights', async () => {
    const t = makeHost();
    const started = await t.host.start(xorRequest('a', 3000));
    expect(started.ok).toBe(true);
    const last = await t.ended('a');
    await settle();
    expect(epochsOf(t.of('a'))).toEqual(range(3000));
    expect(t.of('a').filter((e) => TERMINAL.has(e.type))).toEqual([last]);
    expect(t.of('a')[t.of('a').length - 1]).toBe(last);
    expect(last.type).toBe('done');
    if (last.type === 'done') expect(last.weights.l1.bias.data).toEqual([3000]);
    const boundary = t.of('a').find((e) => e.type === 'boundary');
    expect(boundary && boundary.type === 'boundary' && boundary.probs).toBeInstanceOf(Float64Array);
  });

  it('B3: stop mid-run gives one stopped event with the weights so far, and nothing after it', async () => {
    const t = makeHost();
    await t.host.start(xorRequest('s', 1_000_000));
    await t.firstEvent('s', 'progress');
    t.host.stop('s');
    const last = await t.ended('s');
    await settle();
    expect(last.type).toBe('stopped');
    const evs = t.of('s');
    expect(evs[evs.length - 1]).toBe(last);
    const seen = epochsOf(evs);
    expect(seen).toEqual(range(seen.length));
    if (last.type === 'stopped') {
      expect(last.result.epochs).toBe(seen.length);
      expect(last.weights.l1.bias.data).toEqual([seen.length]);
      expect(seen.length).toBeLessThan(1_000_000);
    }
    expect(t.host.liveRuns()).toEqual([]);
  });

  it('B3: at most one batch runs after stop is requested (the worker checks a shared flag between batches)', async () => {
    const counter = new SharedArrayBuffer(4);
    const batches = new Int32Array(counter);
    const t = makeHost({ testHooks: { batchCounter: counter } });
    await t.host.start(xorRequest('one', 1_000_000, 0));
    await t.firstEvent('one', 'progress');
    t.host.stop('one');
    const atStop = Atomics.load(batches, 0);
    const last = await t.ended('one');
    expect(last.type).toBe('stopped');
    // One scripted batch per epoch: the batches run after the flag went up.
    if (last.type === 'stopped') expect(last.result.epochs - atStop).toBeLessThanOrEqual(1);
  });

  it('pauses, steps one batch at a time, resumes and finishes', async () => {
    const t = makeHost();
    await t.host.start({ ...xorRequest('p', 5), paused: true });
    await t.firstEvent('p', 'paused');
    const stepped = t.firstEvent('p', 'progress');
    t.host.step('p');
    await stepped;
    expect(epochsOf(t.of('p'))).toEqual([1]);
    t.host.resume('p');
    const last = await t.ended('p');
    expect(last.type).toBe('done');
    expect(t.of('p').map((e) => e.type)).toContain('resumed');
    expect(epochsOf(t.of('p'))).toEqual(range(5));
  });

  it('B6: refuses a malformed request with field-level problems before spawning a worker', async () => {
    const t = makeHost({ workerPath: '/nonexistent/worker.cjs' });
    const base = xorRequest('b', 10);
    const tooLong = await t.host.start({ ...base, request: { ...base.request, settings: { ...base.request.settings, epochs: 1e12 } } });
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(tooLong.problems[0]).toMatchObject({ field: 'request.settings.epochs' });
    const unknownNode = await t.host.start({
      ...base,
      request: { ...base.request, spec: { nodes: [{ id: 'x', type: 'Teleport', params: {} }], edges: [] } },
    });
    expect(unknownNode.ok).toBe(false);
    if (!unknownNode.ok) expect(unknownNode.problems[0]).toMatchObject({ field: 'request.spec.nodes.0.type' });
    const zeroLr = await t.host.start({
      ...base,
      request: { ...base.request, settings: { ...base.request.settings, optimizer: { type: 'SGD', lr: 0 } } },
    });
    expect(zeroLr.ok).toBe(false);
    if (!zeroLr.ok) expect(zeroLr.problems[0]).toMatchObject({ code: 'bad-setting', field: 'optimizer.lr' });
    const extra = await t.host.start({ ...base, evil: true });
    expect(extra.ok).toBe(false);
    const notAnObject = await t.host.start('train please');
    expect(notAnObject.ok).toBe(false);
    expect(t.host.liveRuns()).toEqual([]);
    expect(t.events).toEqual([]);
  });

  it('passes the engine’s own refusal through without any events', async () => {
    const t = makeHost();
    const base = xorRequest('z', 10);
    const r = await t.host.start({ ...base, request: { ...base.request, settings: { ...base.request.settings, seed: 666 } } });
    expect(r).toEqual({ ok: false, problems: [{ code: 'bad-data', row: 17, column: 'x3', message: "Row 17, column 'x3' is not a number" }] });
    await settle();
    expect(t.events).toEqual([]);
  });

  it('B7: refuses a second start of a run that is still in progress', async () => {
    const t = makeHost();
    await t.host.start(xorRequest('twice', 1_000_000));
    const again = await t.host.start(xorRequest('twice', 10));
    expect(again).toEqual({ ok: false, problems: [expect.objectContaining({ message: 'A run is already in progress with this id.' })] });
    t.host.stop('twice');
    expect((await t.ended('twice')).type).toBe('stopped');
  });

  it('B4: an uncaught exception in the worker becomes one error event, and the next run works', async () => {
    const t = makeHost({ testHooks: { crashAtBatch: 50 } });
    await t.host.start(xorRequest('c', 100_000));
    const last = await t.ended('c');
    await settle();
    expect(last).toEqual({ type: 'error', runId: 'c', message: 'Training stopped unexpectedly: injected crash. Your project is safe.', text: unexpectedStopSaid('injected crash') });
    expect(t.of('c')[t.of('c').length - 1]).toBe(last);

    const healthy = makeHost();
    await healthy.host.start(xorRequest('c2', 100));
    expect((await healthy.ended('c2')).type).toBe('done');
  });

  it('B4: an engine exception inside the loop is reported by the worker as an error event', async () => {
    const t = makeHost({ testHooks: { throwAtBatch: 20 } });
    await t.host.start(xorRequest('e', 1000));
    expect(await t.ended('e')).toEqual({
      type: 'error',
      runId: 'e',
      message: 'Training stopped unexpectedly: injected failure. Your project is safe.',
      text: unexpectedStopSaid('injected failure'),
    });
  });

  it('B4: a worker that calls process.exit(3) is reported with its exit code', async () => {
    const t = makeHost({ testHooks: { exitAtBatch: 10 } });
    await t.host.start(xorRequest('x', 1000));
    expect(await t.ended('x')).toEqual({
      type: 'error',
      runId: 'x',
      message: 'Training stopped unexpectedly: the training worker exited with code 3. Your project is safe.',
      text: unexpectedStopSaid(say('host.run.workerExited', { code: 3 })),
    });
  });

  it('B5: a worker past its memory limit is reported as out of memory; main survives and trains again', async () => {
    const t = makeHost({ testHooks: { exhaustMemoryAtBatch: 5 }, resourceLimits: { maxOldGenerationSizeMb: 32 } });
    await t.host.start(xorRequest('m', 1000));
    const last = await t.ended('m');
    expect(last).toEqual({ type: 'error', runId: 'm', message: OUT_OF_MEMORY_MESSAGE, text: OUT_OF_MEMORY_TEXT });
    expect(OUT_OF_MEMORY_MESSAGE).toContain('Training ran out of memory; try a smaller batch size or fewer units');
    const again = makeHost();
    await again.host.start(xorRequest('m2', 10));
    expect((await again.ended('m2')).type).toBe('done');
  });

  it('B6: drops unknown and malformed worker messages instead of forwarding them', async () => {
    const t = makeHost({ testHooks: { postJunk: true } });
    await t.host.start(xorRequest('j', 20));
    await t.ended('j');
    await settle();
    expect(t.of('j').every((e) => ['progress', 'boundary', 'done'].includes(e.type))).toBe(true);
    expect(t.logs.filter((l) => l.includes('dropped a malformed message'))).toHaveLength(3);
  });

  it('B3: a worker that ignores stop is terminated after the grace period, and a new run starts', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const t = makeHost({ testHooks: { hangOnStop: true }, stopGraceMs: 5000 });
    expect((await t.host.start(xorRequest('h', 1_000_000))).ok).toBe(true);
    t.host.stop('h');
    await vi.advanceTimersByTimeAsync(4999);
    expect(t.of('h').filter((e) => TERMINAL.has(e.type))).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.of('h').filter((e) => TERMINAL.has(e.type))).toEqual([{ type: 'error', runId: 'h', message: UNRESPONSIVE_MESSAGE, text: UNRESPONSIVE_TEXT }]);
    vi.useRealTimers();
    const next = makeHost();
    await next.host.start(xorRequest('h2', 10));
    expect((await next.ended('h2')).type).toBe('done');
    await t.host.dispose();
    expect(t.of('h').filter((e) => TERMINAL.has(e.type))).toHaveLength(1);
  });

  it('runs at most poolSize workers at once and starts queued runs as workers free up', async () => {
    const t = makeHost({ poolSize: 2 });
    const starts = ['q1', 'q2', 'q3'].map((id) => t.host.start(xorRequest(id, 1_000_000)));
    const [r1, r2] = await Promise.all(starts.slice(0, 2));
    expect(r1.ok && r2.ok).toBe(true);
    let thirdStarted = false;
    void starts[2].then(() => (thirdStarted = true));
    await settle();
    expect(thirdStarted).toBe(false);
    expect(t.of('q3')).toEqual([]);
    t.host.stop('q1');
    await t.ended('q1');
    expect((await starts[2]).ok).toBe(true);
    t.host.stop('q2');
    t.host.stop('q3');
    expect((await t.ended('q2')).type).toBe('stopped');
    expect((await t.ended('q3')).type).toBe('stopped');
  });

  it('a queued run stopped before it starts is refused, with no events', async () => {
    const t = makeHost({ poolSize: 1 });
    void t.host.start(xorRequest('busy', 1_000_000));
    const queued = t.host.start(xorRequest('waiting', 10));
    t.host.stop('waiting');
    const refused = await queued;
    expect(refused).toEqual({ ok: false, problems: [expect.objectContaining({ message: 'The run was stopped before it started.' })] });
    // The app says it in the reader's language.
    const problem = refused.ok ? null : refused.problems[0];
    expect(problem && 'text' in problem && problem.text ? render(problem.text, 'zh-TW') : null).toBe('這次訓練在開始前就被停止了。');
    t.host.stop('busy');
    await t.ended('busy');
    expect(t.of('waiting')).toEqual([]);
  });

  it('dispose ends live runs with one error event each and waits for the threads to exit', async () => {
    const t = makeHost();
    await t.host.start(xorRequest('d', 1_000_000));
    await t.host.dispose();
    const terminals = t.of('d').filter((e) => TERMINAL.has(e.type));
    expect(terminals).toEqual([{ type: 'error', runId: 'd', message: 'Training was stopped because the app is closing.', text: CLOSING_TEXT }]);
    expect(t.host.liveRuns()).toEqual([]);
  });

  it('ignores commands for unknown or malformed run ids', () => {
    const t = makeHost();
    expect(() => {
      t.host.pause('nope');
      t.host.stop({ runId: 'x' });
      t.host.step(42);
    }).not.toThrow();
  });
});
