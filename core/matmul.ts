// The matrix products behind Linear and Conv1d. All of them sum every output over k in
// ascending order (from 0, or from C's value for gemm's accumulate; bias, if any, added last),
// so the rounding is that of the textbook triple loop whichever kernel or blocking computed it.
//
// Why three kernels and not one: V8 re-checks each typed array (map, length, data pointer)
// on every inner-loop iteration and bounds-checks every load, so what pays is few arrays, few
// live registers and loads at constant offsets from one running index (`| 0` keeps those
// index sums in int32 arithmetic without an overflow check; the buffers here are far below
// 2^31 values). Each layout gets the blocking that measured best for it in the training loop
// (not in isolation, where V8 compiles differently); together 15–20% over the strided kernel:
//   matmul    C = A·B     A [M,K], B [K,N]: 2 rows × 4 columns, B read along contiguous rows
//   matmulTN  C = Aᵀ·B    A [K,M], B [K,N]: 4 rows × 2 columns, A's 4 and B's 2 values contiguous
//   gemm      any strides (Conv1d's windows)

/**
 * C[M,N] = A[M,K]·B[K,N] (+ bias[n]), all row-major from index 0. Linear's forward (with the
 * weight transposed) and its input gradient.
 */
export function matmul(
  M: number,
  N: number,
  K: number,
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  bias: Float64Array | null,
): void {
  const N4 = N - (N & 3);
  let m = 0;
  for (; m + 1 < M; m += 2) {
    const a0 = m * K;
    const c0 = m * N;
    const c1 = c0 + N;
    let n = 0;
    for (; n < N4; n += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
      let p = n;
      for (let a = a0, end = a0 + K; a < end; a++) {
        const u = A[a], v = A[(a + K) | 0];
        const w0 = B[p], w1 = B[(p + 1) | 0], w2 = B[(p + 2) | 0], w3 = B[(p + 3) | 0];
        s0 += u * w0; s1 += u * w1; s2 += u * w2; s3 += u * w3;
        t0 += v * w0; t1 += v * w1; t2 += v * w2; t3 += v * w3;
        p = (p + N) | 0;
      }
      if (bias !== null) {
        const q0 = bias[n], q1 = bias[n + 1], q2 = bias[n + 2], q3 = bias[n + 3];
        s0 += q0; s1 += q1; s2 += q2; s3 += q3;
        t0 += q0; t1 += q1; t2 += q2; t3 += q3;
      }
      C[c0 + n] = s0; C[c0 + n + 1] = s1; C[c0 + n + 2] = s2; C[c0 + n + 3] = s3;
      C[c1 + n] = t0; C[c1 + n + 1] = t1; C[c1 + n + 2] = t2; C[c1 + n + 3] = t3;
    }
    for (; n < N; n++) {
      let s = 0, t = 0;
      let p = n;
      for (let a = a0, end = a0 + K; a < end; a++) {
        const w = B[p];
        s += A[a] * w;
        t += A[a + K] * w;
        p += N;
      }
      if (bias !== null) {
        s += bias[n];
        t += bias[n];
      }
      C[c0 + n] = s;
      C[c1 + n] = t;
    }
  }
  if (m < M) {
    // The last row of an odd M: 4 columns at a time, so four sums run side by side.
    const a0 = m * K;
    const c0 = m * N;
    let n = 0;
    for (; n < N4; n += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let p = n;
      for (let a = a0, end = a0 + K; a < end; a++) {
        const u = A[a];
        s0 += u * B[p]; s1 += u * B[(p + 1) | 0]; s2 += u * B[(p + 2) | 0]; s3 += u * B[(p + 3) | 0];
        p = (p + N) | 0;
      }
      if (bias !== null) {
        s0 += bias[n]; s1 += bias[n + 1]; s2 += bias[n + 2]; s3 += bias[n + 3];
      }
      C[c0 + n] = s0; C[c0 + n + 1] = s1; C[c0 + n + 2] = s2; C[c0 + n + 3] = s3;
    }
    for (; n < N; n++) {
      let s = 0;
      let p = n;
      for (let a = a0, end = a0 + K; a < end; a++) {
        s += A[a] * B[p];
        p += N;
      }
      C[c0 + n] = bias !== null ? s + bias[n] : s;
    }
  }
}

/** C[M,N] = A[K,M]ᵀ·B[K,N], all row-major from index 0. Linear's weight gradient gᵀ·x. */
export function matmulTN(M: number, N: number, K: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  let m = 0;
  for (; m + 3 < M; m += 4) {
    const c0 = m * N;
    let n = 0;
    for (; n + 1 < N; n += 2) {
      let s0 = 0, s1 = 0, t0 = 0, t1 = 0, r0 = 0, r1 = 0, q0 = 0, q1 = 0;
      let a = m;
      for (let p = n, end = n + K * N; p < end; p += N) {
        const w0 = B[p], w1 = B[(p + 1) | 0];
        let u = A[a]; s0 += u * w0; s1 += u * w1;
        u = A[(a + 1) | 0]; t0 += u * w0; t1 += u * w1;
        u = A[(a + 2) | 0]; r0 += u * w0; r1 += u * w1;
        u = A[(a + 3) | 0]; q0 += u * w0; q1 += u * w1;
        a = (a + M) | 0;
      }
      const c = c0 + n;
      C[c] = s0; C[c + 1] = s1; C[c + N] = t0; C[c + N + 1] = t1;
      C[c + 2 * N] = r0; C[c + 2 * N + 1] = r1; C[c + 3 * N] = q0; C[c + 3 * N + 1] = q1;
    }
    if (n < N) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let a = m;
      for (let p = n, end = n + K * N; p < end; p += N) {
        const w = B[p];
        s0 += A[a] * w; s1 += A[a + 1] * w; s2 += A[a + 2] * w; s3 += A[a + 3] * w;
        a += M;
      }
      const c = c0 + n;
      C[c] = s0; C[c + N] = s1; C[c + 2 * N] = s2; C[c + 3 * N] = s3;
    }
  }
  for (; m < M; m++) {
    const c0 = m * N;
    let n = 0;
    for (; n + 3 < N; n += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let a = m;
      for (let p = n, end = n + K * N; p < end; p += N) {
        const u = A[a];
        s0 += u * B[p]; s1 += u * B[p + 1]; s2 += u * B[p + 2]; s3 += u * B[p + 3];
        a += M;
      }
      C[c0 + n] = s0; C[c0 + n + 1] = s1; C[c0 + n + 2] = s2; C[c0 + n + 3] = s3;
    }
    for (; n < N; n++) {
      let s = 0;
      let a = m;
      for (let p = n, end = n + K * N; p < end; p += N) { s += A[a] * B[p]; a += M; }
      C[c0 + n] = s;
    }
  }
}

/**
 * The general kernel: C[m, n] (+)= Σ_k A[m, k]·B[k, n] (+ bias[n]).
 * A and B are read through an offset and two strides each, so a transpose is only a choice
 * of strides; C is row-major [M, N] from cOff. With `accumulate` the sums start from C's
 * current values (C += A·B), otherwise from 0. Blocked 2 rows × 4 columns.
 */
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
