// The desktop training host and the memory budget (docs/reliability.md B5), on real worker
// threads: a run that cannot fit is refused before any thread exists, runs that would not fit
// together wait for each other, and a run whose allocation fails anyway (the real engine and
// worker, given a budget that lets it through) ends as one out-of-memory error event while the
// host goes on training.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MEMORY_LIMIT, OUT_OF_MEMORY_MESSAGE, OUT_OF_MEMORY_TEXT, estimateRequestMemory, parseProject, projectToSpec, type MemoryBudget, type TrainingEvent } from '../../core/index';
import type { StartTrainingRequest } from '../../electron/ipc/contract';
import { TrainingHost, type TrainingHostOptions } from '../../electron/main/services/training-host';
import { buildBundles, FAKE_WORKER_ENTRY } from './helpers/bundle';
import { xorRequest } from './helpers/requests';

const GB = 1024 ** 3;
const TERMINAL = new Set(['done', 'stopped', 'diverged', 'error']);

let fakeWorker = '';
let realWorker = '';
beforeAll(async () => {
  const built = await buildBundles({ ...FAKE_WORKER_ENTRY, 'training-worker': 'runtime/training-worker.ts' });
  fakeWorker = built['fake-training-worker'];
  realWorker = built['training-worker'];
}, 600_000);

const hosts: TrainingHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.dispose()));
});

function makeHost(opts: Partial<TrainingHostOptions>) {
  const host = new TrainingHost({ workerPath: fakeWorker, poolSize: 1, ...opts });
  hosts.push(host);
  const events: TrainingEvent[] = [];
  host.onEvent((e) => events.push(e));
  const ended = (runId: string) =>
    new Promise<TrainingEvent>((resolve) => {
      const check = () => {
        const e = events.find((x) => x.runId === runId && TERMINAL.has(x.type));
        if (e) resolve(e);
        else setTimeout(check, 10);
      };
      check();
    });
  return { host, events, ended };
}

function bombRequest(runId: string): StartTrainingRequest {
  const parsed = parseProject(readFileSync(path.resolve(__dirname, '../fixtures/memory-bomb.bpnn'), 'utf8'));
  if (!parsed.ok) throw new Error('the memory-bomb fixture does not load');
  const p = parsed.project;
  return { runId, request: { spec: projectToSpec(p), dataset: p.dataset, settings: p.training, initialWeights: null }, boundaryResolution: 48 };
}

describe('the desktop host and the memory budget (B5)', () => {
  it('B5: refuses the memory-bomb request before any worker spawns, with the memory problem', async () => {
    // A worker path that does not exist: any attempt to spawn would fail differently.
    const t = makeHost({ workerPath: '/nonexistent/worker.cjs', memoryBudget: { bytes: 6 * GB, source: 'computer' } });
    const r = await t.host.start(bombRequest('bomb'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ code: 'too-much-memory', allowed: 6 * GB });
      expect(r.problems[0].message).toMatch(/^This run needs about \d+ GB of memory; this computer allows 6 GB for training\. Most of it is the activations of 'relu1'/);
    }
    expect(t.host.liveRuns()).toEqual([]);
    expect(t.events).toEqual([]);
  });

  it("B5: the user's memory limit in the request is the one checked, and named as theirs", async () => {
    const t = makeHost({ workerPath: '/nonexistent/worker.cjs', memoryBudget: { bytes: MAX_MEMORY_LIMIT, source: 'computer' } });
    const r = await t.host.start({ ...bombRequest('mine'), memoryLimit: 6 * GB });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/; your memory limit is 6 GB\. .*Or raise your memory limit\.$/);
    const junk = await t.host.start({ ...xorRequest('junk', 10), memoryLimit: -5 });
    expect(junk.ok).toBe(false);
    if (!junk.ok) expect(junk.problems[0]).toMatchObject({ field: 'memoryLimit' });
  });

  it('B5: runs that would not fit in memory together wait for each other, even with a free worker', async () => {
    const one = estimateRequestMemory(xorRequest('x', 1, 16).request, { boundaryResolution: 16 })!.bytes;
    const budget: MemoryBudget = { bytes: Math.floor(one * 1.5), source: 'computer' };
    const t = makeHost({ poolSize: 2, memoryBudget: budget });
    const first = await t.host.start(xorRequest('m1', 1_000_000));
    expect(first.ok).toBe(true);
    let secondStarted = false;
    const second = t.host.start(xorRequest('m2', 10));
    void second.then(() => (secondStarted = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(secondStarted).toBe(false);
    t.host.stop('m1');
    expect((await t.ended('m1')).type).toBe('stopped');
    expect((await second).ok).toBe(true);
    expect((await t.ended('m2')).type).toBe('done');
  });

  it('B5: a real run whose buffers cannot be made ends as one out-of-memory error; the next run trains', async () => {
    // 4300 signals × 1075 channels × 930 steps: one layer's batch would be 2^32 + numbers, more
    // than a Float64Array can hold, so the first forward fails at once without taking memory.
    const t = makeHost({ workerPath: realWorker, memoryBudget: { bytes: Number.MAX_SAFE_INTEGER, source: 'chosen' } });
    const base = bombRequest('oom');
    const req: StartTrainingRequest = {
      ...base,
      boundaryResolution: 0,
      request: {
        ...base.request,
        spec: {
          ...base.request.spec,
          nodes: base.request.spec.nodes.map((n) => (n.type === 'Conv1d' ? { ...n, params: { outChannels: 1075, kernelSize: 1, stride: 1, padding: 0 } } : n)),
        },
        dataset: { kind: 'generator', generator: 'waves', params: { n: 4300, noise: 0.05, classes: 3, length: 930 }, seed: 1 },
      },
    };
    const started = await t.host.start(req);
    expect(started.ok).toBe(true);
    expect(await t.ended('oom')).toEqual({ type: 'error', runId: 'oom', message: OUT_OF_MEMORY_MESSAGE, text: OUT_OF_MEMORY_TEXT });
    expect(OUT_OF_MEMORY_MESSAGE).toBe('Training ran out of memory; try a smaller batch size or fewer units. Your project is safe.');
    expect((await t.host.start(xorRequest('after', 50, 0))).ok).toBe(true);
    expect((await t.ended('after')).type).toBe('done');
  }, 600_000);
});
