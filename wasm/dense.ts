// AssemblyScript, compiled by scripts/build-wasm.mjs into core/kernels/dense-wasm-bytes.ts.
//
// C[M,N] = A·B (+ bias[n]) in float64 with f64x2 lanes across n. Each lane holds one output and
// sums it over k in ascending order from 0, bias added last, with a separate multiply and add
// (WebAssembly SIMD has no fused multiply-add): the same rounding, bit for bit, as the
// TypeScript kernels in core/matmul.ts, so either path gives the same numbers.
//
// A is read through two strides, so Linear's three products are one kernel:
//   forward  x·Wᵀ  A = x [M,K]            aRow = K, aCol = 1
//   dx       g·W   A = g [M,K]            aRow = K, aCol = 1
//   dW       gᵀ·x  A = g stored [K,M]     aRow = 1, aCol = M
// B is always row-major [K,N], so its values for adjacent n are adjacent and load as one v128.
// Blocks of 4 rows × 4 columns: 8 accumulators, 2 loads of B and 4 splats of A per k, which
// fits the 16 vector registers of x86-64 without spilling.

// All pointers and strides are in bytes; `bias` is 0 when there is none.
export function matmul(M: i32, N: i32, K: i32, a: usize, aRow: i32, aCol: i32, b: usize, c: usize, bias: usize): void {
  const aR = <usize>aRow << 3;
  const aC = <usize>aCol << 3;
  const bR = <usize>N << 3;
  let m = 0;
  for (; m + 4 <= M; m += 4) {
    const a0 = a + <usize>m * aR;
    const c0 = c + (<usize>m * <usize>N << 3);
    let n = 0;
    for (; n + 4 <= N; n += 4) {
      let s00 = f64x2.splat(0), s01 = f64x2.splat(0);
      let s10 = f64x2.splat(0), s11 = f64x2.splat(0);
      let s20 = f64x2.splat(0), s21 = f64x2.splat(0);
      let s30 = f64x2.splat(0), s31 = f64x2.splat(0);
      let pa = a0;
      let pb = b + (<usize>n << 3);
      for (let k = 0; k < K; k++) {
        const w0 = v128.load(pb);
        const w1 = v128.load(pb, 16);
        let u = v128.load64_splat(pa);
        s00 = f64x2.add(s00, f64x2.mul(u, w0));
        s01 = f64x2.add(s01, f64x2.mul(u, w1));
        u = v128.load64_splat(pa + aR);
        s10 = f64x2.add(s10, f64x2.mul(u, w0));
        s11 = f64x2.add(s11, f64x2.mul(u, w1));
        u = v128.load64_splat(pa + 2 * aR);
        s20 = f64x2.add(s20, f64x2.mul(u, w0));
        s21 = f64x2.add(s21, f64x2.mul(u, w1));
        u = v128.load64_splat(pa + 3 * aR);
        s30 = f64x2.add(s30, f64x2.mul(u, w0));
        s31 = f64x2.add(s31, f64x2.mul(u, w1));
        pa += aC;
        pb += bR;
      }
      if (bias) {
        const q0 = v128.load(bias + (<usize>n << 3));
        const q1 = v128.load(bias + (<usize>n << 3), 16);
        s00 = f64x2.add(s00, q0); s01 = f64x2.add(s01, q1);
        s10 = f64x2.add(s10, q0); s11 = f64x2.add(s11, q1);
        s20 = f64x2.add(s20, q0); s21 = f64x2.add(s21, q1);
        s30 = f64x2.add(s30, q0); s31 = f64x2.add(s31, q1);
      }
      const pc = c0 + (<usize>n << 3);
      v128.store(pc, s00); v128.store(pc, s01, 16);
      v128.store(pc + bR, s10); v128.store(pc + bR, s11, 16);
      v128.store(pc + 2 * bR, s20); v128.store(pc + 2 * bR, s21, 16);
      v128.store(pc + 3 * bR, s30); v128.store(pc + 3 * bR, s31, 16);
    }
    for (; n + 2 <= N; n += 2) {
      let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
      let pa = a0;
      let pb = b + (<usize>n << 3);
      for (let k = 0; k < K; k++) {
        const w = v128.load(pb);
        s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(pa), w));
        s1 = f64x2.add(s1, f64x2.mul(v128.load64_splat(pa + aR), w));
        s2 = f64x2.add(s2, f64x2.mul(v128.load64_splat(pa + 2 * aR), w));
        s3 = f64x2.add(s3, f64x2.mul(v128.load64_splat(pa + 3 * aR), w));
        pa += aC;
        pb += bR;
      }
      if (bias) {
        const q = v128.load(bias + (<usize>n << 3));
        s0 = f64x2.add(s0, q); s1 = f64x2.add(s1, q); s2 = f64x2.add(s2, q); s3 = f64x2.add(s3, q);
      }
      const pc = c0 + (<usize>n << 3);
      v128.store(pc, s0); v128.store(pc + bR, s1); v128.store(pc + 2 * bR, s2); v128.store(pc + 3 * bR, s3);
    }
    if (n < N) {
      // The odd last column: rows 0–1 and 2–3 of the block share one vector each.
      let s01 = f64x2.splat(0), s23 = f64x2.splat(0);
      let pa = a0;
      let pb = b + (<usize>n << 3);
      for (let k = 0; k < K; k++) {
        const w = v128.load64_splat(pb);
        s01 = f64x2.add(s01, f64x2.mul(f64x2.replace_lane(v128.load64_splat(pa), 1, load<f64>(pa + aR)), w));
        s23 = f64x2.add(s23, f64x2.mul(f64x2.replace_lane(v128.load64_splat(pa + 2 * aR), 1, load<f64>(pa + 3 * aR)), w));
        pa += aC;
        pb += bR;
      }
      if (bias) {
        const q = v128.load64_splat(bias + (<usize>n << 3));
        s01 = f64x2.add(s01, q); s23 = f64x2.add(s23, q);
      }
      const pc = c0 + (<usize>n << 3);
      store<f64>(pc, f64x2.extract_lane(s01, 0));
      store<f64>(pc + bR, f64x2.extract_lane(s01, 1));
      store<f64>(pc + 2 * bR, f64x2.extract_lane(s23, 0));
      store<f64>(pc + 3 * bR, f64x2.extract_lane(s23, 1));
    }
  }
  for (; m < M; m++) rowTimesB(N, K, a + <usize>m * aR, aC, b, c + (<usize>m * <usize>N << 3), bias);
}

