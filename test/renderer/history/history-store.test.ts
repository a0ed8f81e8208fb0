// Run history: rename, delete, pick; re-running a past run with its seed gives the same curve.
import { describe, expect, it } from 'vitest';
import type { Project, RunRecord } from '../../../core/index';
import { createHistoryStore, MAX_RUN_NAME, sameCurves } from '../../../renderer/history/history-store';
import { createSweepStore } from '../../../renderer/store/sweep';
import { engineApi, settle } from '../compare/engine-api';
import { exampleProject } from '../fixtures';

const EPOCHS = 80;

function harness() {
  const engine = engineApi();
  let project: Project = exampleProject('xor');
  project = { ...project, training: { ...project.training, epochs: EPOCHS } };
  const addRun = (r: RunRecord) => void (project = { ...project, runs: [...project.runs, r] });
  let ids = 0;
  const history = createHistoryStore({
    api: () => engine.api,
    project: () => project,
    setRuns: (runs) => void (project = { ...project, runs }),
    addRun,
    nowIso: () => '2026-01-02T00:00:00.000Z',
    newId: () => `rerun-${(ids += 1)}`,
  });
  const frames: (() => void)[] = [];
  const sweep = createSweepStore({
    api: () => engine.api,
    project: () => ({ project, addRuns: (rs: RunRecord[]) => rs.forEach(addRun) }),
    selectedNodeIds: () => [],
    nowIso: () => '2026-01-01T00:00:00.000Z',
    requestFrame: (cb) => void frames.push(cb),
    newId: () => 'sweep-1',
  });
  const runSweep = async (setting: 'lr' | 'hidden', values: string[]) => {
    // One run per value: these tests are about the history, not about seeds.
    sweep.getState().setSeedCount(1);
    sweep.getState().setSetting(setting);
    sweep.getState().setValues(values);
    await sweep.getState().start();
    await settle();
    frames.splice(0).forEach((f) => f());
  };
  return { history, engine, project: () => project, runSweep };
}

describe('run history', () => {
  it('renames a run (trimmed, length-limited) and ignores an empty name', async () => {
    const h = harness();
    await h.runSweep('lr', ['0.5', '0.05']);
    const [a] = h.project().runs;
    h.history.getState().rename(a.id, '  fast   learner  ');
    expect(h.project().runs[0].name).toBe('fast learner');
    h.history.getState().rename(a.id, '   ');
    expect(h.project().runs[0].name).toBe('fast learner');
    h.history.getState().rename(a.id, 'x'.repeat(500));
    expect(h.project().runs[0].name).toHaveLength(MAX_RUN_NAME);
  });

  it('deletes runs and forgets them in the overlay pick', async () => {
    const h = harness();
    await h.runSweep('lr', ['0.5', '0.05']);
    const [a, b] = h.project().runs;
    h.history.getState().togglePick(a.id);
    h.history.getState().togglePick(b.id);
    expect(h.history.getState().picked).toEqual([a.id, b.id]);
    h.history.getState().remove([a.id]);
    expect(h.project().runs.map((r) => r.id)).toEqual([b.id]);
    expect(h.history.getState().picked).toEqual([b.id]);
  });

  it('re-running a sweep run with its seed gives the identical curve, bit for bit', async () => {
    const h = harness();
    await h.runSweep('hidden', ['8', '2']);
    const source = h.project().runs[1];
    await h.history.getState().rerunRun(source.id);
    await settle();
    const r = h.history.getState().rerun;
    expect(r).toMatchObject({ sourceId: source.id, status: 'finished', identical: true, epochs: EPOCHS });
    const copy = h.project().runs[2];
    expect(copy.name).toBe(`${source.name} (re-run)`);
    expect(copy.curves).toEqual(source.curves);
    expect(h.engine.requests[2].request).toEqual(h.engine.requests[1].request);
  });

  it('compares curves bit for bit: a change in the last digit of one epoch counts as different', async () => {
    const h = harness();
    await h.runSweep('lr', ['0.5']);
    const source = h.project().runs[0];
    expect(sameCurves(source.curves, source.curves.loss.map((loss, i) => ({ epoch: i + 1, loss, accuracy: source.curves.accuracy[i], testLoss: null, testAccuracy: null, lr: 0.5 })))).toBe(true);
    const tampered = { ...source.curves, loss: source.curves.loss.map((v, i) => (i === 3 ? v + 1e-15 : v)) };
    expect(sameCurves(tampered, source.curves.loss.map((loss, i) => ({ epoch: i + 1, loss, accuracy: source.curves.accuracy[i], testLoss: null, testAccuracy: null, lr: 0.5 })))).toBe(false);
  });
});
