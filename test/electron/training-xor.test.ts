// Acceptance: the real host trains the real XOR example on a real worker thread, bundled by the
// real build script, while the main event loop stays free (B1: ordering, never timing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fsp } from 'node:fs';
import { TrainingHost } from '../../electron/main/services/training-host';
import type { TrainingEvent } from '../../core/index';
import { buildBundles } from './helpers/bundle';
import { xorRequest } from './helpers/requests';

let host: TrainingHost;
beforeAll(async () => {
  const { 'training-worker': workerPath } = await buildBundles({ 'training-worker': 'runtime/training-worker.ts' });
  host = new TrainingHost({ workerPath, poolSize: 1 });
}, 600_000);
afterAll(() => host.dispose());

const TERMINAL = new Set(['done', 'stopped', 'diverged', 'error']);
const PINGS = 100;

function collect(runId: string) {
  const events: TrainingEvent[] = [];
  const ended = new Promise<TrainingEvent>((resolve) => {
    host.onEvent((e) => {
      if (e.runId !== runId) return;
      events.push(e);
      if (TERMINAL.has(e.type)) resolve(e);
    });
  });
  return { events, ended };
}

describe('training the XOR example on a worker thread', () => {
  it('B1: delivers all 5000 epochs in order, ends done at 100% accuracy, and main answers 100 pings meanwhile', async () => {
    const run = collect('xor');
    const started = await host.start(xorRequest('xor', undefined, 32));
    expect(started.ok).toBe(true);
    if (started.ok) expect(started.shapes.length).toBeGreaterThan(0);

    // Pings answered by the main loop (a timer turn and an async fs call each) while training runs.
    let doneSeen = false;
    void run.ended.then(() => (doneSeen = true));
    const answeredBeforeDone: boolean[] = [];
    for (let i = 0; i < PINGS; i++) {
      await new Promise((r) => setImmediate(r));
      await fsp.stat(__filename);
      answeredBeforeDone.push(!doneSeen);
    }
    const last = await run.ended;
    expect(answeredBeforeDone.filter(Boolean)).toHaveLength(PINGS);

    const epochs = run.events.flatMap((e) => (e.type === 'progress' ? e.epochs.map((m) => m.epoch) : []));
    expect(epochs).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(run.events[run.events.length - 1]).toBe(last);
    expect(run.events.filter((e) => TERMINAL.has(e.type))).toHaveLength(1);
    expect(last.type).toBe('done');
    if (last.type === 'done') {
      expect(last.result.accuracy).toBe(1);
      expect(Object.keys(last.weights).sort()).toEqual(['fc1', 'fc2', 'fc3']);
    }
    // Progress is coalesced: far fewer messages than epochs.
    expect(run.events.filter((e) => e.type === 'progress').length).toBeLessThan(5000 / 10);
    const boundary = run.events.filter((e) => e.type === 'boundary').pop();
    expect(boundary?.type === 'boundary' && boundary.probs.length).toBe(32 * 32 * 2);
  });

  it('stop mid-run on the real engine: stopped with the weights so far, nothing after', async () => {
    const run = collect('xor-stop');
    await host.start(xorRequest('xor-stop', 1_000_000, 0));
    await new Promise<void>((resolve) => {
      const off = host.onEvent((e) => {
        if (e.runId === 'xor-stop' && e.type === 'progress') {
          off();
          resolve();
        }
      });
    });
    host.stop('xor-stop');
    const last = await run.ended;
    await new Promise((r) => setTimeout(r, 50));
    expect(last.type).toBe('stopped');
    expect(run.events[run.events.length - 1]).toBe(last);
    const epochs = run.events.flatMap((e) => (e.type === 'progress' ? e.epochs.map((m) => m.epoch) : []));
    if (last.type === 'stopped') {
      expect(last.result.epochs).toBe(epochs.length);
      expect(last.result.epochs).toBeLessThan(1_000_000);
      expect(Object.keys(last.weights).sort()).toEqual(['fc1', 'fc2', 'fc3']);
    }
  });
});
