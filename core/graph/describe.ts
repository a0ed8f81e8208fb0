// How graph problems talk about nodes and tensors, so every message reads the same way.
import { say, type Text } from '../messages/text';

/** "Linear 'fc2'" — the block's kind and the name the student gave it. */
export function nodeLabel(type: string | null, id: string): string {
  return type ? `${type} '${id}'` : `node '${id}'`;
}

/** "a 3-D tensor [N, 4, 30]" — per-sample shape shown with the batch axis, as PyTorch users see it. */
export function tensorText(shape: readonly number[]): string {
  return `a ${shape.length + 1}-D tensor [${['N', ...shape].join(', ')}]`;
}

/**
 * A value as the student typed it, safe to put in a message whatever it is: never calls the
 * value's own toString, which junk input may have replaced.
 */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** A shape as the data gave it, "[2, 3]", safe for junk. */
export function shapeText(v: unknown): string {
  if (!Array.isArray(v)) return valueText(v);
  return `[${v.slice(0, 8).map((d) => (typeof d === 'number' ? String(d) : valueText(d))).join(', ')}${v.length > 8 ? ', …' : ''}]`;
}

/** Said when something in core threw: it is caught at the boundary, so the app stays usable. */
export function internalErrorText(what: string, e: unknown): string {
  const reason = e instanceof Error ? e.message : valueText(e);
  return `The engine could not ${what} (${reason}). This is a bug in BPNN Studio; your project is safe.`;
}

/** Join names for a message: 'a', 'b' and 'c'. */
export function listText(items: readonly string[]): string {
  const q = items.map((s) => `'${s}'`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

// The same as Texts, for problems that speak through the catalogs (messages/said.ts).

/** "Linear 'fc2'" in the reader's language. */
export function nodeSaid(type: string | null, id: string): Text {
  return type ? say('describe.node', { type, id }) : say('describe.unnamedNode', { id });
}

/** 'a', 'b' and 'c' in the reader's language (its quotes, its list separator, its "and"). */
export function listSaid(items: readonly string[]): Text | string {
  const q = items.map((name) => say('describe.quoted', { name }));
  if (q.length === 0) return '';
  if (q.length === 1) return q[0];
  const first = q.slice(1, -1).reduce<Text>((acc, next) => say('describe.series', { first: acc, next }), q[0]);
  return say('describe.and', { first, last: q[q.length - 1] });
}

/** internalErrorText, with `what` a Text ("check this model"). */
export function internalErrorSaid(what: Text, e: unknown): Text {
  return say('describe.internalError', { what, reason: e instanceof Error ? e.message : valueText(e) });
}
