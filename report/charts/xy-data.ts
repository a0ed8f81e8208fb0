// Curve points as ECharts takes them fastest: one flat Float64Array of (x, y) pairs with the
// series' `dimensions` set. ECharts copies a typed array straight into its own storage; an
// array of [x, y] pairs costs an allocation per point here and a slow parse there.

/** The `dimensions` a series needs when its `data` is a flat (x, y) Float64Array. */
export const XY_DIMENSIONS = ['x', 'y'];

/** (epoch, value) pairs of the finite values `pick` returns (null and NaN are left out). */
export function xyPoints<T extends { epoch: number }>(items: readonly T[], pick: (item: T) => number | null, keep: (v: number) => boolean = () => true): Float64Array {
  const out = new Float64Array(2 * items.length);
  let n = 0;
  for (const item of items) {
    const v = pick(item);
    if (v === null || !Number.isFinite(v) || !keep(v)) continue;
    out[n++] = item.epoch;
    out[n++] = v;
  }
  return n === out.length ? out : out.slice(0, n);
}

/** How many points a flat (x, y) array holds. */
export function xyCount(data: Float64Array): number {
  return data.length / 2;
}

/** Point i as a pair (what tests read back). */
export function xyAt(data: Float64Array, i: number): [number, number] {
  return [data[2 * i], data[2 * i + 1]];
}
