// Issue 13 §6: one formatter: 4 significant digits on screen, the full value on demand, files
// without float noise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanMs, cleanNumber, formatNumber, fullNumber } from '../../../core/format/number';

describe('numbers for people', () => {
  it('shows four significant digits, e-notation only for the very small and very large', () => {
    expect(formatNumber(-2.0015623184989644)).toBe('-2.002');
    expect(formatNumber(7.61e-4)).toBe('7.61e-4');
    expect(formatNumber(0.0027)).toBe('0.0027');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(1234.5678)).toBe('1235');
    expect(formatNumber(123456)).toBe('1.235e5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });

  it('never shows more than four significant digits, and reads back within their precision', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (v) => {
        const s = formatNumber(v);
        const mantissa = s.split('e')[0].replace(/^-/, '').replace('.', '').replace(/^0+/, '');
        expect(mantissa.length).toBeLessThanOrEqual(4);
        const back = Number(s);
        expect(Math.abs(back - v)).toBeLessThanOrEqual(Math.abs(v) * 5e-4 + 1e-300);
      }),
    );
  });

  it('keeps every digit on demand, and files lose only float noise', () => {
    expect(fullNumber(-2.0015623184989644)).toBe('-2.0015623184989644');
    expect(cleanNumber(0.1 + 0.2)).toBe(0.3);
    expect(cleanNumber(-2.0015623184989644)).toBe(-2.00156231849896);
    expect(cleanMs(2200.6999999999534)).toBe(2201);
  });
});
