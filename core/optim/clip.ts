// Gradient clipping by the global L2 norm, over all params as one vector
// (torch.nn.utils.clip_grad_norm_). Returns the norm before clipping so it can be plotted.
import type { Param } from '../layers/layer';

export function globalGradNorm(params: readonly Param[]): number {
  let sum = 0;
  for (const p of params) {
    const g = p.grad;
    for (let i = 0; i < g.length; i++) sum += g[i] * g[i];
  }
  if (sum !== Infinity) return Math.sqrt(sum);
  // The squares overflowed although the gradients may be finite: rescale by the largest entry.
  let max = 0;
  for (const p of params) for (let i = 0; i < p.grad.length; i++) max = Math.max(max, Math.abs(p.grad[i]));
  if (max === Infinity) return Infinity;
  let scaled = 0;
  for (const p of params) {
    const g = p.grad;
    for (let i = 0; i < g.length; i++) scaled += (g[i] / max) * (g[i] / max);
  }
  return max * Math.sqrt(scaled);
}

/** Scales every grad by maxNorm/norm when the norm exceeds maxNorm; smaller gradients are left untouched. */
export function clipGradNorm(params: readonly Param[], maxNorm: number): number {
  const norm = globalGradNorm(params);
  if (norm > maxNorm) {
    const scale = maxNorm / norm;
    for (const p of params) {
      const g = p.grad;
      for (let i = 0; i < g.length; i++) g[i] *= scale;
    }
  }
  return norm;
}
