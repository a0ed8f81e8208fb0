// The one matrix-product kernel behind Linear and Conv1d, forward and backward:
//   C[m, n] (+)= Σ_k A[m, k]·B[k, n]  (+ bias[n])
// A and B are read through an offset and two strides each, so a transpose is only a choice
// of strides; C is row-major [M, N] from cOff. With `accumulate` the sums start from C's
// current values (C += A·B), otherwise from 0.
// Blocked 2 rows × 4 columns: eight independent sums held in registers, each A and B value
// loaded once per block step. Every sum runs over k in ascending order, so the rounding is
// that of the textbook triple loop.

export function gemm(
  M: number,
  N: number,
  K: number,
  A: Float64Array,
  aOff: number,
  aRow: number,
  aCol: number,
  B: Float64Array,
  bOff: number,
  bRow: number,
  bCol: number,
  C: Float64Array,
  cOff: number,
  bias: Float64Array | null,
  accumulate: boolean,
): void {
  const b1 = bCol, b2 = 2 * bCol, b3 = 3 * bCol;
  let m = 0;
  for (; m + 1 < M; m += 2) {
    const r0 = aOff + m * aRow;
    const r1 = r0 + aRow;
    const c0 = cOff + m * N;
    const c1 = c0 + N;
    let n = 0;
    for (; n + 3 < N; n += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      if (accumulate) {
        s00 = C[c0 + n]; s01 = C[c0 + n + 1]; s02 = C[c0 + n + 2]; s03 = C[c0 + n + 3];
        s10 = C[c1 + n]; s11 = C[c1 + n + 1]; s12 = C[c1 + n + 2]; s13 = C[c1 + n + 3];
      }
      let pa0 = r0, pa1 = r1, pb = bOff + n * bCol;
      for (let k = 0; k < K; k++) {
        const u = A[pa0], v = A[pa1];
        const w0 = B[pb], w1 = B[pb + b1], w2 = B[pb + b2], w3 = B[pb + b3];
        s00 += u * w0; s01 += u * w1; s02 += u * w2; s03 += u * w3;
        s10 += v * w0; s11 += v * w1; s12 += v * w2; s13 += v * w3;
        pa0 += aCol; pa1 += aCol; pb += bRow;
      }
      if (bias !== null) {
        const q0 = bias[n], q1 = bias[n + 1], q2 = bias[n + 2], q3 = bias[n + 3];
        s00 += q0; s01 += q1; s02 += q2; s03 += q3;
        s10 += q0; s11 += q1; s12 += q2; s13 += q3;
      }
      C[c0 + n] = s00; C[c0 + n + 1] = s01; C[c0 + n + 2] = s02; C[c0 + n + 3] = s03;
      C[c1 + n] = s10; C[c1 + n + 1] = s11; C[c1 + n + 2] = s12; C[c1 + n + 3] = s13;
    }
    for (; n < N; n++) {
      let s0 = accumulate ? C[c0 + n] : 0;
      let s1 = accumulate ? C[c1 + n] : 0;
      let pa0 = r0, pa1 = r1, pb = bOff + n * bCol;
      for (let k = 0; k < K; k++) {
        const w = B[pb];
        s0 += A[pa0] * w;
        s1 += A[pa1] * w;
        pa0 += aCol; pa1 += aCol; pb += bRow;
      }
      if (bias !== null) {
        s0 += bias[n];
        s1 += bias[n];
      }
      C[c0 + n] = s0;
      C[c1 + n] = s1;
    }
  }
  if (m < M) {
    const r0 = aOff + m * aRow;
    const c0 = cOff + m * N;
    let n = 0;
    for (; n + 3 < N; n += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      if (accumulate) {
        s0 = C[c0 + n]; s1 = C[c0 + n + 1]; s2 = C[c0 + n + 2]; s3 = C[c0 + n + 3];
      }
      let pa = r0, pb = bOff + n * bCol;
      for (let k = 0; k < K; k++) {
        const u = A[pa];
        s0 += u * B[pb]; s1 += u * B[pb + b1]; s2 += u * B[pb + b2]; s3 += u * B[pb + b3];
        pa += aCol; pb += bRow;
      }
      if (bias !== null) {
        s0 += bias[n]; s1 += bias[n + 1]; s2 += bias[n + 2]; s3 += bias[n + 3];
      }
      C[c0 + n] = s0; C[c0 + n + 1] = s1; C[c0 + n + 2] = s2; C[c0 + n + 3] = s3;
    }
    for (; n < N; n++) {
      let s = accumulate ? C[c0 + n] : 0;
      let pa = r0, pb = bOff + n * bCol;
      for (let k = 0; k < K; k++) {
        s += A[pa] * B[pb];
        pa += aCol; pb += bRow;
      }
      C[c0 + n] = bias !== null ? s + bias[n] : s;
    }
  }
}
