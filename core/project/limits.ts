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
/**
 * Room an imported dataset leaves for the rest of the project, so that whatever a CSV import
 * accepts can be saved and opened again (docs/reliability.md F1): an untrained project's graph,
 * settings and description take a few kilobytes, and the reserve is far more than that. The data
 * limits follow from the file limits rather than standing beside them, so the two cannot drift.
 * Runs on the project's data take no room for it (the file names the data, dataset-refs.ts), so
 * training keeps such a project savable; a run on other, older data keeps one copy of that data,
 * so a project with such runs may be too large to save, and the save then says so (savable.ts).
 */
export const DATA_RESERVE_BYTES = 512 * 1024;
export const DATA_RESERVE_VALUES = 100_000;
/** Most bytes an imported dataset may take in a saved project: 63.5 MiB. */
export const MAX_DATA_BYTES = MAX_PROJECT_BYTES - DATA_RESERVE_BYTES;
/** Most values (numbers, labels, names and the lists holding them) an imported dataset may add to a project. */
export const MAX_DATA_VALUES = MAX_VALUES - DATA_RESERVE_VALUES;
/** Problems listed in full; the rest are counted ("…and 9 980 more"). */
export const MAX_PROBLEMS_SHOWN = 20;
/** Keys that could reach Object.prototype through a merge or spread (F2). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** 9980 → "9 980": long counts stay readable in messages. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
