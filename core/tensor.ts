// Tensors are flat row-major Float64Arrays plus a shape. The engine keeps the shape next to
// the buffer instead of in an object per op, so hot loops touch only typed arrays.
import type { TensorJson } from './train/types';

export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

export const EMPTY: Float64Array = new Float64Array(0);

/** Number of elements of a shape (1 for a scalar []). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function zeros(shape: readonly number[]): Tensor {
  return { shape: [...shape], data: new Float64Array(sizeOf(shape)) };
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

export function toJson(shape: readonly number[], data: Float64Array): TensorJson {
  return { shape: [...shape], data: Array.from(data) };
}

export function fromJson(t: TensorJson): Tensor {
  return { shape: [...t.shape], data: Float64Array.from(t.data) };
}

/** Counts of NaN and ±Infinity entries among the first `length` values. */
export function countNonFinite(a: Float64Array, length = a.length): { nan: number; inf: number } {
  let nan = 0;
  let inf = 0;
  for (let i = 0; i < length; i++) {
    const v = a[i];
    if (v !== v) nan++;
    else if (v === Infinity || v === -Infinity) inf++;
  }
  return { nan, inf };
}

/** True when every one of the first `length` values is finite; stops at the first that is not. */
export function allFinite(a: Float64Array, length = a.length): boolean {
  for (let i = 0; i < length; i++) {
    // v - v is 0 for finite v and NaN for NaN and ±Infinity: one compare, no call.
    const v = a[i];
    if (v - v !== 0) return false;
  }
  return true;
}
