// Issue 13 §3: the canvas/results split is remembered; what is stored is used only when it is a
// share the splitter allows, and first-row charts take the height the pane has.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARE, loadShare, saveShare, SPLIT_KEY } from '../../../renderer/app/split-memory';
import { SHARE_MAX, SHARE_MIN } from '../../../renderer/app/Splitter';
import { firstRowChartHeight, MAX_CHART_PX, MIN_CHART_PX } from '../../../renderer/charts/first-row';
import { squareAround, squareChartBox } from '../../../report/charts/boundary-options';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('the remembered split', () => {
  it('gives back what was saved, clamped to the splitter’s range', () => {
    const s = memory();
    expect(loadShare(s)).toBe(DEFAULT_SHARE);
    saveShare(0.4, s);
    expect(loadShare(s)).toBe(0.4);
    saveShare(2, s);
    expect(loadShare(s)).toBe(SHARE_MAX);
    s.m.set(SPLIT_KEY, 'nonsense');
    expect(loadShare(s)).toBe(DEFAULT_SHARE);
    s.m.set(SPLIT_KEY, String(SHARE_MIN / 2));
    expect(loadShare(s)).toBe(DEFAULT_SHARE);
  });
});

describe('the first row of charts', () => {
  it('fits the pane, within bounds', () => {
    expect(firstRowChartHeight(300, 30)).toBe(300 - 30 - 42);
    expect(firstRowChartHeight(100, 30)).toBe(MIN_CHART_PX);
    expect(firstRowChartHeight(2000, 30)).toBe(MAX_CHART_PX);
  });

  it('draws the boundary at equal scale: square axes around the map, a square plot area', () => {
    expect(squareAround({ x0: -2, x1: 2, y0: 0, y1: 1 })).toEqual({ x0: -2, x1: 2, y0: -1.5, y1: 2.5 });
    const box = squareChartBox(200);
    expect(box.width - 64).toBe(box.height - 80);
  });
});
