// A stable, readable JSON writer: keys in the order the value holds them (serialize.ts
// hands it schema-ordered objects), two-space indentation, and arrays of plain values on
// one line so a weight tensor is one line, not one number per line; short flat objects such
// as positions also fit on one line. Data is written compactly (long number lists without
// spaces, data rows without indentation) so a project holds what a CSV of the same size holds
// (docs/reliability.md F1). -0 is written as 0.
import type { JsonValue } from './migrations';

/** Objects and lists of text this short are written on one line ({ "x": 0, "y": 120 }). */
const MAX_INLINE_OBJECT_CHARS = 88;

const isPlain = (v: unknown): boolean => v === null || typeof v !== 'object';
/** A loop, not every(): it runs on each number of a data file, millions of them. */
function allNumbers(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'number') return false;
  return true;
}
const isNumberList = (v: unknown): boolean => Array.isArray(v) && allNumbers(v);

export function stringifyStable(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value as JsonValue);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (allNumbers(value)) {
      // Numbers stay on one line however many there are. A long list (a data row, a weight
      // tensor, a curve) drops the space after each comma: it is one byte per number, about 5 %
      // of a data file, and no one reads such a line number by number. JSON.stringify writes -0
      // as 0 and, natively, is many times faster than joining the numbers one by one.
      const compact = JSON.stringify(value);
      return compact.length + value.length - 1 <= MAX_INLINE_OBJECT_CHARS ? compact.replaceAll(',', ', ') : compact;
    }
    if (value.every(isPlain)) {
      // Text stays on one line only when it is short.
      const items = value.map((v) => JSON.stringify(v as JsonValue));
      const width = items.reduce((sum, item) => sum + item.length + 2, 0);
      if (width <= MAX_INLINE_OBJECT_CHARS || !value.some((v) => typeof v === 'string')) return `[${items.join(', ')}]`;
      return `[\n${items.map((item) => inner + item).join(',\n')}\n${indent}]`;
    }
    // Rows of numbers (a dataset's features) go one per line, compact and without indentation,
    // however short, so every row of a dataset looks the same: a data file has up to 100 000
    // rows, and indenting them would cost more than half a megabyte.
    if (value.every(isNumberList)) return `[\n${value.map((v) => JSON.stringify(v)).join(',\n')}\n${indent}]`;
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
