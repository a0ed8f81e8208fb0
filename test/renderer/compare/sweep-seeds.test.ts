// The Compare view over seeds: each value runs once per seed (5 unless told), with new data per
// seed when asked; the results read per value (median, range, seeds at 100 %, when) and the
// curves are a median line in a band.
import { describe, expect, it } from 'vitest';
import type { Project, RunRecord } from '../../../core/index';
import { createSweepStore } from '../../../renderer/store/sweep';
import { bandOption } from '../../../report/charts/overlay-options';
import { sweepBands, sweepRows, valueSummaries } from '../../../renderer/compare/rows';
import { exampleProject } from '../fixtures';
import { engineApi, settle } from './engine-api';

function harness(name: 'xor' | 'linear', epochs: number) {
  const engine = engineApi();
  let project: Project = { ...exampleProject(name) };
  project = { ...project, training: { ...project.training, epochs } };
  const frames: (() => void)[] = [];
  const store = createSweepStore({
    api: () => engine.api,
    project: () => ({ project, addRuns: (rs: RunRecord[]) => void (project = { ...project, runs: [...project.runs, ...rs] }) }),
    selectedNodeIds: () => [],
    nowIso: () => '2026-01-01T00:00:00.000Z',
    requestFrame: (cb) => void frames.push(cb),
    newId: () => 'sweep-1',
  });
  const runAll = async () => {
    await store.getState().start();
    await settle();
    frames.splice(0).forEach((f) => f());
  };
  return { store, engine, project: () => project, runAll };
}

describe('a sweep over seeds in the Compare view', () => {
  it('runs every value over 5 seeds by default, from the project seed up, and names each run with its seed', async () => {
    const h = harness('xor', 20);
    expect(h.store.getState().seedCount).toBe(5);
    h.store.getState().setValues(['0.05', '0.5']);
    await h.runAll();
    expect(h.engine.requests.map((r) => [r.request.settings.optimizer.lr, r.request.settings.seed])).toEqual([
      [0.05, 1], [0.05, 2], [0.05, 3], [0.05, 4], [0.05, 5],
      [0.5, 1], [0.5, 2], [0.5, 3], [0.5, 4], [0.5, 5],
    ]);
    const s = h.store.getState();
    expect(s.plan?.seeds).toEqual([1, 2, 3, 4, 5]);
    expect(h.project().runs.map((r) => r.name).slice(0, 2)).toEqual(['Learning rate 0.05, seed 1', 'Learning rate 0.05, seed 2']);
    expect(sweepRows(s.runs, true).map((r) => r.label).slice(0, 2)).toEqual(['lr 0.05, seed 1', 'lr 0.05, seed 2']);
    const summaries = valueSummaries(s.runs);
    expect(summaries.map((v) => [v.label, v.runs])).toEqual([
      ['lr 0.05', 5],
      ['lr 0.5', 5],
    ]);
    expect(summaries[0].finalLoss!.min).toBeLessThanOrEqual(summaries[0].finalLoss!.median);
    expect(summaries[0].finalLoss!.median).toBeLessThanOrEqual(summaries[0].finalLoss!.max);
  });

  it('new data for every seed gives each seed its own points, and the runs keep the data they trained on', async () => {
    const h = harness('linear', 3);
    h.store.getState().setSeedCount(2);
    h.store.getState().setNewData(true);
    h.store.getState().setValues(['0.05']);
    await h.runAll();
    const seeds = (ds: { kind: string; seed?: number }) => (ds.kind === 'generator' ? ds.seed : null);
    expect(h.engine.requests.map((r) => seeds(r.request.dataset))).toEqual([1, 2]);
    expect(h.project().runs.map((r) => seeds(r.dataset))).toEqual([1, 2]);
  });

  it('draws one median line per value inside a band from the lowest to the highest seed', async () => {
    const h = harness('xor', 15);
    h.store.getState().setSeedCount(3);
    h.store.getState().setValues(['0.05', '0.5']);
    await h.runAll();
    const bands = sweepBands(h.store.getState().runs, 'loss');
    expect(bands.map((b) => b.label)).toEqual(['lr 0.05 (3 seeds)', 'lr 0.5 (3 seeds)']);
    const runs = h.store.getState().runs.filter((r) => r.value === '0.5');
    const last = runs.map((r) => r.metrics[14].loss).sort((a, b) => a - b);
    expect([bands[1].band.lo[14], bands[1].band.median[14], bands[1].band.hi[14]]).toEqual(last);
    const option = bandOption(bands, 'loss') as { series: { type: string; name: string }[]; legend: { data: string[] } };
    expect(option.series.filter((x) => x.type === 'line').map((x) => x.name)).toEqual(['lr 0.05 (3 seeds)', 'lr 0.5 (3 seeds)']);
    expect(option.series.filter((x) => x.type === 'custom')).toHaveLength(2);
    expect(option.legend.data).toEqual(['lr 0.05 (3 seeds)', 'lr 0.5 (3 seeds)']);
  });

  it('a seed sweep runs each seed once, and a refused option starts nothing, saying why', async () => {
    const h = harness('xor', 5);
    h.store.getState().setSetting('seed');
    await h.runAll();
    expect(h.engine.requests.map((r) => r.request.settings.seed)).toEqual([1, 2, 3, 4, 5]);
    const inline = harness('xor', 5);
    const p = inline.project();
    Object.assign(p, { dataset: { kind: 'inline', name: 'four', featureNames: ['a', 'b'], features: [[0, 0], [0, 1], [1, 0], [1, 1]], labels: [0, 1, 1, 0], classNames: ['0', '1'] } });
    inline.store.getState().setNewData(true);
    await inline.store.getState().start();
    expect(inline.engine.requests).toHaveLength(0);
    expect(inline.store.getState().problems[0]).toMatch(/^New data for every seed needs a generated data set/);
  });
});
