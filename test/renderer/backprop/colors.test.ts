// The diverging scale: white at zero, blue below, orange above, symmetric, readable text.
import { describe, expect, it } from 'vitest';
import { CELL_INK, CELL_MAX_TINT, divergingRgb, magnitude, summarise } from '../../../renderer/backprop/colors';

const luminance = ([r, g, b]: number[]) => {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a: number[], b: number[]) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
const hex = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));

describe('the diverging colour scale', () => {
  it('is near-white at 0, blue for negative and orange for positive values, clamped beyond ±1', () => {
    expect(divergingRgb(0)).toEqual([247, 247, 247]);
    const [r1, , b1] = divergingRgb(-1);
    const [r2, , b2] = divergingRgb(1);
    expect(b1).toBeGreaterThan(r1);
    expect(r2).toBeGreaterThan(b2);
    expect(divergingRgb(-5)).toEqual(divergingRgb(-1));
    expect(divergingRgb(Number.NaN)).toEqual([150, 150, 150]);
  });

  it('gets darker with magnitude on both sides (readable in grey)', () => {
    for (const sign of [-1, 1]) {
      let last = Infinity;
      for (let t = 0; t <= 1; t += 0.1) {
        const l = luminance(divergingRgb(sign * t));
        expect(l).toBeLessThan(last);
        last = l;
      }
    }
  });

  it('keeps number cells light enough for their ink text: a contrast of at least 4.5:1 everywhere', () => {
    for (let t = -1; t <= 1.0001; t += 0.05) expect(contrast(divergingRgb(CELL_MAX_TINT * t), hex(CELL_INK))).toBeGreaterThanOrEqual(4.5);
  });

  it('summarises and scales values', () => {
    expect(summarise([1, -2, 4])).toEqual({ min: -2, max: 4, mean: 1 });
    expect(magnitude([0, -3, 2])).toBe(3);
    expect(magnitude([0, 0])).toBe(1);
  });
});

describe('the colour lookup table', () => {
  it('holds the scale at 256 steps: the ends, the middle, clamping and NaN', async () => {
    const { DIVERGING_LUT, lutOffset, LUT_STEPS } = await import('../../../renderer/backprop/colors');
    const at = (t: number) => Array.from(DIVERGING_LUT.subarray(lutOffset(t), lutOffset(t) + 3));
    expect(at(-1)).toEqual(divergingRgb(-1));
    expect(at(1)).toEqual(divergingRgb(1));
    expect(at(-7)).toEqual(divergingRgb(-1));
    expect(at(7)).toEqual(divergingRgb(1));
    expect(lutOffset(Number.NaN)).toBe((LUT_STEPS >> 1) * 3);
    const mid = at(0);
    for (let k = 0; k < 3; k++) expect(Math.abs(mid[k] - 247)).toBeLessThanOrEqual(2);
  });
});
