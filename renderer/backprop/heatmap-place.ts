// Where a weight heat map sits on its connection: centred on the wire unless that puts it over a
// block; then at the nearest place beside the blocks it would cover, if that is near its wire
// (blocks placed by hand are often closer than the map is wide). Failing that, it may cover a
// block's body but never a title row: a covered title hides which block is which.

import type { NodeBox as Box } from '../editor/skip-route';

export type { Box };

/** A block's title row, from its top edge: border, padding and the 18 px line of .bp-node-head. */
export const TITLE_ROW = 24;
/** Room left between a moved map and the block or title above it. */
const GAP = 2;
/** How far (flow px) a map moves off its wire to leave blocks whole; further, it only leaves titles. */
export const MAX_SHIFT = 120;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

/**
 * The y of the map's centre: `y` when a map of `size` centred at (x, y) covers no block; else the
 * nearest place just above or below a block where it covers none, if within MAX_SHIFT; else the
 * nearest place where it covers no title (below the lowest title there always is one).
 */
export function mapCentreY(x: number, y: number, size: { width: number; height: number }, blocks: readonly Box[]): number {
  const whole = nearestClear(x, y, size, blocks);
  if (Math.abs(whole - y) <= MAX_SHIFT) return whole;
  return nearestClear(x, y, size, blocks.map((b) => ({ ...b, height: Math.min(b.height, TITLE_ROW) })));
}

function nearestClear(x: number, y: number, size: { width: number; height: number }, boxes: readonly Box[]): number {
  const h = size.height / 2;
  // Touching is not covering: a map that just fits a gap stays on its wire.
  const clear = (cy: number) => !boxes.some((b) => overlaps({ x: x - size.width / 2, y: cy - h, width: size.width, height: size.height }, b));
  if (clear(y)) return y;
  const places = boxes.flatMap((b) => [b.y - h - GAP, b.y + b.height + h + GAP]).filter(clear);
  return places.reduce((best, cy) => (Math.abs(cy - y) < Math.abs(best - y) ? cy : best));
}
