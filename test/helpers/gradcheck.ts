// Central finite differences in float64, for checking analytic gradients.

/** Step for central differences: error O(h²) from truncation against O(ε/h) from rounding. */
export const FD_STEP = 1e-6;
/** The bar for analytic vs numeric gradients (N5). */
export const GRAD_REL_TOL = 1e-6;

/**
 * d f / d v[i] for every i by central differences; v is perturbed in place and restored.
 * f must read v afresh on every call.
 */
export function numericGrad(f: () => number, v: Float64Array, h = FD_STEP): Float64Array {
  const g = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const old = v[i];
    v[i] = old + h;
    const up = f();
    v[i] = old - h;
    const down = f();
    v[i] = old;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

/**
 * ‖a − b‖ / (‖a‖ + ‖b‖): a relative error that is meaningful when some entries are zero
 * (a gradient that is zero everywhere must be matched by zeros: 0/0 counts as 0).
 */
export function relError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let diff = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    na += a[i] ** 2;
    nb += b[i] ** 2;
  }
  if (diff === 0) return 0;
  return Math.sqrt(diff) / (Math.sqrt(na) + Math.sqrt(nb));
}

/** Deterministic pseudo-random values in [lo, hi), kept away from 0 by at least `gap` (kinks of ReLU). */
export function values(n: number, seed: number, lo = -1, hi = 1, gap = 0): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    let v: number;
    do {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      v = lo + ((hi - lo) * s) / 2 ** 32;
    } while (Math.abs(v) < gap);
    out[i] = v;
  }
  return out;
}
