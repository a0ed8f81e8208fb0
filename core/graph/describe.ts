// How graph problems talk about nodes and tensors, so every message reads the same way.
import { say, type MessageKey, type Param as TextParam, type Text } from '../messages/text';

/** "Linear 'fc2'" — the block's kind and the name the student gave it. */
export function nodeLabel(type: string | null, id: string): string {
  return type ? `${type} '${id}'` : `node '${id}'`;
}

/** "a 3-D tensor [N, 4, 30]" — per-sample shape shown with the batch axis, as PyTorch users see it. */
export function tensorText(shape: readonly number[]): string {
  return `a ${shape.length + 1}-D tensor ${batchedText(shape)}`;
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

/** a, b and c in the reader's language (its list separator and its "and"); '' for none. */
export function andSaid(items: readonly TextParam[]): TextParam {
  return joinSaid(items, 'describe.and');
}

/** a or b in the reader's language. */
export function orSaid(items: readonly TextParam[]): TextParam {
  return joinSaid(items, 'describe.or');
}

/** a, b, c: a series without a last word, as a list of choices reads. */
export function seriesSaid(items: readonly TextParam[]): TextParam {
  if (items.length === 0) return '';
  return items.slice(1).reduce<TextParam>((acc, next) => say('describe.series', { first: acc, next }), items[0]);
}

/** Items in a series whose last two `last` joins (a key with {{first}} and {{last}}). */
export function joinSaid(items: readonly TextParam[], last: MessageKey): TextParam {
  if (items.length <= 1) return items[0] ?? '';
  return say(last, { first: seriesSaid(items.slice(0, -1)), last: items[items.length - 1] });
}

/** 'a' — a name the student gave, in the reader's quotes. */
export const quotedSaid = (name: string): Text => say('describe.quoted', { name });

/** 'a', 'b' and 'c' in the reader's language (its quotes, its list separator, its "and"). */
export function listSaid(items: readonly string[]): Text | string {
  return andSaid(items.map(quotedSaid)) as Text | string;
}

/** 'a' → 'b' → 'a': a path along connections. */
export function pathSaid(ids: readonly string[]): TextParam {
  const q = ids.map(quotedSaid);
  if (q.length === 0) return '';
  return q.slice(1).reduce<TextParam>((acc, next) => say('describe.path', { first: acc, next }), q[0]);
}

/** tensorText in the reader's language: "a 3-D tensor [N, 4, 30]". */
export function tensorSaid(shape: readonly number[]): Text {
  return say('describe.tensor', { rank: shape.length + 1, shape: batchedText(shape) });
}

/** "[N, 4, 30]": a per-sample shape with the batch axis, the same in every language. */
export function batchedText(shape: readonly number[]): string {
  return `[${['N', ...shape].join(', ')}]`;
}

/** valueText in the reader's language: what it says in words ("a list") is a Text, a literal stays as typed. */
export function valueSaid(v: unknown): TextParam {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v === null || v === undefined) return valueText(v);
  if (Array.isArray(v)) return say('describe.aList');
  return typeof v === 'object' ? say('describe.anObject') : say('describe.aValueOf', { type: typeof v });
}

/** shapeText in the reader's language. */
export function shapeSaid(v: unknown): TextParam {
  return Array.isArray(v) ? shapeText(v) : valueSaid(v);
}

/** A count as the engine prints it in any language: 1,000,000. */
export const countText = (n: number): string => n.toLocaleString('en-US');

/** internalErrorText, with `what` a Text ("check this model"). */
export function internalErrorSaid(what: Text, e: unknown): Text {
  return say('describe.internalError', { what, reason: e instanceof Error ? e.message : valueText(e) });
}
