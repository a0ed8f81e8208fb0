// Sweeps over seeds: every value repeated over N seeds (value by value, seed by seed), new data
// per seed when asked, the lab's optimizer and LeakyReLU values, and the per-value summary
// (median and range, seeds at 100 % and when) that a finding is read from.
import { describe, expect, it } from 'vitest';
import { curveBand, expandSweep, makeDataset, seedsFrom, spreadOf, spreadText, summarizeByValue, type ResultRow, type SweepPlan } from '../../../core/index';
import { baseOf, example } from './fixtures';

const xor = baseOf(example('xor'));
const linear = baseOf(example('linear'));

function plan(base = xor, def: Partial<Parameters<typeof expandSweep>[1]> = {}): SweepPlan {
  const r = expandSweep(base, { setting: 'lr', values: ['0.05', '0.5'], ...def });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  return r.plan;
}

describe('a sweep repeated over seeds', () => {
  it('runs every value with every seed, value by value, each run with its own seed and the same data', () => {
    const p = plan(xor, { seeds: seedsFrom(1, 3) });
    expect(p.seeds).toEqual([1, 2, 3]);
    expect(p.runs.map((r) => [r.index, r.value, r.seed, r.request.settings.seed])).toEqual([
      [0, '0.05', 1, 1],
      [1, '0.05', 2, 2],
      [2, '0.05', 3, 3],
      [3, '0.5', 1, 1],
      [4, '0.5', 2, 2],
      [5, '0.5', 3, 3],
    ]);
    for (const r of p.runs) expect(r.request.dataset).toEqual(xor.dataset);
  });

  it('draws new data per seed when asked (the lab drew new points every run), and only then', () => {
    const p = plan(linear, { seeds: [4, 5], newData: true });
    expect(p.runs.map((r) => r.request.dataset.kind === 'generator' && r.request.dataset.seed)).toEqual([4, 5, 4, 5]);
    const [a, b] = p.runs.slice(0, 2).map((r) => makeDataset(r.request.dataset));
    if (!a.ok || !b.ok) throw new Error('data');
    expect(Array.from(a.dataset.x)).not.toEqual(Array.from(b.dataset.x));
    // A seed sweep with new data: the value is the seed of the weights and of the data.
    const s = expandSweep(linear, { setting: 'seed', values: ['7', '8'], newData: true });
    expect(s.ok && s.plan.runs.map((r) => [r.request.settings.seed, r.request.dataset.kind === 'generator' && r.request.dataset.seed])).toEqual([
      [7, 7],
      [8, 8],
    ]);
  });

  it('refuses new data for imported data, seeds on a seed sweep, repeated seeds and too many runs, naming the field', () => {
    const inline = { ...xor, dataset: { kind: 'inline' as const, name: 'd', featureNames: ['a', 'b'], features: [[0, 0], [1, 1]], labels: [0, 1], classNames: ['0', '1'] } };
    const fields = (base: typeof xor, def: Partial<Parameters<typeof expandSweep>[1]>) => {
      const r = expandSweep(base, { setting: 'lr', values: ['0.05'], ...def });
      return r.ok ? [] : r.problems.map((p) => p.field);
    };
    expect(fields(inline, { newData: true })).toEqual(['newData']);
    expect(fields(xor, { setting: 'seed', values: ['1', '2'], seeds: [1, 2] })).toEqual(['seeds']);
    expect(fields(xor, { seeds: [1, 1] })).toEqual(['seeds']);
    expect(fields(xor, { values: Array.from({ length: 24 }, (_, i) => String(0.01 * (i + 1))), seeds: seedsFrom(1, 6) })).toEqual(['seeds']);
  });

  it("gives an optimizer sweep the lab's RMSProp α 0.9 and an activation sweep the lab's LeakyReLU slope 0.02", () => {
    const o = expandSweep(xor, { setting: 'optimizer', values: ['RMSProp'] });
    expect(o.ok && o.plan.runs[0].request.settings.optimizer).toEqual({ type: 'RMSProp', lr: 0.05, alpha: 0.9, eps: 1e-8 });
    const a = expandSweep(xor, { setting: 'activation', values: ['LeakyReLU'] });
    expect(a.ok && a.plan.runs[0].request.spec.nodes.filter((n) => n.type === 'LeakyReLU').map((n) => n.params)).toEqual([{ negativeSlope: 0.02 }, { negativeSlope: 0.02 }]);
  });
});

describe('reading a value over its seeds', () => {
  const row = (value: string, acc: number, loss: number, epoch: number | null, diverged = false): ResultRow => ({
    runId: `${value}-${acc}-${loss}`,
    name: value,
    value,
    label: `lr ${value}`,
    state: diverged ? 'diverged' : 'done',
    finalLoss: loss,
    trainAccuracy: acc,
    testAccuracy: null,
    epochToTarget: epoch,
    diverged,
    epochs: 10,
    ms: 1,
  });

  it('median and range of the final loss and accuracy, how many seeds reached 100 % and the epoch they got there', () => {
    const rows = [row('0.05', 1, 0.01, 40), row('0.05', 1, 0.03, 20), row('0.05', 0.9, 0.2, 30), row('0.5', 0.5, 0.69, null, true)];
    const [a, b] = summarizeByValue(rows);
    expect(a).toEqual({
      value: '0.05',
      label: 'lr 0.05',
      runs: 3,
      finalLoss: { median: 0.03, min: 0.01, max: 0.2 },
      accuracy: { median: 1, min: 0.9, max: 1 },
      reached: 2,
      // Only the seeds that ended at 100 % count for "when": the 90 % run once touched 100 % at 30.
      epochToTarget: { median: 30, min: 20, max: 40 },
      diverged: 0,
    });
    expect(b).toMatchObject({ runs: 1, reached: 0, epochToTarget: null, diverged: 1 });
    expect(spreadOf([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(spreadText({ median: 0.5, min: 0.25, max: 1 }, (v) => v.toFixed(2))).toBe('0.50 (0.25–1.00)');
    expect(spreadText({ median: 1, min: 1, max: 1 }, (v) => `${v * 100}%`)).toBe('100%');
  });

  it('curves become a median line inside the band of every seed, as long as the longest curve', () => {
    const band = curveBand([[3, 2, 1], [1, 1], [2, 4, 3]]);
    expect(Array.from(band.median)).toEqual([2, 2, 2]);
    expect(Array.from(band.lo)).toEqual([1, 1, 1]);
    expect(Array.from(band.hi)).toEqual([3, 4, 3]);
  });
});
