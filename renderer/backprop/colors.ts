// A diverging, colour-blind-safe scale for signed values: blue below zero, white at zero,
// orange-brown above (the ends of ColorBrewer's PuOr/BrBG family, distinct under the common
// colour-vision deficiencies and still ordered in grey by lightness).
type Rgb = [number, number, number];

const NEG: Rgb = [33, 102, 172];
const MID: Rgb = [247, 247, 247];
const POS: Rgb = [179, 88, 6];

/** Colour of t ∈ [−1, 1] (clamped; NaN is mid grey). */
export function divergingRgb(t: number): Rgb {
  if (!Number.isFinite(t)) return [150, 150, 150];
  const u = Math.max(-1, Math.min(1, t));
  const end = u < 0 ? NEG : POS;
  const a = Math.abs(u);
  return [Math.round(MID[0] + (end[0] - MID[0]) * a), Math.round(MID[1] + (end[1] - MID[1]) * a), Math.round(MID[2] + (end[2] - MID[2]) * a)];
}

/** The scale sampled at 256 steps from −1 to 1, [r, g, b] per step: painting looks colours up instead of computing them. */
export const LUT_STEPS = 256;
export const DIVERGING_LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(LUT_STEPS * 3);
  for (let i = 0; i < LUT_STEPS; i++) lut.set(divergingRgb((2 * i) / (LUT_STEPS - 1) - 1), i * 3);
  return lut;
})();

/** Offset into DIVERGING_LUT for t ∈ [−1, 1] (clamped; NaN maps to the middle). */
export function lutOffset(t: number): number {
  const i = Math.round(((t + 1) * (LUT_STEPS - 1)) / 2);
  return (i >= 0 ? (i < LUT_STEPS ? i : LUT_STEPS - 1) : t === t ? 0 : (LUT_STEPS >> 1)) * 3;
}

export function divergingCss(t: number): string {
  const [r, g, b] = divergingRgb(t);
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * Strongest tint a number cell gets: dark ink text stays at a contrast of at least 4.5:1 on it
 * (heat strips, thumbnails and heat maps carry no text and use the full range).
 */
export const CELL_MAX_TINT = 0.7;
export const CELL_INK = '#1d232b';

/** Background of a number cell for t ∈ [−1, 1]. */
export function cellCss(t: number): string {
  return divergingCss(CELL_MAX_TINT * Math.max(-1, Math.min(1, t)));
}

/** The scale of a set of values: the largest magnitude (1 when all are 0 or none is finite). */
export function magnitude(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) {
    const a = Math.abs(data[i]);
    if (a > m && Number.isFinite(a)) m = a;
  }
  return m > 0 ? m : 1;
}

export interface Summary {
  min: number;
  max: number;
  mean: number;
}

export function summarise(data: ArrayLike<number>): Summary {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { min, max, mean: data.length ? sum / data.length : NaN };
}