// One row of C, for the rows left after the blocks of 4.
function rowTimesB(N: i32, K: i32, pa0: usize, aC: usize, b: usize, pc0: usize, bias: usize): void {
  const bR = <usize>N << 3;
  let n = 0;
  for (; n + 4 <= N; n += 4) {
    let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
    let pa = pa0;
    let pb = b + (<usize>n << 3);
    for (let k = 0; k < K; k++) {
      const u = v128.load64_splat(pa);
      s0 = f64x2.add(s0, f64x2.mul(u, v128.load(pb)));
      s1 = f64x2.add(s1, f64x2.mul(u, v128.load(pb, 16)));
      pa += aC;
      pb += bR;
    }
    if (bias) {
      s0 = f64x2.add(s0, v128.load(bias + (<usize>n << 3)));
      s1 = f64x2.add(s1, v128.load(bias + (<usize>n << 3), 16));
    }
    v128.store(pc0 + (<usize>n << 3), s0);
    v128.store(pc0 + (<usize>n << 3), s1, 16);
  }
  for (; n < N; n++) {
    let s: f64 = 0;
    let pa = pa0;
    let pb = b + (<usize>n << 3);
    for (let k = 0; k < K; k++) {
      s += load<f64>(pa) * load<f64>(pb);
      pa += aC;
      pb += bR;
    }
    if (bias) s += load<f64>(bias + (<usize>n << 3));
    store<f64>(pc0 + (<usize>n << 3), s);
  }
}
