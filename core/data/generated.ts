// What a generator produces, before it becomes a Dataset.
import type { Rng } from '../random';

export interface Generated {
  x: Float64Array;
  y: Float64Array;
  inputShape: number[];
  classNames: string[];
  featureNames: string[];
}

/** Checked generator params with the defaults filled in. */
export interface ResolvedParams {
  n: number;
  noise: number;
  classes: number;
  length: number;
}

export type Generator = (p: ResolvedParams, rng: Rng) => Generated;

/** Points in the plane: x holds [x1, x2] per sample. */
export function planar(n: number, classNames: string[]): Generated {
  return { x: new Float64Array(n * 2), y: new Float64Array(n), inputShape: [2], classNames, featureNames: ['x1', 'x2'] };
}
