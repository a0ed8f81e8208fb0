// The one way numbers are written for people: a fixed number of significant digits
// on screen, the full value on demand (hover, copy), and in files the value without binary float
// noise (0.1 + 0.2 is written 0.3, 2200.6999999999534 ms as 2201). Pure; used by the app, the
// report and the CSV exports alike.

/** Significant digits shown on screen. */
export const SCREEN_DIGITS = 4;
/** Below this magnitude (and at or above EXP_ABOVE) a number is shown in e-notation. */
const EXP_BELOW = 1e-3;
const EXP_ABOVE = 1e5;
/** Digits a float64 reliably carries through arithmetic; the rest of String(v) is noise. */
const CLEAN_DIGITS = 15;

/** Trailing zeros of a fraction (and a bare point) dropped: 1.500 → 1.5, 2.000e-4 → 2e-4. */
function trim(s: string): string {
  const [mantissa, exp] = s.split('e');
  const m = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return exp === undefined ? m : `${m}e${exp.replace(/^\+/, '')}`;
}

/** For the screen: -2.0015623184989644 → "-2.002", 0.000761 → "7.61e-4", 0.0027 → "0.0027". */
export function formatNumber(v: number, digits = SCREEN_DIGITS): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < EXP_BELOW || a >= EXP_ABOVE) return trim(v.toExponential(digits - 1));
  return trim(v.toPrecision(digits));
}

/** The full value, for a tooltip or a copy: every digit that tells this float from its neighbours. */
export function fullNumber(v: number): string {
  return String(v);
}

/** The value a file should hold: float noise below 15 significant digits removed. */
export function cleanNumber(v: number): number {
  return Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(CLEAN_DIGITS)) : v;
}

/** Milliseconds for a file: whole milliseconds (a timer's fractions are noise, not precision). */
export function cleanMs(ms: number): number {
  return Number.isFinite(ms) ? Math.round(ms) : ms;
}
