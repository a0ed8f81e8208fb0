// The Lab view's store, with the real engine in-thread (short runs of the lab's examples) and a
// hand-cranked frame clock: one click runs a finding over its seeds and judges it; "Run all" goes
// finding by finding; the open project is never touched.
import { describe, expect, it } from 'vitest';
import type { LabTask, Project } from '../../../core/index';
import { createLabStore } from '../../../renderer/lab/store';
import { exampleProject } from '../fixtures';
import { engineApi } from '../compare/engine-api';

function harness(epochs: number) {
  const engine = engineApi();
  let ids = 0;
  const store = createLabStore({
    api: () => engine.api,
    example: async (task: LabTask): Promise<Project> => {
      const p = exampleProject(task);
      return { ...p, training: { ...p.training, epochs } };
    },
    // A frame comes after the engine's microtasks, as in the app: the store waits for it between findings.
    requestFrame: (cb) => void setTimeout(cb, 0),
    newId: () => String((ids += 1)),
  });
  return { store, engine };
}

describe('the Lab view store', () => {
  it('runs finding 6 (no activation on XOR) over its seeds with new data each, and says it held', async () => {
    const h = harness(100);
    h.store.getState().setSeedCount(2);
    await h.store.getState().run(6);
    const f = h.store.getState().findings[6];
    expect(h.engine.requests.map((r) => [r.request.spec.nodes.find((n) => n.id === 'sig1')?.type, r.request.settings.seed])).toEqual([
      ['Sigmoid', 1],
      ['Sigmoid', 2],
      ['Identity', 1],
      ['Identity', 2],
    ]);
    expect(h.engine.requests.every((r) => r.runId.startsWith('lab-6-') && r.boundaryResolution === 0)).toBe(true);
    expect(f.status).toBe('done');
    expect(f.result).toMatchObject({ finding: 6, task: 'xor', verdict: 'held', heldOn: 2, seeds: 2, text: 'held on 2 of 2 seeds' });
    expect(f.runs.every((r) => r.loss.length === 100)).toBe(true);
    expect(h.store.getState().busy).toBe(false);
  });

  it('Run all goes through the ten experiments of both tasks, one after another, and judges each', async () => {
    const h = harness(3);
    h.store.getState().setSeedCount(1);
    await h.store.getState().runAll();
    const findings = h.store.getState().findings;
    expect(Object.keys(findings).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const f of Object.values(findings)) {
      expect(f.status).toBe('done');
      expect(f.result?.seeds).toBe(1);
      expect(['held', 'near-tie', 'did-not-hold']).toContain(f.result?.verdict);
    }
    // Finding by finding: every run of finding 1 was asked for before any of finding 2.
    const order = h.engine.requests.map((r) => Number(r.runId.split('-')[1]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(h.engine.requests).toHaveLength(5 + 5 + 7 + 7 + 2 + 2 + 4 + 4 + 4 + 4);
  });
});
