// The products Linear needs, whichever code computes them (core/kernels/dense.ts picks one).
export interface DenseKernels {
  /** C[M,N] = A[M,K]·B[K,N] (+ bias[n]), all row-major from index 0. */
  matmul(M: number, N: number, K: number, A: Float64Array, B: Float64Array, C: Float64Array, bias: Float64Array | null): void;
  /** C[M,N] = A[K,M]ᵀ·B[K,N], all row-major from index 0. */
  matmulTN(M: number, N: number, K: number, A: Float64Array, B: Float64Array, C: Float64Array): void;
}
