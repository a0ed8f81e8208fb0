// Export initial weights: the numbers a fresh run of the project starts from, written as a weights
// file, so a NumPy script (or `bpnn train --init-weights`) can start from the same place.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTrainingSession, projectToSpec, type Project } from '../../../core/index';
import { setApi } from '../../../renderer/backend/api';
import { exportInitialWeights } from '../../../renderer/app/file-actions';
import { useProjectStore } from '../../../renderer/store/project';
import { useUiStore } from '../../../renderer/store/ui';
import { exampleProject } from '../fixtures';
import { fakeApi } from '../fake-api';

vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 0));

beforeEach(() => {
  useProjectStore.getState().loadProject(exampleProject('xor'), '/w/xor.bpnn', 'xor.bpnn');
  useUiStore.getState().showBanner(null);
});

describe('Export initial weights', () => {
  it('exports the weights a fresh run with the project seed starts from, before any training', async () => {
    let sent: { project: Project; suggestedName: string } | null = null;
    setApi(fakeApi({ exportWeights: async (req) => ((sent = req), { ok: true, filePath: '/w/x.json', fileName: 'xor.initial-weights.json' }) }));
    await exportInitialWeights();
    expect(sent).not.toBeNull();
    const req = sent as unknown as { project: Project; suggestedName: string };
    expect(req.suggestedName).toBe('xor.initial-weights.json');
    // The same numbers Train would start from: a session created from the project's settings.
    const p = useProjectStore.getState().project;
    const created = createTrainingSession({ spec: projectToSpec(p), dataset: p.dataset, settings: p.training }, { now: () => 0 });
    if (!created.ok) throw new Error('the example does not train');
    expect(req.project.weights).toEqual(created.session.weights());
    // The open project keeps no weights: exporting is not training.
    expect(useProjectStore.getState().project.weights).toBeNull();
    expect(useUiStore.getState().banner).toMatchObject({ title: 'Initial weights exported' });
  });

  it('says what is wrong when the network cannot train yet', async () => {
    setApi(fakeApi({}));
    useProjectStore.getState().loadProject({ ...exampleProject('xor'), graph: { nodes: [exampleProject('xor').graph.nodes[0]], edges: [] } }, null, 'x.bpnn');
    await exportInitialWeights();
    expect(useUiStore.getState().banner).toMatchObject({ kind: 'notice', title: 'No initial weights yet' });
  });
});
