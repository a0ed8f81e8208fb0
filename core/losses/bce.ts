// Binary cross-entropy, the mean over every element (the reference's convention).
//   L = −mean(y·log p + (1−y)·log(1−p))

/** Probabilities are kept this far from 0 and 1 so an unfused BCE never takes log(0). */
export const BCE_PROB_EPS = 1e-15;

/**
 * From probabilities. Writes dL/dp into grad when given. Used when BCE does not follow a
 * Sigmoid (the network fuses the usual case, see bceWithLogits). `clip` widens the guard to
 * [clip, 1 − clip] (the lab's option; null keeps BCE_PROB_EPS).
 */
export function bce(p: Float64Array, y: Float64Array, count: number, grad: Float64Array | null, clip: number | null = null): number {
  let sum = 0;
  const inv = 1 / count;
  const lo = clip ?? BCE_PROB_EPS;
  for (let i = 0; i < count; i++) {
    const pi = Math.min(Math.max(p[i], lo), 1 - lo);
    const yi = y[i];
    sum -= yi * Math.log(pi) + (1 - yi) * Math.log(1 - pi);
    if (grad) grad[i] = ((pi - yi) / (pi * (1 - pi))) * inv;
  }
  return sum * inv;
}

/**
 * Sigmoid + BCE fused, from the logits z: per element softplus(z) − y·z, written as
 * max(z,0) − y·z + log1p(exp(−|z|)) so it stays finite for any z. The gradient w.r.t. z is
 * (σ(z) − y)/count; p = σ(z) is passed in because the Sigmoid layer has computed it already.
 * With `clip` the value is the lab's instead: BCE of p clipped to [clip, 1 − clip], so a
 * confident wrong answer costs at most −log(clip); the gradient stays the lab's (p − y)/count.
 */
export function bceWithLogits(
  z: Float64Array,
  p: Float64Array,
  y: Float64Array,
  count: number,
  gradZ: Float64Array | null,
  clip: number | null = null,
): number {
  if (clip !== null) return clippedBce(p, y, count, gradZ, clip);
  let sum = 0;
  const inv = 1 / count;
  for (let i = 0; i < count; i++) {
    const zi = z[i];
    const yi = y[i];
    sum += (zi > 0 ? zi : 0) - yi * zi + Math.log1p(Math.exp(-Math.abs(zi)));
    if (gradZ) gradZ[i] = (p[i] - yi) * inv;
  }
  return sum * inv;
}

function clippedBce(p: Float64Array, y: Float64Array, count: number, gradZ: Float64Array | null, clip: number): number {
  let sum = 0;
  const inv = 1 / count;
  for (let i = 0; i < count; i++) {
    const pi = p[i];
    const c = pi < clip ? clip : pi > 1 - clip ? 1 - clip : pi;
    const yi = y[i];
    sum -= yi * Math.log(c) + (1 - yi) * Math.log(1 - c);
    if (gradZ) gradZ[i] = (pi - yi) * inv;
  }
  return sum * inv;
}
