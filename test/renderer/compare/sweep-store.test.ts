// The Compare view's store, driven by the real engine in-thread and a hand-cranked frame clock.
import { describe, expect, it } from 'vitest';
import type { Project, RunRecord } from '../../../core/index';
import { createSweepStore, placeRuns, sameProject } from '../../../renderer/store/sweep';
import { sweepRows, sweepSeries } from '../../../renderer/compare/rows';
import { exampleProject } from '../fixtures';
import { engineApi, settle } from './engine-api';

/** XOR shortened so a five-run sweep trains in a moment. */
const EPOCHS = 60;

function harness(selected: string[] = []) {
  const engine = engineApi();
  let project: Project = { ...exampleProject('xor') };
  project = { ...project, training: { ...project.training, epochs: EPOCHS } };
  const frames: (() => void)[] = [];
  let ids = 0;
  const store = createSweepStore({
    api: () => engine.api,
    project: () => ({ project, addRuns: (rs: RunRecord[]) => void (project = { ...project, runs: [...project.runs, ...rs] }) }),
    selectedNodeIds: () => selected,
    nowIso: () => '2026-01-01T00:00:00.000Z',
    requestFrame: (cb) => void frames.push(cb),
    newId: () => `sweep-${(ids += 1)}`,
  });
  // One run per value here; test/renderer/compare/sweep-seeds.test.ts repeats values over seeds.
  store.getState().setSeedCount(1);
  const runAll = async () => {
    await store.getState().start();
    await settle();
    frames.splice(0).forEach((f) => f());
  };
  return { store, engine, project: () => project, frames, runAll };
}

describe('sweep store', () => {
  it('starts one run per preset learning rate at once, each with its own id and a boundary grid', async () => {
    const h = harness();
    await h.store.getState().start();
    expect(h.engine.requests.map((r) => r.request.settings.optimizer.lr)).toEqual([0.0005, 0.005, 0.05, 0.5, 1]);
    expect(new Set(h.engine.requests.map((r) => r.runId)).size).toBe(5);
    expect(h.engine.requests.every((r) => r.boundaryResolution > 0)).toBe(true);
    expect(h.store.getState().status).toBe('running');
  });

  it('applies each run\'s events to that run only, per animation frame, and records the runs with their sweep when all end', async () => {
    const h = harness();
    await h.store.getState().start();
    await settle();
    expect(h.store.getState().runs.every((r) => r.metrics.length === 0)).toBe(true);
    expect(h.frames.length).toBe(1);
    h.frames.splice(0).forEach((f) => f());
    const s = h.store.getState();
    expect(s.status).toBe('finished');
    expect(s.runs.map((r) => [r.value, r.status, r.metrics.length])).toEqual([
      ['0.0005', 'done', EPOCHS],
      ['0.005', 'done', EPOCHS],
      ['0.05', 'done', EPOCHS],
      ['0.5', 'done', EPOCHS],
      ['1', 'done', EPOCHS],
    ]);
    // Different learning rates, different curves.
    expect(new Set(s.runs.map((r) => r.metrics[EPOCHS - 1].loss)).size).toBe(5);
    const runs = h.project().runs;
    expect(runs.map((r) => [r.name, r.sweep?.setting, r.sweep?.value, r.settings.optimizer.lr])).toEqual([
      ['Learning rate 0.0005', 'lr', '0.0005', 0.0005],
      ['Learning rate 0.005', 'lr', '0.005', 0.005],
      ['Learning rate 0.05', 'lr', '0.05', 0.05],
      ['Learning rate 0.5', 'lr', '0.5', 0.5],
      ['Learning rate 1', 'lr', '1', 1],
    ]);
    expect(new Set(runs.map((r) => r.sweep?.id))).toEqual(new Set(['sweep-1']));
    expect(Object.keys(s.weightsByRun).sort()).toEqual(runs.map((r) => r.id).sort());
    expect(s.runs.every((r) => r.boundary !== null)).toBe(true);
  });

  it('gives the table five rows and the chart five series, in the sweep\'s order', async () => {
    const h = harness();
    await h.runAll();
    const runs = h.store.getState().runs;
    expect(sweepRows(runs).map((r) => r.label)).toEqual(['lr 0.0005', 'lr 0.005', 'lr 0.05', 'lr 0.5', 'lr 1']);
    expect(sweepSeries(runs)).toHaveLength(5);
  });

  it('resizes only the selected hidden Linear nodes, and all of them when the selection holds none', async () => {
    const picked = harness(['fc2']);
    picked.store.getState().setSetting('hidden');
    picked.store.getState().setValues(['4']);
    await picked.store.getState().start();
    const units = (h: ReturnType<typeof harness>) => h.engine.requests[0].request.spec.nodes.filter((n) => n.type === 'Linear').map((n) => n.params.outFeatures);
    expect(units(picked)).toEqual([32, 4, 1]);
    expect(picked.store.getState().plan?.settingKey).toBe('hidden:fc2');

    const none = harness(['sig3']);
    none.store.getState().setSetting('hidden');
    none.store.getState().setValues(['4']);
    await none.store.getState().start();
    expect(units(none)).toEqual([4, 4, 1]);
  });

  it('refuses bad values with a line naming the value, and starts nothing', async () => {
    const h = harness();
    h.store.getState().setValues(['0.1', 'fast']);
    await h.store.getState().start();
    expect(h.engine.requests).toHaveLength(0);
    expect(h.store.getState().problems).toEqual([expect.stringMatching(/^Value 2: A learning rate must be a number above 0/)]);
    expect(h.store.getState().status).toBe('idle');
  });

  it('Stop all stops every run still going, and only those', async () => {
    const h = harness();
    await h.store.getState().start();
    await h.store.getState().stopAll();
    expect(h.engine.stops).toEqual(h.engine.requests.map((r) => r.runId));
    await settle();
    h.frames.splice(0).forEach((f) => f());
    await h.store.getState().stopAll();
    expect(h.engine.stops).toHaveLength(5);
  });

  it('changing the setting loads its presets; nothing changes while a sweep runs', async () => {
    const h = harness();
    h.store.getState().setSetting('activation');
    expect(h.store.getState().values).toEqual(['Sigmoid', 'Tanh', 'ReLU', 'LeakyReLU', 'Identity']);
    await h.store.getState().start();
    h.store.getState().setSetting('lr');
    expect(h.store.getState().setting).toBe('activation');
  });
});

