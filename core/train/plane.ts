// The input plane of 2-D data: its extent with a margin, and a lattice of points over it. The
// decision boundary (session.decisionGrid) and the neuron views (inspect/neurons) use the same
// lattice, so a boundary cell and a thumbnail pixel are the same point.
import type { Dataset } from '../data/types';

export interface PlaneBounds {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The data's extent in both features with a 10% margin (±1 around a single value). */
export function dataBounds(d: Dataset): PlaneBounds {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < d.n; i++) {
    const a = d.x[2 * i];
    const b = d.x[2 * i + 1];
    if (a < x0) x0 = a;
    if (a > x1) x1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  const pad = (lo: number, hi: number): [number, number] => {
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-1, 1];
    const m = hi > lo ? 0.1 * (hi - lo) : 1;
    return [lo - m, hi + m];
  };
  [x0, x1] = pad(x0, x1);
  [y0, y1] = pad(y0, y1);
  return { x0, x1, y0, y1 };
}

/** Grid points on a res×res lattice including the corners (like linspace), y rising by row. */
export function planePoints(b: PlaneBounds, res: number): Float64Array {
  const pts = new Float64Array(res * res * 2);
  for (let r = 0; r < res; r++) {
    const y = b.y0 + ((b.y1 - b.y0) * r) / (res - 1);
    for (let c = 0; c < res; c++) {
      const i = (r * res + c) * 2;
      pts[i] = b.x0 + ((b.x1 - b.x0) * c) / (res - 1);
      pts[i + 1] = y;
    }
  }
  return pts;
}
