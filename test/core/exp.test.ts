import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exp } from '../../core/exp';

/** Four units in the last place, relative: the engine's exp may differ from Math.exp by rounding only. */
const EXP_REL_TOL = 4 * Number.EPSILON;

function relErr(x: number): number {
  const want = Math.exp(x);
  return Math.abs(exp(x) - want) / want;
}

describe('exp', () => {
  it('agrees with Math.exp to a few ulp over the whole normal range', () => {
    fc.assert(
      fc.property(fc.double({ min: -720, max: 709.78, noNaN: true }), (x) => relErr(x) <= EXP_REL_TOL),
      { numRuns: 20_000 },
    );
  });

  it('is exact at 0 and agrees on a dense grid of the range activations see', () => {
    expect(exp(0)).toBe(1);
    let worst = 0;
    for (let x = -40; x <= 40; x += 0.001) worst = Math.max(worst, relErr(x));
    expect(worst).toBeLessThanOrEqual(EXP_REL_TOL);
  });

  it('handles NaN, infinities, overflow and underflow like Math.exp', () => {
    expect(exp(NaN)).toBeNaN();
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(709.79)).toBe(Infinity);
    expect(exp(709.782)).toBe(Math.exp(709.782));
    expect(exp(-746)).toBe(0);
    expect(exp(-1000)).toBe(0);
    for (const x of [-709, -720, -740, -745, 709.75]) expect(exp(x)).toBe(Math.exp(x));
  });
});
