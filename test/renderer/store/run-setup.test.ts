// Issue 13 §1: results belong to the set-up they were made with. The store records the set-up a
// run started with; after any change of data, network or settings the results are "from the
// previous set-up", and Undo (the same objects back) or the same content again makes them hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENERATORS } from '../../../core/index';
import type { DatasetSpec, Project, RunRecord, RunResult, TrainingEvent } from '../../../core/index';
import type { BpnnApi } from '../../../electron/ipc/contract';
import { switchGenerator } from '../../../renderer/data/dataset-edit';
import { previousSetupText, staleParts } from '../../../renderer/store/run-setup';
import { createTrainingStore } from '../../../renderer/store/training';
import { exampleProject } from '../fixtures';

const RESULT: RunResult = { state: 'done', epochs: 2, loss: 0.5, accuracy: 0.5, testAccuracy: null, ms: 3 };

const CSV: DatasetSpec = {
  kind: 'inline',
  name: 'points.csv',
  featureNames: ['x1', 'x2'],
  features: Array.from({ length: 30 }, (_, i) => [(i % 6) / 5, Math.floor(i / 6) / 4]),
  labels: Array.from({ length: 30 }, (_, i) => i % 2),
  classNames: ['0', '1'],
};

/** A training store over a fake engine that ends each run after two epochs. */
function trainedOn(dataset: DatasetSpec) {
  let listener: ((e: TrainingEvent) => void) | null = null;
  const frames: (() => void)[] = [];
  let project: Project = { ...exampleProject('xor'), dataset };
  const api = {
    startTraining: async () => ({ ok: true, shapes: [] }),
    onTrainingEvent: (l: (e: TrainingEvent) => void) => {
      listener = l;
      return () => undefined;
    },
  } as unknown as BpnnApi;
  const store = createTrainingStore({
    api: () => api,
    project: () => ({
      project,
      setWeights: (weights) => void (project = { ...project, weights }),
      addRun: (r: RunRecord) => void (project = { ...project, runs: [...project.runs, r] }),
    }),
    onProjectReplaced: () => undefined,
    now: () => 0,
    nowIso: () => '2026-01-01T00:00:00.000Z',
    requestFrame: (cb) => void frames.push(cb),
    newRunId: () => 'run-1',
  });
  return {
    store,
    async train() {
      await store.getState().start();
      const epochs = [1, 2].map((epoch) => ({ epoch, loss: 0.5, accuracy: 0.5, testLoss: null, testAccuracy: null, lr: 0.1 }));
      listener?.({ type: 'progress', runId: 'run-1', epochs, batch: 4 });
      listener?.({ type: 'done', runId: 'run-1', result: RESULT, weights: {} });
      frames.splice(0).forEach((f) => f());
    },
    project: () => project,
    edit(next: Project) {
      project = next;
    },
    stale: () => staleParts(store.getState().setup, project.runs[project.runs.length - 1], project),
  };
}

const withData = (base: DatasetSpec, name: string): DatasetSpec => (name === 'csv' ? CSV : switchGenerator(base, name as (typeof GENERATORS)[number]));

describe('results and the set-up they were made with', () => {
  it('after training on one data set and switching to another, the results are from the previous set-up; switching back, they hold again', async () => {
    const names = [...GENERATORS, 'csv'];
    const pairs = fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names)).filter(([a, b]) => a !== b);
    await fc.assert(
      fc.asyncProperty(pairs, async ([a, b]) => {
        const first = withData(exampleProject('xor').dataset, a);
        const h = trainedOn(first);
        await h.train();
        expect(h.store.getState().status).toBe('done');
        expect(h.stale()).toEqual([]);
        h.edit({ ...h.project(), dataset: withData(first, b) });
        expect(h.stale()).toEqual(['data']);
        // Undo gives the very object back; choosing the same data again gives equal content.
        h.edit({ ...h.project(), dataset: first });
        expect(h.stale()).toEqual([]);
        h.edit({ ...h.project(), dataset: withData(withData(first, b), a) });
        expect(h.stale()).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('tells a changed network and changed settings apart, and ignores moved blocks', async () => {
    const h = trainedOn(exampleProject('xor').dataset);
    await h.train();
    const p = h.project();
    h.edit({ ...p, graph: { ...p.graph, nodes: p.graph.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: n.position.y } })) } });
    expect(h.stale()).toEqual([]);
    const fc1 = p.graph.nodes.find((n) => n.type === 'Linear');
    if (!fc1) throw new Error('the XOR example has a Linear block');
    h.edit({ ...p, graph: { ...p.graph, nodes: p.graph.nodes.map((n) => (n === fc1 ? { ...n, params: { ...n.params, outFeatures: 7 } } : n)) } });
    expect(h.stale()).toEqual(['network']);
    h.edit({ ...p, training: { ...p.training, epochs: p.training.epochs + 1 } });
    expect(h.stale()).toEqual(['settings']);
    h.edit({ ...p, dataset: CSV, training: { ...p.training, seed: 99 } });
    expect(previousSetupText(h.stale())).toContain('the data and the settings changed');
  });

  it('without a run in this session, a saved run’s data and settings are the set-up of the results', () => {
    const p = exampleProject('xor');
    expect(staleParts(null, undefined, p)).toEqual([]);
    const saved = { id: 'r', name: 'Run 1', createdAt: '', settings: p.training, dataset: p.dataset, curves: { loss: [], accuracy: [], testLoss: [], testAccuracy: [], lr: [] }, result: RESULT } as unknown as RunRecord;
    expect(staleParts(null, saved, p)).toEqual([]);
    expect(staleParts(null, saved, { ...p, dataset: CSV })).toEqual(['data']);
  });
});
