// The one reader of numbers a person types or a file holds: plain decimal notation only.
// JavaScript's Number() reads '' and ' ' as 0, '0x10' as 16, '0b1' as 1 and 'Infinity' as
// Infinity, so a typo or a stray word becomes a number nobody meant; every field, option,
// CSV cell and point goes through here instead.

/** Digits with an optional sign, point and exponent: -12, 3.5, .5, 5., 1e-3, 1E+6. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export type DecimalRead =
  | { ok: true; value: number }
  /**
   * 'empty': nothing but spaces; 'not-a-number': not plain decimal notation (0x10, 1,5, NaN);
   * 'too-large': decimal, but beyond what a 64-bit float holds (1e400).
   */
  | { ok: false; reason: 'empty' | 'not-a-number' | 'too-large' };

/** True when `text` (spaces around it are ignored) is written in plain decimal notation, however large. */
export function isDecimalText(text: string): boolean {
  return DECIMAL.test(text.trim());
}

/** Reads `text` (spaces around it are ignored) as a plain decimal number, or says why not. */
export function readDecimal(text: string): DecimalRead {
  const t = text.trim();
  if (t === '') return { ok: false, reason: 'empty' };
  if (!DECIMAL.test(t)) return { ok: false, reason: 'not-a-number' };
  const value = Number(t);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'too-large' };
}

/** The finite value of a plain decimal number, or null for anything else (see readDecimal). */
export function parseDecimal(text: string): number | null {
  const r = readDecimal(text);
  return r.ok ? r.value : null;
}
