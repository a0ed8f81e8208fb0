// Where a weight heat map sits on its connection: centred on the wire unless that puts it over a
// block's title row; then just below the titles it would cover (blocks placed by hand are often
// closer than the map is wide, and a covered title hides which block is which).

import type { NodeBox as Box } from '../editor/skip-route';

export type { Box };

/** A block's title row, from its top edge: border, padding and the 18 px line of .bp-node-head. */
export const TITLE_ROW = 24;
/** Room left between a moved map and the title above it. */
const GAP = 2;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

/**
 * The y of the map's centre: `y` when a map of `size` centred at (x, y) covers no title, else the
 * nearest place just above or just below a title where it covers none (below the lowest title
 * there always is one).
 */
export function mapCentreY(x: number, y: number, size: { width: number; height: number }, titles: readonly Box[]): number {
  const h = size.height / 2;
  // Touching is not covering: a map that just fits a gap stays on its wire.
  const clear = (cy: number) => !titles.some((t) => overlaps({ x: x - size.width / 2, y: cy - h, width: size.width, height: size.height }, t));
  if (clear(y)) return y;
  const places = titles.flatMap((t) => [t.y - h - GAP, t.y + t.height + h + GAP]).filter(clear);
  return places.reduce((best, cy) => (Math.abs(cy - y) < Math.abs(best - y) ? cy : best));
}
