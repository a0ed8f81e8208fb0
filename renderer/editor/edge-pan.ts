// While a wire is being drawn, the canvas pans towards an edge only after the pointer has rested
// in the band along that edge: a wire passing near the edge on its way to a block there never
// moves the network away under it, and a student who wants to reach past the edge pauses there.
// Pure, so the rule is tested without a browser or a clock.

export interface Point {
  x: number;
  y: number;
}
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How close to an edge (px) counts as "at the edge". */
export const EDGE_BAND = 36;
/** How long (ms) the pointer must rest there first: longer than a wire's pass, short enough not to feel stuck. */
export const DWELL_MS = 700;
/** Pan speed once panning (px per ms): about a canvas width in two seconds. */
export const PAN_SPEED = 0.5;
/** A move shorter than this (px) is a hand's tremor, not a move. */
const STILL_PX = 3;

export interface EdgePanState {
  /** Where the pointer last really moved, and when (ms). */
  anchor: Point | null;
  since: number;
  /** When the last frame was computed (ms), for the pan distance. */
  last: number;
  panning: boolean;
}

export const idleEdgePan = (now: number): EdgePanState => ({ anchor: null, since: now, last: now, panning: false });

/** -1, 0 or 1 on each axis: towards which edge(s) the pointer is, inside `rect`. */
export function edgeDirection(p: Point, rect: Rect, band = EDGE_BAND): Point {
  const inside = p.x >= rect.left && p.x <= rect.right && p.y >= rect.top && p.y <= rect.bottom;
  if (!inside) return { x: 0, y: 0 };
  const x = p.x - rect.left < band ? -1 : rect.right - p.x < band ? 1 : 0;
  const y = p.y - rect.top < band ? -1 : rect.bottom - p.y < band ? 1 : 0;
  return { x, y };
}

/**
 * The next state and how far (screen px) to move the view this frame: nothing until the pointer
 * has stayed still in the edge band for DWELL_MS, then a steady pan while it stays in the band.
 */
export function nextEdgePan(s: EdgePanState, p: Point, rect: Rect, now: number): { state: EdgePanState; dx: number; dy: number } {
  const dir = edgeDirection(p, rect);
  const dt = Math.max(0, now - s.last);
  if (dir.x === 0 && dir.y === 0) return { state: { anchor: p, since: now, last: now, panning: false }, dx: 0, dy: 0 };
  const moved = s.anchor === null || Math.hypot(p.x - s.anchor.x, p.y - s.anchor.y) > STILL_PX;
  if (!s.panning && moved) return { state: { anchor: p, since: now, last: now, panning: false }, dx: 0, dy: 0 };
  const panning = s.panning || now - s.since >= DWELL_MS;
  const step = panning && s.panning ? dt * PAN_SPEED : 0;
  return { state: { anchor: s.anchor ?? p, since: s.since, last: now, panning }, dx: dir.x * step, dy: dir.y * step };
}
