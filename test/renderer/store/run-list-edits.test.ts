// The app's own stores together: a single run keeps going while its project's run list is
// edited (sweep runs added, a run renamed), and stops only when another project is loaded.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setApi } from '../../../renderer/backend/api';
import { useProjectStore } from '../../../renderer/store/project';
import { addRunsToProject } from '../../../renderer/store/sweep';
import { useTrainingStore } from '../../../renderer/store/training';
import { exampleProject } from '../fixtures';
import { fakeApi } from '../fake-api';

vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 0));

const stopped: string[] = [];

const xor = exampleProject('xor');
const record = (id: string) => ({
  id,
  name: id,
  createdAt: '2026-01-01T00:00:00.000Z',
  settings: xor.training,
  dataset: xor.dataset,
  curves: { loss: [1], accuracy: [0.5], testLoss: null, testAccuracy: null, lr: [0.1] },
  result: { state: 'done' as const, epochs: 1, loss: 1, accuracy: 0.5, testAccuracy: null, ms: 1 },
  sweep: { id: 's', setting: 'lr', value: id },
});

beforeEach(() => {
  stopped.length = 0;
  setApi(fakeApi({ startTraining: async () => ({ ok: true, shapes: [] }), stopTraining: async (runId: string) => void stopped.push(runId) }));
  useProjectStore.getState().loadProject({ ...xor, runs: [] }, null, 'xor.bpnn');
});
afterEach(() => {
  useTrainingStore.getState().clear();
});

describe('a run and its project’s run list', () => {
  it('keeps training while sweep runs are added and a run is renamed; stops when another project opens', async () => {
    await useTrainingStore.getState().start();
    const runId = useTrainingStore.getState().runId;
    expect(runId).not.toBeNull();
    expect(useTrainingStore.getState().status).toBe('running');

    addRunsToProject([record('lr=0.1'), record('lr=1')]);
    expect(useProjectStore.getState().project.runs.map((r) => r.id)).toEqual(['lr=0.1', 'lr=1']);
    const runs = useProjectStore.getState().project.runs;
    useProjectStore.getState().setRuns([{ ...runs[0], name: 'renamed' }, runs[1]]);
    expect(stopped).toEqual([]);
    expect(useTrainingStore.getState().status).toBe('running');
    expect(useTrainingStore.getState().runId).toBe(runId);

    useProjectStore.getState().loadProject(exampleProject('linear'), null, 'linear.bpnn');
    expect(stopped).toEqual([runId]);
    expect(useTrainingStore.getState().status).toBe('idle');
  });
});
