// Which sample the step-through starts from. A weight's gradient is Δ·xᵀ: an input
// of 0 makes the gradients of the weights it multiplies exactly 0, so the lab's first XOR sample
// (0, 0) shows ∂L/∂W₁ as all zeros. The first sample with no zero input shows them all moving.

/** The first sample none of whose `dim` features is 0 (row-major `x`), else sample 0. */
export function informativeSample(x: ArrayLike<number>, n: number, dim: number): number {
  for (let i = 0; i < n; i++) {
    let zero = false;
    for (let f = 0; f < dim && !zero; f++) zero = x[i * dim + f] === 0;
    if (!zero) return i;
  }
  return 0;
}

/** How many of sample `i`'s features are exactly 0 (the weights they multiply get no gradient). */
export function zeroInputs(x: ArrayLike<number>, i: number, dim: number): number {
  let count = 0;
  for (let f = 0; f < dim; f++) if (x[i * dim + f] === 0) count += 1;
  return count;
}
