import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../../core/index';
import { legendRows, overlayOption, thinned } from '../../../report/charts/overlay-options';
import { xyAt, xyCount } from '../../../report/charts/xy-data';

const curve = (n: number, f: (e: number) => number): EpochMetrics[] => Array.from({ length: n }, (_, i) => ({ epoch: i + 1, loss: f(i + 1), accuracy: Math.min(1, i / n), testLoss: null, testAccuracy: null, lr: 0.1 }));

type Series = { name: string; data: Float64Array; dimensions: string[]; lineStyle: { color: string; type: string } };
/** A series' flat (x, y) data as pairs. */
const pairs = (d: Float64Array): [number, number][] => Array.from({ length: xyCount(d) }, (_, i) => xyAt(d, i));
const seriesOf = (o: object) => (o as { series: Series[] }).series;

describe('overlaid curves', () => {
  it('draws one line per run, named by its value in the legend, every epoch by default', () => {
    const o = overlayOption([{ label: 'lr 0.05', metrics: curve(5000, (e) => 1 / e) }, { label: 'lr 0.5', metrics: curve(5000, () => 0.5) }], 'loss');
    expect(seriesOf(o)[0].dimensions).toEqual(['x', 'y']);
    expect(seriesOf(o).map((s) => [s.name, xyCount(s.data)])).toEqual([
      ['lr 0.05', 5000],
      ['lr 0.5', 5000],
    ]);
    expect((o as { legend: { data: string[] } }).legend.data).toEqual(['lr 0.05', 'lr 0.5']);
  });

  it('keeps the legend off the plot: one paging row in a chart that resizes, wrapped rows above a taller margin at a fixed width', () => {
    const runs = Array.from({ length: 5 }, (_, i) => ({ label: `lr 0.000${i} (5 seeds)`, metrics: curve(3, () => 1) }));
    type Layout = { legend: { type: string; top: number }; grid: { top: number } };
    const live = overlayOption(runs, 'accuracy') as unknown as Layout;
    expect(live.legend.type).toBe('scroll');
    expect(live.grid.top).toBe(64);
    const rows = legendRows(runs.map((r) => r.label), 400);
    expect(rows).toBeGreaterThan(1);
    const fixed = overlayOption(runs, 'accuracy', { width: 400 }) as unknown as Layout;
    expect(fixed.legend.type).toBe('plain');
    // Each row of 12 px text takes 20 px; the first fits above the default top of 64.
    expect(fixed.grid.top).toBe(64 + 20 * (rows - 1));
    expect(legendRows(['a', 'b'], 760)).toBe(1);
  });

  it('gives each run its own colour, and a dash pattern once the colours run out', () => {
    const runs = Array.from({ length: 10 }, (_, i) => ({ label: `v${i}`, metrics: curve(3, () => 1) }));
    const s = seriesOf(overlayOption(runs, 'accuracy'));
    expect(new Set(s.slice(0, 8).map((x) => x.lineStyle.color)).size).toBe(8);
    expect(s[8].lineStyle.type).toBe('dashed');
  });

  it('plots accuracy in percent and skips non-finite losses (a diverged run)', () => {
    const acc = seriesOf(overlayOption([{ label: 'a', metrics: curve(4, () => 1) }], 'accuracy'))[0].data;
    expect(pairs(acc).map((p) => p[1])).toEqual([0, 25, 50, 75]);
    const loss = seriesOf(overlayOption([{ label: 'a', metrics: curve(4, (e) => (e > 2 ? NaN : e)) }], 'loss'))[0].data;
    expect(pairs(loss)).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('thins long curves evenly, keeping the first and last epoch', () => {
    const pts = Float64Array.from({ length: 10_000 }, (_, k) => (k % 2 === 0 ? k / 2 + 1 : (k - 1) / 2));
    const t = thinned(pts, 600);
    expect(xyCount(t)).toBe(600);
    expect(xyAt(t, 0)).toEqual([1, 0]);
    expect(xyAt(t, 599)).toEqual([5000, 4999]);
    expect(xyCount(thinned(pts.slice(0, 20), 600))).toBe(10);
  });
});
