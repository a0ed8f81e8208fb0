// Where a wire that jumps over blocks of its own row runs. React Flow's step path between two
// handles at one height is a straight line, which would pass through every block in between
// (a residual skip from a block to an Add three columns on). Such a wire instead drops into a
// lane just under the row and comes back up before its target.

export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How far below the lower of the two blocks the lane runs: inside the gap Tidy leaves between rows (at least 40 px). */
export const SKIP_LANE_DROP = 18;
/** How far the wire runs straight out of its handle before it turns. */
const STUB = 14;

/**
 * A skip: the target is to the right of the source with room for a block between them, and the
 * two blocks share a row (their vertical extents overlap).
 */
export function isSkip(source: NodeBox, target: NodeBox): boolean {
  const gap = target.x - (source.x + source.width);
  const sameRow = source.y < target.y + target.height && target.y < source.y + source.height;
  return sameRow && gap > Math.min(source.width, target.width);
}

/** The skip's SVG path from the source handle (sx, sy) to the target handle (tx, ty), and a point halfway along its lane for labels. */
export function skipPath(source: NodeBox, target: NodeBox, sx: number, sy: number, tx: number, ty: number): [string, number, number] {
  const lane = Math.max(source.y + source.height, target.y + target.height) + SKIP_LANE_DROP;
  const path = `M${sx} ${sy}H${sx + STUB}V${lane}H${tx - STUB}V${ty}H${tx}`;
  return [path, (sx + tx) / 2, lane];
}