describe('placing a sweep\'s runs in the history', () => {
  const rec = (id: string, sweep?: boolean) => ({ id, sweep: sweep ? { id: 's', setting: 'lr', value: '1' } : undefined }) as RunRecord;

  it('keeps the run the project\'s weights came from last, so the charts show one run', () => {
    expect(placeRuns([rec('a'), rec('b')], [rec('s1', true), rec('s2', true)], true).map((r) => r.id)).toEqual(['a', 's1', 's2', 'b']);
  });

  it('appends when the last run is a sweep run or the project has no weights', () => {
    expect(placeRuns([rec('a'), rec('x', true)], [rec('s1', true)], true).map((r) => r.id)).toEqual(['a', 'x', 's1']);
    expect(placeRuns([rec('a')], [rec('s1', true)], false).map((r) => r.id)).toEqual(['a', 's1']);
  });
});

describe('a sweep and the project it ran on', () => {
  it('does not write its runs into another project opened meanwhile, and says so', async () => {
    const engine = engineApi();
    let project: Project = { ...exampleProject('xor'), training: { ...exampleProject('xor').training, epochs: 20 } };
    const frames: (() => void)[] = [];
    const store = createSweepStore({
      api: () => engine.api,
      project: () => ({ project, addRuns: (rs: RunRecord[]) => void (project = { ...project, runs: [...project.runs, ...rs] }) }),
      selectedNodeIds: () => [],
      nowIso: () => '2026-01-01T00:00:00.000Z',
      requestFrame: (cb) => void frames.push(cb),
      newId: () => 'sweep-x',
    });
    await store.getState().start();
    project = exampleProject('linear');
    await settle();
    frames.splice(0).forEach((f) => f());
    expect(store.getState().status).toBe('finished');
    expect(project.runs).toEqual([]);
    expect(store.getState().problems[0]).toMatch(/Another project was opened during the sweep/);
    expect(sameProject(exampleProject('xor'), { ...exampleProject('xor'), runs: [] })).toBe(true);
  });
});
