// Colour-blind-safe colours. Classes use the Okabe–Ito palette (distinct under the common
// colour-vision deficiencies); continuous values use a cividis-like ramp (blue → yellow,
// monotonic in lightness, readable in grey).

export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

export function classColor(k: number): string {
  return OKABE_ITO[((k % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length];
}

type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

export function rgbToHex([r, g, b]: Rgb): string {
  const h = (c: number) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0');
  return `#${h(r)}${h(g)}${h(b)}`;
}

/** Linear mix of two colours, t ∈ [0, 1] (0 = a). */
export function mix(a: string, b: string, t: number): string {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  const u = Math.min(1, Math.max(0, t));
  return rgbToHex([x[0] + (y[0] - x[0]) * u, x[1] + (y[1] - x[1]) * u, x[2] + (y[2] - x[2]) * u]);
}

// Stops sampled from cividis (Nuñez, Anderton & Renslow 2018).
export const CIVIDIS_STOPS = ['#00224E', '#123570', '#3B496C', '#575D6D', '#707173', '#8A8779', '#A69D75', '#C4B56C', '#E4CF5B', '#FEE838'];

/** Cividis-like colour for t ∈ [0, 1]. */
export function cividis(t: number): string {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (CIVIDIS_STOPS.length - 1);
  const i = Math.min(CIVIDIS_STOPS.length - 2, Math.floor(u));
  return mix(CIVIDIS_STOPS[i], CIVIDIS_STOPS[i + 1], u - i);
}

/** Strongest tint of a class colour in the boundary map, so data points stay visible on it. */
export const BOUNDARY_MAX_TINT = 0.55;

/**
 * Background colour of one decision-grid cell: the most likely class's colour, tinted by how
 * sure the network is (white at chance level, BOUNDARY_MAX_TINT when certain).
 */
export function boundaryCellColor(probs: ArrayLike<number>, offset: number, numClasses: number): string {
  return rgbToHex(boundaryCellRgb(probs, offset, numClasses));
}

/** boundaryCellColor as [r, g, b] (0–255), for painting pixels. */
export function boundaryCellRgb(probs: ArrayLike<number>, offset: number, numClasses: number): [number, number, number] {
  let best = 0;
  let pmax = -Infinity;
  for (let k = 0; k < numClasses; k++) {
    const p = probs[offset + k];
    if (p > pmax) {
      pmax = p;
      best = k;
    }
  }
  const chance = 1 / numClasses;
  const certainty = Number.isFinite(pmax) ? (pmax - chance) / (1 - chance) : 0;
  const t = Math.min(1, Math.max(0, certainty)) * BOUNDARY_MAX_TINT;
  const c = hexToRgb(classColor(best));
  return [Math.round(255 + (c[0] - 255) * t), Math.round(255 + (c[1] - 255) * t), Math.round(255 + (c[2] - 255) * t)];
}
