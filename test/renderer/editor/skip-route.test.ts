// Tidy layout draws a residual block readably: the main path runs left to right on one row,
// and the skip wire runs in a lane under the row instead of through the blocks it jumps over.
import { describe, expect, it } from 'vitest';
import { bestColumns, READABLE_ZOOM } from '../../../renderer/editor/placement';
import { isSkip, skipPath, type NodeBox } from '../../../renderer/editor/skip-route';
import { TIDY_SPACING, tidyGraph } from '../../../renderer/store/graph-edits';
import { exampleProject } from '../fixtures';

/** A block's size on the canvas at zoom 1 (as in examples-layout.test.ts). */
const BLOCK = { width: 176, height: 70 };

const overlap = (a: NodeBox, b: NodeBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The points of an `M…H…V…` path. */
function points(path: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of path.matchAll(/([MHV])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') [x, y] = [+a, +b];
    else if (cmd === 'H') x = +a;
    else y = +a;
    out.push([x, y]);
  }
  return out;
}

/** Does the axis-parallel segment p→q pass through the inside of the box? */
function crosses(p: [number, number], q: [number, number], b: NodeBox): boolean {
  return Math.max(p[0], q[0]) > b.x && Math.min(p[0], q[0]) < b.x + b.width && Math.max(p[1], q[1]) > b.y && Math.min(p[1], q[1]) < b.y + b.height;
}

describe('tidy layout of a residual block', () => {
  const g = tidyGraph(exampleProject('residual-spiral').graph);
  const box = new Map(g.nodes.map((n) => [n.id as string, { ...n.position, ...BLOCK }]));

  it('overlaps no two blocks', () => {
    const all = [...box.values()];
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlap(all[i], all[j])).toBe(false);
  });

  it('runs every wire left to right, and keeps the skip on the row of its Add', () => {
    for (const e of g.edges) expect(box.get(e.target)!.x).toBeGreaterThan(box.get(e.source)!.x);
    expect(box.get('tanh1')!.y).toBe(box.get('add')!.y);
  });

  it('routes the skip under the blocks it jumps over, and every other wire straight to its neighbour', () => {
    for (const e of g.edges) {
      const s = box.get(e.source)!;
      const t = box.get(e.target)!;
      const [sx, sy, tx, ty] = [s.x + s.width, s.y + s.height / 2, t.x, t.y + t.height / 2];
      const skip = isSkip(s, t);
      expect(skip).toBe(e.source === 'tanh1' && e.target === 'add');
      const path = skip ? skipPath(s, t, sx, sy, tx, ty)[0] : `M${sx} ${sy}H${tx}V${ty}`;
      const pts = points(path);
      expect(pts[pts.length - 1]).toEqual([tx, ty]);
      for (const [id, b] of box) {
        if (id === e.source || id === e.target) continue;
        for (let i = 1; i < pts.length; i++) expect(crosses(pts[i - 1], pts[i], b), `${e.source}→${e.target} crosses ${id}`).toBe(false);
      }
    }
  });

  it('a wire to the next block on the row is not a skip, nor one into the next row', () => {
    expect(isSkip({ x: 0, y: 0, ...BLOCK }, { x: TIDY_SPACING.x, y: 0, ...BLOCK })).toBe(false);
    expect(isSkip({ x: 0, y: 0, ...BLOCK }, { x: 3 * TIDY_SPACING.x, y: TIDY_SPACING.y, ...BLOCK })).toBe(false);
  });
});

describe('tidy rows', () => {
  it.each([
    [836, 436],
    [836, 350],
  ])("lays the lab's chain of 7 blocks in one or two rows in an %i×%i canvas, readable", (w, h) => {
    const c = bestColumns(7, w, h, TIDY_SPACING);
    expect(Math.ceil(7 / c)).toBeLessThanOrEqual(2);
    expect(Math.min(w / (c * TIDY_SPACING.x), h / (Math.ceil(7 / c) * TIDY_SPACING.y))).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });
});
