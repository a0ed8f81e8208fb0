// Helpers the block kinds' ONNX readers share: attributes by name, constants with the shape a
// block needs, and the words that say why a node cannot be read.
import { say, type Text } from '../messages/text';
import type { OnnxReader } from './format';
import { int64, type AttributeProto, type NodeProto, type TensorRead } from './onnx-proto';

export function attr(n: NodeProto, name: string): AttributeProto | undefined {
  return (n.attribute ?? []).find((a) => a.name === name);
}
export const intOf = (n: NodeProto, name: string, fallback: number): number => {
  const a = attr(n, name);
  return a ? int64(a.i) : fallback;
};
export const intsOf = (n: NodeProto, name: string): number[] | null => {
  const a = attr(n, name);
  return a ? (a.ints ?? []).map(int64) : null;
};
export const floatOf = (n: NodeProto, name: string, fallback: number): number => {
  const a = attr(n, name);
  return a ? (a.f ?? 0) : fallback;
};
export const stringOf = (n: NodeProto, name: string): string => {
  const s = attr(n, name)?.s;
  let text = '';
  for (const b of s ?? []) text += String.fromCharCode(b);
  return text;
};
export const inputs = (n: NodeProto): string[] => (n.input ?? []).filter((s) => s !== '');
export const out = (n: NodeProto): string => n.output?.[0] ?? '';
export const who = (n: NodeProto): string => `${n.opType} node${n.name ? ` '${n.name}'` : ''}`;
/** who(n) as a Text, for a reader's refusal said from the catalogs. */
export const whoSaid = (n: NodeProto): Text => (n.name ? say('onnx.refused.node', { op: n.opType ?? '', name: n.name }) : say('onnx.refused.nodeUnnamed', { op: n.opType ?? '' }));
export const sizes = (s: readonly number[]): string => `[${s.join(', ')}]`;
/** A per-sample shape with the batch axis in front, as PyTorch users see it. */
export const batched = (s: readonly number[]): string => `[${['N', ...s].join(', ')}]`;

/** A float32 attribute (LeakyRelu's alpha) as the shortest decimal that is the same float32: 0.01, not 0.009999999776. */
export function shortFloat(f: number): number {
  for (let digits = 1; digits < 10; digits++) {
    const v = Number(f.toPrecision(digits));
    if (Math.fround(v) === f) return v;
  }
  return f;
}

/** A stored float tensor named by input `i` of `n`, with exactly the dims given (null = any), or why not. */
export function floatConst(r: OnnxReader, n: NodeProto, i: number, role: string): (TensorRead & { ok: true }) | string {
  const name = n.input?.[i] ?? '';
  const t = name ? r.constant(name) : null;
  if (t === null) return `${who(n)}: its ${role} '${name}' is computed by the model, but BPNN Studio needs it stored in the file`;
  if (!t.ok) return `${who(n)}: its ${role} '${name}' cannot be read: ${t.message}`;
  if (t.type === 'int64') return `${who(n)}: its ${role} '${name}' holds integers, not weights`;
  return t;
}

export function int64Const(r: OnnxReader, n: NodeProto, i: number, role: string): number[] | string {
  const name = n.input?.[i] ?? '';
  const t = name ? r.constant(name) : null;
  if (t === null || !t.ok || t.type !== 'int64') return `${who(n)}: its ${role} must be a list of integers stored in the file`;
  return Array.from(t.values);
}

export function transposed(values: Float64Array, rows: number, cols: number): number[] {
  const t = new Array<number>(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = values[i * cols + j];
  return t;
}

/** A bias for `outs` outputs: dims [outs] or [1, outs]. */
export function biasFrom(t: TensorRead & { ok: true }, outs: number): number[] | null {
  const d = t.dims;
  if ((d.length === 1 && d[0] === outs) || (d.length === 2 && d[0] === 1 && d[1] === outs)) return Array.from(t.values);
  return null;
}

/** The next node, when it takes `prev`'s output as its input (the chain goes on). */
export function takes(next: NodeProto | undefined, prev: NodeProto, op: string): next is NodeProto {
  return next !== undefined && next.opType === op && inputs(next).includes(out(prev));
}
