// A stable, readable JSON writer: keys in the order the value holds them (serialize.ts
// hands it schema-ordered objects), two-space indentation, and arrays of plain values on
// one line so a weight tensor is one line, not one number per line; short flat objects
// such as positions also fit on one line. -0 is written as 0.
import type { JsonValue } from './migrations';

/** Objects and lists of text this short are written on one line ({ "x": 0, "y": 120 }). */
const MAX_INLINE_OBJECT_CHARS = 88;

const isPlain = (v: unknown): boolean => v === null || typeof v !== 'object';

export function stringifyStable(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value as JsonValue);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isPlain)) {
      // Numbers stay on one line however many there are; text only when it is short.
      const line = `[${value.map((v) => JSON.stringify(v as JsonValue)).join(', ')}]`;
      if (line.length <= MAX_INLINE_OBJECT_CHARS || !value.some((v) => typeof v === 'string')) return line;
    }
    return `[\n${value.map((v) => inner + stringifyStable(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  if (entries.every(([, v]) => isPlain(v))) {
    const line = `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v as JsonValue)}`).join(', ')} }`;
    if (line.length <= MAX_INLINE_OBJECT_CHARS) return line;
  }
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringifyStable(v, inner)}`).join(',\n')}\n${indent}}`;
}
