// The browser build's training host and the memory budget (docs/reliability.md B5), with a
// scripted fake worker: a run that cannot fit is refused before a worker is made, the budget
// travels to the worker's engine, runs that would not fit together wait, and a worker that runs
// out of memory anyway ends its run with the out-of-memory message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUT_OF_MEMORY_MESSAGE, OUT_OF_MEMORY_TEXT, estimateRequestMemory, parseProject, projectToSpec, type MemoryBudget, type TrainingEvent } from '../../core/index';
import type { StartTrainingRequest } from '../../runtime/api';
import { browserMemoryBudget, createWebPool } from '../../runtime/web-worker';
import { exampleProject } from '../renderer/fixtures';
import { FakeWorker } from './fixtures/fake-web-worker';

const GB = 1024 ** 3;


function setup(budget: MemoryBudget, poolSize = 8) {
  const workers: FakeWorker[] = [];
  const host = createWebPool(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    { poolSize, memoryBudget: budget },
  );
  const events: TrainingEvent[] = [];
  host.onEvent((e) => events.push(e));
  return { host, workers, events };
}

function xor(runId: string): StartTrainingRequest {
  const p = exampleProject('xor');
  return { runId, request: { spec: projectToSpec(p), dataset: p.dataset, settings: p.training }, boundaryResolution: 8 };
}

function bomb(runId: string): StartTrainingRequest {
  const parsed = parseProject(readFileSync(join(import.meta.dirname, '../fixtures/memory-bomb.bpnn'), 'utf8'));
  if (!parsed.ok) throw new Error('the memory-bomb fixture does not load');
  const p = parsed.project;
  return { runId, request: { spec: projectToSpec(p), dataset: p.dataset, settings: p.training }, boundaryResolution: 48 };
}

describe('browser training host: memory (B5)', () => {
  it('B5: refuses the memory bomb before any worker is made', async () => {
    const { host, workers, events } = setup({ bytes: 2 * GB, source: 'browser' });
    const r = await host.start(bomb('b'));
    expect(workers).toHaveLength(0);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]).toMatchObject({ code: 'too-much-memory', allowed: 2 * GB });
      expect(r.problems[0].message).toMatch(/; this browser allows about 2 GB for training\. Most of it is the activations of 'relu1' for a batch of 976 samples/);
    }
    expect(events).toEqual([]);
    expect(host.activeRuns()).toEqual([]);
  });

  it("checks the user's limit from the request instead, and sends the budget to the worker's engine", async () => {
    const { host, workers } = setup({ bytes: 64 * GB, source: 'browser' });
    const mine = await host.start({ ...bomb('mine'), memoryLimit: 6 * GB });
    expect(mine.ok).toBe(false);
    if (!mine.ok) expect(mine.problems[0].message).toMatch(/; your memory limit is 6 GB\. .*Or raise your memory limit\.$/);
    expect(workers).toHaveLength(0);
    void host.start(xor('a'));
    expect(workers[0].sent[0]).toMatchObject({ kind: 'start', req: { runId: 'a' }, memoryBudget: { bytes: 64 * GB, source: 'browser' } });
    void host.start({ ...xor('b'), memoryLimit: 512 * 1024 ** 2 });
    expect(workers[1].sent[0]).toMatchObject({ kind: 'start', memoryBudget: { bytes: 512 * 1024 ** 2, source: 'chosen' } });
  });

  it('B5: a run that would not fit next to a running one waits for it, though a worker is free', async () => {
    const one = estimateRequestMemory(xor('x').request, { boundaryResolution: 8 })!.bytes;
    const { host, workers } = setup({ bytes: Math.floor(one * 1.5), source: 'browser' });
    const a = host.start(xor('a'));
    const b = host.start(xor('b'));
    expect(workers).toHaveLength(1);
    expect(host.queuedRuns()).toEqual(['b']);
    workers[0].reply({ kind: 'started', shapes: [] });
    await a;
    workers[0].reply({ kind: 'event', event: { type: 'error', runId: 'a', message: 'x' } });
    expect(workers).toHaveLength(2);
    workers[1].reply({ kind: 'started', shapes: [] });
    await expect(b).resolves.toEqual({ ok: true, shapes: [] });
  });

  it('B5: a worker that runs out of memory ends its run with the out-of-memory message, and the next run starts', async () => {
    const { host, workers, events } = setup({ bytes: 2 * GB, source: 'browser' }, 1);
    const a = host.start(xor('a'));
    const b = host.start(xor('b'));
    workers[0].reply({ kind: 'started', shapes: [] });
    await a;
    workers[0].onerror?.({ message: 'Uncaught RangeError: Array buffer allocation failed' });
    expect(events).toEqual([{ type: 'error', runId: 'a', message: OUT_OF_MEMORY_MESSAGE, text: OUT_OF_MEMORY_TEXT }]);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    workers[1].reply({ kind: 'started', shapes: [] });
    await expect(b).resolves.toEqual({ ok: true, shapes: [] });
  });

  it('the automatic budget is half of navigator.deviceMemory, or the conservative constant without it', () => {
    expect(browserMemoryBudget({ deviceMemory: 8 })).toEqual({ bytes: 4 * GB, source: 'browser' });
    expect(browserMemoryBudget({})).toEqual({ bytes: 2 * GB, source: 'browser' });
    expect(browserMemoryBudget(undefined)).toEqual({ bytes: 2 * GB, source: 'browser' });
  });
});
