// Limits on what the loader accepts from a file. They exist so that no file, however
// hostile, can exhaust memory, the stack or the CPU before it is refused with a message.

/** Largest .bpnn file accepted: 64 MiB (hosts check the size on disk before reading). */
export const MAX_PROJECT_BYTES = 64 * 1024 * 1024;
/** Deepest nesting of arrays and objects; a real project nests at most 6 levels. */
export const MAX_DEPTH = 64;
/** Longest single string (names, descriptions, ids), in characters. */
export const MAX_STRING_CHARS = 1_000_000;
/** Most values (numbers, strings, literals, arrays, objects) in one file: a 4096 × 784 dataset fits. */
export const MAX_VALUES = 4_000_000;
/** Problems listed in full; the rest are counted ("…and 9 980 more"). */
export const MAX_PROBLEMS_SHOWN = 20;
/** Keys that could reach Object.prototype through a merge or spread (F2). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** 9980 → "9 980": long counts stay readable in messages. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
