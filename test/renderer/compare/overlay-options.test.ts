import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../../core/index';
import { overlayOption, thinned } from '../../../renderer/compare/overlay-options';

const curve = (n: number, f: (e: number) => number): EpochMetrics[] => Array.from({ length: n }, (_, i) => ({ epoch: i + 1, loss: f(i + 1), accuracy: Math.min(1, i / n), testLoss: null, testAccuracy: null, lr: 0.1 }));

type Series = { name: string; data: [number, number][]; lineStyle: { color: string; type: string } };
const seriesOf = (o: object) => (o as { series: Series[] }).series;

describe('overlaid curves', () => {
  it('draws one line per run, named by its value in the legend, every epoch by default', () => {
    const o = overlayOption([{ label: 'lr 0.05', metrics: curve(5000, (e) => 1 / e) }, { label: 'lr 0.5', metrics: curve(5000, () => 0.5) }], 'loss');
    expect(seriesOf(o).map((s) => [s.name, s.data.length])).toEqual([
      ['lr 0.05', 5000],
      ['lr 0.5', 5000],
    ]);
    expect((o as { legend: { data: string[] } }).legend.data).toEqual(['lr 0.05', 'lr 0.5']);
  });

  it('gives each run its own colour, and a dash pattern once the colours run out', () => {
    const runs = Array.from({ length: 10 }, (_, i) => ({ label: `v${i}`, metrics: curve(3, () => 1) }));
    const s = seriesOf(overlayOption(runs, 'accuracy'));
    expect(new Set(s.slice(0, 8).map((x) => x.lineStyle.color)).size).toBe(8);
    expect(s[8].lineStyle.type).toBe('dashed');
  });

  it('plots accuracy in percent and skips non-finite losses (a diverged run)', () => {
    const acc = seriesOf(overlayOption([{ label: 'a', metrics: curve(4, () => 1) }], 'accuracy'))[0].data;
    expect(acc.map((p) => p[1])).toEqual([0, 25, 50, 75]);
    const loss = seriesOf(overlayOption([{ label: 'a', metrics: curve(4, (e) => (e > 2 ? NaN : e)) }], 'loss'))[0].data;
    expect(loss).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('thins long curves evenly, keeping the first and last epoch', () => {
    const pts = Array.from({ length: 5000 }, (_, i): [number, number] => [i + 1, i]);
    const t = thinned(pts, 600);
    expect(t).toHaveLength(600);
    expect(t[0]).toEqual([1, 0]);
    expect(t[599]).toEqual([5000, 4999]);
    expect(thinned(pts.slice(0, 10), 600)).toHaveLength(10);
  });
});
