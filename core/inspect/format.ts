// Numbers and symbols as the "why" text writes them.
import { say } from '../messages/text';
import type { Words } from '../messages/words';

const SUB = '₀₁₂₃₄₅₆₇₈₉';

/** 12 → "₁₂" */
export function sub(k: number): string {
  return String(k)
    .split('')
    .map((d) => SUB[Number(d)] ?? d)
    .join('');
}

/** Four significant digits, no trailing zeros; exponent form for very small or large values. */
export function num(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-4 || a >= 1e6) return v.toExponential(3).replace(/\.?0+e/, 'e');
  const s = v.toPrecision(4);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A number as an operand: negative ones in parentheses. */
export function op(v: number): string {
  return v < 0 ? `(${num(v)})` : num(v);
}

/** Terms of a sum, the first `max` written out and the rest counted. */
export function sumText(terms: readonly string[], max = 6): string {
  if (terms.length === 0) return '0';
  if (terms.length <= max) return terms.join(' + ');
  return `${terms.slice(0, max).join(' + ')} + … (${terms.length - max} more terms)`;
}

/** sumText, with the count of terms left out said in the reader's language. */
export function sumSaid(terms: readonly string[], max = 6): Words {
  if (terms.length <= max) return sumText(terms, max);
  return say('why.moreTerms', { terms: terms.slice(0, max).join(' + '), n: terms.length - max });
}

/** Row-major index → coordinates for a shape. */
export function coords(shape: readonly number[], index: number): number[] {
  const out = new Array<number>(shape.length);
  let r = index;
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = r % shape[d];
    r = Math.floor(r / shape[d]);
  }
  return out;
}
