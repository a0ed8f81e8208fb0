// The data the charts draw, independent of how it was made: features row-major, one class
// index per sample. Built from core's Dataset (or a CSV preview) by the panels.
import type { Dataset } from '../../core/index';

export interface PlotData {
  /** Row-major [n, dim]. */
  x: ArrayLike<number>;
  /** Class index per sample. */
  labels: ArrayLike<number>;
  n: number;
  dim: number;
  classNames: string[];
  featureNames: string[];
}

export interface Bounds {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Range of the first two features. */
export function dataBounds(data: PlotData): Bounds {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < data.n; i++) {
    const a = data.x[i * data.dim];
    const b = data.x[i * data.dim + 1];
    if (a < x0) x0 = a;
    if (a > x1) x1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  if (!(x1 >= x0)) return { x0: -1, x1: 1, y0: -1, y1: 1 };
  return { x0, x1, y0, y1 };
}

/**
 * The area a res×res decision grid covers (cell edges), matching where the engine samples it
 * (core TrainingSession.decisionGrid's default bounds).
 */
export function boundaryExtent(data: PlotData, res: number): Bounds {
  const b = dataBounds(data);
  const empty = data.n === 0;
  const padX = empty ? 0 : (b.x1 - b.x0) * GRID_PADDING || 1;
  const padY = empty ? 0 : (b.y1 - b.y0) * GRID_PADDING || 1;
  const x0 = b.x0 - padX;
  const x1 = b.x1 + padX;
  const y0 = b.y0 - padY;
  const y1 = b.y1 + padY;
  // Samples sit on cell centres spread edge to edge: half a cell lies beyond each sample.
  const hx = res > 1 ? (x1 - x0) / (res - 1) / 2 : 0;
  const hy = res > 1 ? (y1 - y0) / (res - 1) / 2 : 0;
  return { x0: x0 - hx, x1: x1 + hx, y0: y0 - hy, y1: y1 + hy };
}

/** Margin around the data, as a fraction of its range. */
export const GRID_PADDING = 0.1;

export function plotDataOf(d: Dataset): PlotData {
  const dim = d.inputShape.reduce((a, b) => a * b, 1);
  return { x: d.x, labels: d.y, n: d.n, dim, classNames: d.classNames, featureNames: d.featureNames };
}

export function viewKind(d: Dataset): 'points2d' | 'signals' | 'table' {
  if (d.inputShape.length === 2) return 'signals';
  return d.inputShape[0] === 2 ? 'points2d' : 'table';
}

/** Side of the decision-boundary grid the app asks each run for, and the report draws. */
export const BOUNDARY_RESOLUTION = 48;
