// Where a node added from the keyboard lands: the visible centre, or the nearest spot below or
// above it where it does not cover another node.
import { TIDY_SPACING, type XY } from '../store/graph-edits';

/** A node's footprint with a margin (nodes are 176 px wide and about 70 px tall). */
export const FOOTPRINT: XY = { x: 196, y: 140 };

export function freeSpotNear(centre: XY, taken: readonly XY[]): XY {
  const overlaps = (p: XY) => taken.some((t) => Math.abs(t.x - p.x) < FOOTPRINT.x && Math.abs(t.y - p.y) < FOOTPRINT.y);
  for (let i = 0; i < 40; i++) {
    // 0, +1, −1, +2, −2 … rows away from the centre.
    const row = i % 2 === 1 ? (i + 1) / 2 : -i / 2;
    const p = { x: centre.x, y: centre.y + row * FOOTPRINT.y };
    if (!overlaps(p)) return p;
  }
  return centre;
}

/**
 * Little padding: on a 1280-pixel screen every pixel of canvas makes the blocks more readable.
 * More on the left, where the zoom buttons sit, and a little on the right: a wrapped row's edge
 * (Tidy layout) runs about 30 px beyond the blocks on both sides.
 */
export const FIT_OPTIONS = {
  padding: { top: '20px', right: '44px', bottom: '20px', left: '84px' },
  maxZoom: 1.2,
} as const;

/** Half a block's drawn size (176 × about 70 px), in flow units. */
export const HALF_NODE: XY = { x: 88, y: 35 };

/** Where a block dropped at `pointer` (flow units) goes: centred on it, not hanging from its corner. */
export function dropPosition(pointer: XY): XY {
  return { x: Math.round(pointer.x - HALF_NODE.x), y: Math.round(pointer.y - HALF_NODE.y) };
}

export const CANVAS_ID = 'network-canvas';
export const DRAG_MIME = 'application/x-bpnn-node';

/**
 * Zoom at which a block's 13-px text is still comfortably read (about 12 px on screen). A
 * layout that shows the blocks at least this large in fewer rows beats a larger one in more
 * rows: a chain read in one or two rows beats a taller zigzag (Neuron views note).
 */
export const READABLE_ZOOM = 0.9;

/**
 * How many columns a tidy layout of a `count`-node chain should use so that zoom-to-fit shows
 * it readably in a viewport of `width` × `height` pixels (zoom capped at `maxZoom`): the fewest
 * rows that reach READABLE_ZOOM; when none does, the largest zoom, where more rows win only
 * when they make the nodes clearly (5 %) larger.
 */
export function bestColumns(count: number, width: number, height: number, spacing: XY, maxZoom = 1.2): number {
  const n = Math.max(1, count);
  const zoomOf = (c: number) => Math.min(maxZoom, width / (c * spacing.x), height / (Math.ceil(n / c) * spacing.y));
  let best = n;
  let bestZoom = 0;
  for (let rows = 1; rows <= n; rows++) {
    // The narrowest layout with this many rows: it shows the blocks largest.
    const c = Math.ceil(n / rows);
    if (Math.ceil(n / c) !== rows) continue;
    const zoom = zoomOf(c);
    if (zoom >= READABLE_ZOOM) return c;
    if (zoom > bestZoom * 1.05) {
      best = c;
      bestZoom = zoom;
    }
  }
  return best;
}

/** Room between two nodes of a tidy layout, and between rows; more beside a connection that carries a heat map. */
const TIDY_GAP = { x: 44, y: 40, heatmap: { x: 96, y: 96 } };

/**
 * Tidy spacing for nodes as drawn (offsetWidth/Height are unscaled by the canvas zoom): never
 * below TIDY_SPACING, wider and taller when the nodes are (neuron views, weight heat maps).
 */
export function tidySpacing(nodes: Iterable<{ offsetWidth: number; offsetHeight: number }>, heatmaps: boolean): XY {
  let w = 0;
  let h = 0;
  for (const n of nodes) {
    w = Math.max(w, n.offsetWidth);
    h = Math.max(h, n.offsetHeight);
  }
  return {
    x: Math.max(TIDY_SPACING.x, w + (heatmaps ? TIDY_GAP.heatmap.x : TIDY_GAP.x)),
    y: Math.max(TIDY_SPACING.y, h + (heatmaps ? TIDY_GAP.heatmap.y : TIDY_GAP.y)),
  };
}

interface Box {
  position: XY;
  measured?: { width?: number; height?: number };
}

/** True when two nodes as drawn overlap (nodes not measured yet count as not overlapping). */
export function anyOverlap(nodes: readonly Box[]): boolean {
  for (let a = 0; a < nodes.length; a++) {
    const p = nodes[a];
    if (!p.measured?.width || !p.measured.height) continue;
    for (let b = a + 1; b < nodes.length; b++) {
      const q = nodes[b];
      if (!q.measured?.width || !q.measured.height) continue;
      if (p.position.x < q.position.x + q.measured.width && q.position.x < p.position.x + p.measured.width && p.position.y < q.position.y + q.measured.height && q.position.y < p.position.y + p.measured.height) {
        return true;
      }
    }
  }
  return false;
}
