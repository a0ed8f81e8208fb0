// A Text as zod checks it where one crosses a boundary: a worker's events, a saved project's run
// history. Only keys the English catalog has pass, so a reader never shows a bare key; nesting
// is bounded, so a hostile file cannot recurse without end.
import { z } from 'zod';
import { catalogs } from './catalog';
import type { Text } from './text';

const MAX_DEPTH = 8;
const MAX_PARAMS = 32;
const MAX_CHARS = 10_000;

function hasKey(key: string): boolean {
  const parts = key.split('.');
  const leaf = parts.pop() ?? '';
  let node: unknown = catalogs().en;
  for (const part of parts) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  if (node === null || typeof node !== 'object') return false;
  const own = (k: string): boolean => Object.prototype.hasOwnProperty.call(node, k) && typeof (node as Record<string, unknown>)[k] === 'string';
  // A plural pair is stored as key_one/key_other and said by its plain key.
  return own(leaf) || own(`${leaf}_other`);
}

export function isValidText(v: unknown, depth = 0): v is Text {
  if (depth > MAX_DEPTH || v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const { key, params, ...rest } = v as Record<string, unknown>;
  if (Object.keys(rest).length || typeof key !== 'string' || key.length > 200 || !hasKey(key)) return false;
  if (params === undefined) return true;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return false;
  const entries = Object.entries(params);
  return (
    entries.length <= MAX_PARAMS &&
    entries.every(([, p]) => (typeof p === 'string' ? p.length <= MAX_CHARS : typeof p === 'number' || isValidText(p, depth + 1)))
  );
}

export const TextSchema = z.custom<Text>((v) => isValidText(v), 'expected a message (a catalog key and its parameters)');
