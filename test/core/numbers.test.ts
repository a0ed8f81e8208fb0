// One number parser for everything a person types or a file holds: plain decimal notation
// only, so a typo is refused instead of becoming a number nobody meant (docs/reliability.md N4).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDecimalText, parseDecimal, readDecimal } from '../../core/numbers';

describe('parseDecimal', () => {
  it.each([
    ['-12', -12],
    ['3.5', 3.5],
    ['.5', 0.5],
    ['5.', 5],
    ['+7', 7],
    ['1e-3', 0.001],
    ['1E+6', 1e6],
    [' 0.25 ', 0.25],
    ['1e-400', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each(['0x10', '0b1', '0o7', '', ' ', 'Infinity', '-Infinity', 'NaN', '1,5', '1_000', '1e', 'e5', '.', '-', '1.2.3', '12px', '١٢'])(
    'refuses %j',
    (text) => {
      expect(parseDecimal(text)).toBeNull();
    },
  );

  it('tells an empty field, a word and a number too large apart', () => {
    expect(readDecimal('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(readDecimal('0x10')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(readDecimal('1e400')).toEqual({ ok: false, reason: 'too-large' });
    expect(isDecimalText('1e400')).toBe(true);
    expect(isDecimalText('Infinity')).toBe(false);
  });

  it('reads back every finite double as JavaScript writes it (String, toExponential, toFixed)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        expect(parseDecimal(String(d))).toBe(d === 0 ? 0 : d);
        expect(parseDecimal(d.toExponential())).toBe(d === 0 ? 0 : d);
        if (Math.abs(d) < 1e21) expect(parseDecimal(d.toFixed(3))).toBe(Number(d.toFixed(3)));
      }),
    );
  });

  it('never reads a text as a number JavaScript would read differently, and never returns a non-finite one', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[ +\-0-9.eExXbBoO_,]{0,12}$/)), (s) => {
        const v = parseDecimal(s);
        if (v === null) return;
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBe(Number(s));
      }),
    );
  });

  it('refuses any text holding a character no decimal number has', () => {
    const other = fc.string({ minLength: 1, maxLength: 1 }).filter((c) => !/[0-9+\-.eE\s]/.test(c));
    fc.assert(
      fc.property(fc.string(), other, fc.string(), (a, c, b) => {
        expect(parseDecimal(`${a}${c}${b}`)).toBeNull();
      }),
    );
  });
});
