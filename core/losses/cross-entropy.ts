// Cross-entropy over class indices, the mean over the batch: L = −mean_i log p[i, y_i].

/** Probabilities are kept at least this large so an unfused cross-entropy never takes log(0). */
export const CE_PROB_EPS = 1e-300;

/**
 * From probabilities p [n, k] (a Softmax output) and class indices. Writes dL/dp into grad.
 * Used when cross-entropy does not follow a Softmax; the network fuses the usual case.
 */
export function crossEntropy(
  p: Float64Array,
  labels: Float64Array,
  n: number,
  k: number,
  grad: Float64Array | null,
): number {
  let sum = 0;
  const inv = 1 / n;
  if (grad) grad.fill(0, 0, n * k);
  for (let i = 0; i < n; i++) {
    const at = i * k + labels[i];
    const pi = Math.max(p[at], CE_PROB_EPS);
    sum -= Math.log(pi);
    if (grad) grad[at] = -inv / pi;
  }
  return sum * inv;
}

/**
 * Softmax + cross-entropy fused, from the logits z [n, k]: per row logsumexp(z) − z[y],
 * shifted by the row maximum so it is finite for any finite logits. The gradient w.r.t. z is
 * (p − onehot(y))/n, with p the Softmax output the layer has computed already.
 */
export function softmaxCrossEntropy(
  z: Float64Array,
  p: Float64Array,
  labels: Float64Array,
  n: number,
  k: number,
  gradZ: Float64Array | null,
): number {
  let sum = 0;
  const inv = 1 / n;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let max = -Infinity;
    for (let j = 0; j < k; j++) if (z[o + j] > max) max = z[o + j];
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.exp(z[o + j] - max);
    const label = labels[i];
    sum += max + Math.log(s) - z[o + label];
    if (gradZ) {
      for (let j = 0; j < k; j++) gradZ[o + j] = p[o + j] * inv;
      gradZ[o + label] -= inv;
    }
  }
  return sum * inv;
}
