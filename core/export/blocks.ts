// Every block kind's export and import, in one table keyed by block type: the ONNX operators
// it becomes (float32 and float64), the ONNX operators it is read back from, and the PyTorch
// module it is. A new block kind is one entry here (the compiler refuses a kind left out).
import type { ResolvedLayer } from '../graph/resolved';
import { conv1dOutLength } from '../layers/conv1d';
import type { NodeType } from '../graph/spec';
import { JOINS, type JoinType } from '../blocks/index';
import type { TensorJson } from '../train/types';
import { floatAttr, int64, intAttr, intsAttr, type AttributeProto, type FloatType, type NodeProto, type TensorRead } from './onnx-proto';

/** The resolved layer of kind T (the param-less kinds share one ResolvedLayer member). */
type LayerOf<T extends NodeType> = OfKind<ResolvedLayer, T>;
type OfKind<L, T> = L extends { type: infer K } ? ([Extract<K, T>] extends [never] ? never : L & { type: Extract<K, T> }) : never;

/** Builds the ONNX graph one block at a time (onnx.ts implements it). */
export interface OnnxWriter {
  readonly floatType: FloatType;
  /** An initializer in the export's float type; returns its name. */
  floats(name: string, dims: readonly number[], values: ArrayLike<number>): string;
  /** An int64 initializer (shapes, pads, indices); returns its name. */
  int64s(name: string, dims: readonly number[], values: readonly number[]): string;
  node(op: string, name: string, inputs: readonly string[], output: string, attributes?: AttributeProto[]): void;
}

/** Reads an ONNX graph one block at a time, in the file's node order (onnx-import.ts implements it). */
export interface OnnxReader {
  /** The node `offset` places after the one a block starts at (a block's nodes follow one another in the file). */
  node(offset: number): NodeProto | undefined;
  /** The block's input: the computed value (a layer's output or the graph's input) its first node reads. */
  readonly x: string;
  /** Its per-sample shape (the batch axis left out). */
  readonly shape: readonly number[];
  /** The default domain's opset version (attribute defaults changed over versions). */
  readonly opset: number;
  /** A weight, shape or index the model stores (initializer or Constant); null when `name` is computed. */
  constant(name: string): TensorRead | null;
}

/** A block read from ONNX: the params and weights of one node on the canvas. */
export interface ReadBlock {
  params: Record<string, number | boolean>;
  weights?: Record<string, TensorJson>;
  /** Per-sample output shape. */
  outShape: number[];
  /** How many ONNX nodes the block took. */
  nodes: number;
}

/** null: the node there does not start this kind of block; a string: it does, but cannot be read (why). */
export type BlockRead = ReadBlock | string | null;

export interface BlockFormat<T extends NodeType> {
  /** Appends the block's ONNX nodes: from value `x` to value `y`. */
  toOnnx(w: OnnxWriter, layer: LayerOf<T>, tensors: Record<string, TensorJson>, x: string, y: string): void;
  /** Every ONNX operator import accepts as part of this kind of block. */
  onnxOps: readonly string[];
  fromOnnx(r: OnnxReader): BlockRead;
  /** The PyTorch module, as Python source. */
  torch(layer: LayerOf<T>): string;
}

// ---------------------------------------------------------------------------------------------
// Helpers for reading: attributes by name, constants with the shape a block needs.

function attr(n: NodeProto, name: string): AttributeProto | undefined {
  return (n.attribute ?? []).find((a) => a.name === name);
}
const intOf = (n: NodeProto, name: string, fallback: number): number => {
  const a = attr(n, name);
  return a ? int64(a.i) : fallback;
};
const intsOf = (n: NodeProto, name: string): number[] | null => {
  const a = attr(n, name);
  return a ? (a.ints ?? []).map(int64) : null;
};
const floatOf = (n: NodeProto, name: string, fallback: number): number => {
  const a = attr(n, name);
  return a ? (a.f ?? 0) : fallback;
};
const stringOf = (n: NodeProto, name: string): string => {
  const s = attr(n, name)?.s;
  let text = '';
  for (const b of s ?? []) text += String.fromCharCode(b);
  return text;
};
const inputs = (n: NodeProto): string[] => (n.input ?? []).filter((s) => s !== '');
const out = (n: NodeProto): string => n.output?.[0] ?? '';
const who = (n: NodeProto): string => `${n.opType} node${n.name ? ` '${n.name}'` : ''}`;
const sizes = (s: readonly number[]): string => `[${s.join(', ')}]`;
/** A per-sample shape with the batch axis in front, as PyTorch users see it. */
const batched = (s: readonly number[]): string => `[${['N', ...s].join(', ')}]`;

/** A float32 attribute (LeakyRelu's alpha) as the shortest decimal that is the same float32: 0.01, not 0.009999999776. */
function shortFloat(f: number): number {
  for (let digits = 1; digits < 10; digits++) {
    const v = Number(f.toPrecision(digits));
    if (Math.fround(v) === f) return v;
  }
  return f;
}

/** A stored float tensor named by input `i` of `n`, with exactly the dims given (null = any), or why not. */
function floatConst(r: OnnxReader, n: NodeProto, i: number, role: string): (TensorRead & { ok: true }) | string {
  const name = n.input?.[i] ?? '';
  const t = name ? r.constant(name) : null;
  if (t === null) return `${who(n)}: its ${role} '${name}' is computed by the model, but BPNN Studio needs it stored in the file`;
  if (!t.ok) return `${who(n)}: its ${role} '${name}' cannot be read: ${t.message}`;
  if (t.type === 'int64') return `${who(n)}: its ${role} '${name}' holds integers, not weights`;
  return t;
}

function int64Const(r: OnnxReader, n: NodeProto, i: number, role: string): number[] | string {
  const name = n.input?.[i] ?? '';
  const t = name ? r.constant(name) : null;
  if (t === null || !t.ok || t.type !== 'int64') return `${who(n)}: its ${role} must be a list of integers stored in the file`;
  return Array.from(t.values);
}

function transposed(values: Float64Array, rows: number, cols: number): number[] {
  const t = new Array<number>(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = values[i * cols + j];
  return t;
}

/** A bias for `outs` outputs: dims [outs] or [1, outs]. */
function biasFrom(t: TensorRead & { ok: true }, outs: number): number[] | null {
  const d = t.dims;
  if ((d.length === 1 && d[0] === outs) || (d.length === 2 && d[0] === 1 && d[1] === outs)) return Array.from(t.values);
  return null;
}

/** The next node, when it takes `prev`'s output as its input (the chain goes on). */
function takes(next: NodeProto | undefined, prev: NodeProto, op: string): next is NodeProto {
  return next !== undefined && next.opType === op && inputs(next).includes(out(prev));
}

/** The one-input activations: same shape out as in, nothing stored. */
function elementwise<T extends NodeType>(op: string, torch: string): BlockFormat<T> {
  return {
    toOnnx: (w, layer, _t, x, y) => w.node(op, layer.nodeId, [x], y),
    onnxOps: [op],
    fromOnnx(r) {
      const n = r.node(0);
      if (n?.opType !== op) return null;
      return { params: {}, outShape: [...r.shape], nodes: 1 };
    },
    torch: () => torch,
  };
}

// ---------------------------------------------------------------------------------------------
// Linear: Gemm (y = x·Wᵀ + b, W stored [out, in] as in the app and PyTorch). Read back from
// Gemm in either weight layout, or from MatMul followed by Add, as other exporters write it.

function readLinear(r: OnnxReader): BlockRead {
  const n = r.node(0);
  if (n?.opType !== 'Gemm' && n?.opType !== 'MatMul') return null;
  if (r.shape.length !== 1) return `${who(n)} gets a ${r.shape.length + 1}-D tensor ${batched(r.shape)}; BPNN Studio's Linear takes [N, features]: add a Flatten before it`;
  if (n.input?.[0] !== r.x) return `${who(n)} multiplies the weights by the data in the other order; BPNN Studio reads x·W only`;
  const inF = r.shape[0];
  const w = floatConst(r, n, 1, 'weight');
  if (typeof w === 'string') return w;
  if (n.opType === 'Gemm') {
    if (intOf(n, 'transA', 0) !== 0 || floatOf(n, 'alpha', 1) !== 1 || (inputs(n).length > 2 && floatOf(n, 'beta', 1) !== 1)) {
      return `${who(n)} uses transA, alpha or beta; BPNN Studio reads Gemm as y = x·Wᵀ + b only`;
    }
    const transB = intOf(n, 'transB', 0) !== 0;
    const [a, b] = w.dims;
    if (w.dims.length !== 2 || (transB ? b : a) !== inF) return `${who(n)}: its weight is ${sizes(w.dims)}, which does not fit ${inF} inputs`;
    const outF = transB ? a : b;
    const weight = transB ? Array.from(w.values) : transposed(w.values, inF, outF);
    const weights: Record<string, TensorJson> = { weight: { shape: [outF, inF], data: weight } };
    if (inputs(n).length > 2) {
      const c = floatConst(r, n, 2, 'bias');
      if (typeof c === 'string') return c;
      const bias = biasFrom(c, outF);
      if (!bias) return `${who(n)}: its bias is ${sizes(c.dims)}; BPNN Studio needs one value per output (${outF})`;
      weights.bias = { shape: [outF], data: bias };
    }
    return { params: { outFeatures: outF, bias: weights.bias !== undefined }, weights, outShape: [outF], nodes: 1 };
  }
  if (w.dims.length !== 2 || w.dims[0] !== inF) return `${who(n)}: its weight is ${sizes(w.dims)}, which does not fit ${inF} inputs`;
  const outF = w.dims[1];
  const weights: Record<string, TensorJson> = { weight: { shape: [outF, inF], data: transposed(w.values, inF, outF) } };
  const add = r.node(1);
  if (takes(add, n, 'Add') && inputs(add).length === 2) {
    const other = inputs(add).indexOf(out(n)) === 0 ? 1 : 0;
    const c = floatConst(r, add, other, 'bias');
    const bias = typeof c === 'string' ? null : biasFrom(c, outF);
    if (bias) {
      weights.bias = { shape: [outF], data: bias };
      return { params: { outFeatures: outF, bias: true }, weights, outShape: [outF], nodes: 2 };
    }
  }
  return { params: { outFeatures: outF, bias: false }, weights, outShape: [outF], nodes: 1 };
}

// ---------------------------------------------------------------------------------------------
// Conv1d: Conv in float32. ONNX Runtime has no float64 Conv, so in float64 the same sums are
// spelled out with operators it does run in double: Pad (the zeros at both ends), Gather (each
// output step's window), Transpose + Reshape (one row of C·k inputs per step), MatMul with the
// weight as a [C·k, outC] matrix, Add the bias, Transpose back to [N, outC, outLength].

function conv1dToOnnx(w: OnnxWriter, layer: LayerOf<'Conv1d'>, tensors: Record<string, TensorJson>, x: string, y: string): void {
  const id = layer.nodeId;
  const { inChannels: c, outChannels: o, kernelSize: k, stride: s, padding: p, inLength } = layer;
  if (w.floatType === 'float32') {
    const weight = w.floats(`${id}.weight`, [o, c, k], tensors.weight.data);
    const bias = w.floats(`${id}.bias`, [o], tensors.bias.data);
    w.node('Conv', id, [x, weight, bias], y, [intsAttr('kernel_shape', [k]), intsAttr('strides', [s]), intsAttr('pads', [p, p])]);
    return;
  }
  const steps = conv1dOutLength(inLength, k, s, p);
  let src = x;
  if (p > 0) {
    src = `${id}.padded`;
    w.node('Pad', `${id}.pad`, [x, w.int64s(`${id}.pads`, [6], [0, 0, p, 0, 0, p])], src);
  }
  const index: number[] = [];
  for (let t = 0; t < steps; t++) for (let j = 0; j < k; j++) index.push(t * s + j);
  w.node('Gather', `${id}.windows`, [src, w.int64s(`${id}.window_index`, [steps, k], index)], `${id}.windows`, [intAttr('axis', 2)]);
  w.node('Transpose', `${id}.steps_first`, [`${id}.windows`], `${id}.steps_first`, [intsAttr('perm', [0, 2, 1, 3])]);
  w.node('Reshape', `${id}.rows`, [`${id}.steps_first`, w.int64s(`${id}.rows_shape`, [3], [0, steps, c * k])], `${id}.rows`);
  const matrix = w.floats(`${id}.weight_matrix`, [c * k, o], transposed(Float64Array.from(tensors.weight.data), o, c * k));
  w.node('MatMul', `${id}.matmul`, [`${id}.rows`, matrix], `${id}.products`);
  w.node('Add', `${id}.add_bias`, [`${id}.products`, w.floats(`${id}.bias`, [o], tensors.bias.data)], `${id}.sums`);
  w.node('Transpose', id, [`${id}.sums`], y, [intsAttr('perm', [0, 2, 1])]);
}

function readConv(r: OnnxReader): BlockRead {
  const n = r.node(0);
  if (n?.opType === 'Pad' || n?.opType === 'Gather') return readUnfoldedConv(r);
  if (n?.opType !== 'Conv') return null;
  if (r.shape.length !== 2) return `${who(n)} gets ${batched(r.shape)}; BPNN Studio's Conv1d takes signals [N, channels, length]`;
  if (n.input?.[0] !== r.x) return `${who(n)} takes the data as its weight; BPNN Studio reads Conv(x, W, b) only`;
  const [c, len] = r.shape;
  const strides = intsOf(n, 'strides') ?? [1];
  const pads = intsOf(n, 'pads') ?? [0, 0];
  const dilations = intsOf(n, 'dilations') ?? [1];
  const autoPad = stringOf(n, 'auto_pad');
  const kernel = intsOf(n, 'kernel_shape');
  if (intOf(n, 'group', 1) !== 1) return `${who(n)} has group ${intOf(n, 'group', 1)}; BPNN Studio's Conv1d connects every input channel to every output channel (group 1)`;
  if (dilations.some((d) => d !== 1)) return `${who(n)} has dilation ${sizes(dilations)}; BPNN Studio's Conv1d has none (1)`;
  if (autoPad !== '' && autoPad !== 'NOTSET' && !(autoPad === 'VALID' && pads.every((v) => v === 0))) return `${who(n)} uses auto_pad ${autoPad}; BPNN Studio needs the padding given as pads`;
  const w = floatConst(r, n, 1, 'weight');
  if (typeof w === 'string') return w;
  if (w.dims.length !== 3 || w.dims[1] !== c) return `${who(n)}: its weight is ${sizes(w.dims)}; a Conv1d on ${c} channels needs [outChannels, ${c}, kernelSize]`;
  const [o, , k] = w.dims;
  if (kernel && (kernel.length !== 1 || kernel[0] !== k)) return `${who(n)}: its kernel_shape ${sizes(kernel)} does not match its weight ${sizes(w.dims)}`;
  if (strides.length !== 1 || pads.length !== 2) return `${who(n)} is not a 1-D convolution (strides ${sizes(strides)}, pads ${sizes(pads)})`;
  if (pads[0] !== pads[1]) return `${who(n)} pads ${pads[0]} at the start and ${pads[1]} at the end; BPNN Studio's Conv1d pads both ends equally`;
  const [s] = strides;
  const p = pads[0];
  let bias: number[] = new Array<number>(o).fill(0);
  if (inputs(n).length > 2) {
    const b = floatConst(r, n, 2, 'bias');
    if (typeof b === 'string') return b;
    const read = biasFrom(b, o);
    if (!read) return `${who(n)}: its bias is ${sizes(b.dims)}; BPNN Studio needs one value per output channel (${o})`;
    bias = read;
  }
  return {
    params: { outChannels: o, kernelSize: k, stride: s, padding: p },
    weights: { weight: { shape: [o, c, k], data: Array.from(w.values) }, bias: { shape: [o], data: bias } },
    outShape: [o, conv1dOutLength(len, k, s, p)],
    nodes: 1,
  };
}

/** The float64 spelling conv1dToOnnx writes, read back exactly as written. */
function readUnfoldedConv(r: OnnxReader): BlockRead {
  const first = r.node(0) as NodeProto;
  const notOurs = `${who(first)} is read only as part of a float64 Conv1d as BPNN Studio exports it (Pad, Gather, Transpose, Reshape, MatMul, Add, Transpose)`;
  if (r.shape.length !== 2) return notOurs;
  const [c, len] = r.shape;
  let at = 0;
  let p = 0;
  if (first.opType === 'Pad') {
    if (first.input?.[0] !== r.x) return notOurs;
    const pads = int64Const(r, first, 1, 'pads');
    const mode = stringOf(first, 'mode');
    if (typeof pads === 'string' || pads.length !== 6 || pads[0] || pads[1] || pads[3] || pads[4] || pads[2] !== pads[5] || (mode !== '' && mode !== 'constant') || inputs(first).length > 2) return notOurs;
    p = pads[2];
    at = 1;
  }
  const gather = r.node(at);
  if (gather?.opType !== 'Gather' || gather.input?.[0] !== (at === 1 ? out(first) : r.x) || intOf(gather, 'axis', 0) !== 2) return notOurs;
  const index = r.constant(gather.input?.[1] ?? '');
  if (!index?.ok || index.type !== 'int64' || index.dims.length !== 2) return notOurs;
  const [steps, k] = index.dims;
  const s = steps > 1 ? index.values[k] - index.values[0] : Math.max(1, len + 2 * p - k + 1);
  for (let t = 0; t < steps; t++) for (let j = 0; j < k; j++) if (index.values[t * k + j] !== t * s + j) return notOurs;
  if (s < 1 || conv1dOutLength(len, k, s, p) !== steps) return notOurs;
  const [t1, reshape, matmul, add, t2] = [1, 2, 3, 4, 5].map((i) => r.node(at + i));
  if (!takes(t1, gather, 'Transpose') || intsOf(t1, 'perm')?.join() !== '0,2,1,3') return notOurs;
  const rows = takes(reshape, t1, 'Reshape') ? int64Const(r, reshape, 1, 'shape') : null;
  if (!rows || typeof rows === 'string' || rows.join() !== `0,${steps},${c * k}`) return notOurs;
  if (!takes(matmul, reshape as NodeProto, 'MatMul')) return notOurs;
  const m = floatConst(r, matmul, 1, 'weight');
  if (typeof m === 'string') return m;
  if (m.dims.length !== 2 || m.dims[0] !== c * k) return notOurs;
  const o = m.dims[1];
  if (!takes(add, matmul, 'Add')) return notOurs;
  const b = floatConst(r, add, 1, 'bias');
  const bias = typeof b === 'string' ? null : biasFrom(b, o);
  if (!bias || !takes(t2, add, 'Transpose') || intsOf(t2, 'perm')?.join() !== '0,2,1') return notOurs;
  return {
    params: { outChannels: o, kernelSize: k, stride: s, padding: p },
    weights: { weight: { shape: [o, c, k], data: transposed(m.values, c * k, o) }, bias: { shape: [o], data: bias } },
    outShape: [o, steps],
    nodes: at + 6,
  };
}

// ---------------------------------------------------------------------------------------------
// LeakyReLU: LeakyRelu in float32. Its alpha is a float32 attribute, which in float64 would
// change every negative output in the 9th digit; there it is Max(x, negativeSlope·x), equal to
// the app's "x if x > 0 else negativeSlope·x" for every slope from 0 to 1.

function readLeakyRelu(r: OnnxReader): BlockRead {
  const n = r.node(0);
  if (n?.opType === 'LeakyRelu') return { params: { negativeSlope: shortFloat(floatOf(n, 'alpha', 0.01)) }, outShape: [...r.shape], nodes: 1 };
  if (n?.opType !== 'Mul') return null;
  const notOurs = `${who(n)} is read only as part of a LeakyReLU: Max(x, Mul(x, slope)) with one slope from 0 to 1`;
  const other = inputs(n).indexOf(r.x) === 0 ? 1 : 0;
  const slope = floatConst(r, n, other, 'slope');
  const max = r.node(1);
  if (typeof slope === 'string' || slope.values.length !== 1 || !takes(max, n, 'Max') || !inputs(max).includes(r.x) || inputs(max).length !== 2) return notOurs;
  const a = slope.values[0];
  if (!(a >= 0 && a <= 1)) return notOurs;
  return { params: { negativeSlope: slope.type === 'float32' ? shortFloat(a) : a }, outShape: [...r.shape], nodes: 2 };
}

function readFlatten(r: OnnxReader): BlockRead {
  const n = r.node(0);
  if (n?.opType !== 'Flatten' && n?.opType !== 'Reshape') return null;
  const size = r.shape.reduce((a, b) => a * b, 1);
  if (n.opType === 'Flatten') {
    const axis = intOf(n, 'axis', 1);
    if (axis !== 1 && axis !== -r.shape.length) return `${who(n)} has axis ${axis}; BPNN Studio's Flatten keeps the batch axis and flattens the rest (axis 1)`;
    return { params: {}, outShape: [size], nodes: 1 };
  }
  const target = int64Const(r, n, 1, 'shape');
  if (typeof target === 'string') return target;
  const [batch, rest] = target;
  const flattens = target.length === 2 && intOf(n, 'allowzero', 0) === 0 && (batch === 0 ? rest === -1 || rest === size : batch === -1 && rest === size);
  if (!flattens) return `${who(n)} reshapes to ${sizes(target)}; BPNN Studio reads a Reshape only as a Flatten to [N, ${size}]`;
  return { params: {}, outShape: [size], nodes: 1 };
}

function readSoftmax(r: OnnxReader): BlockRead {
  const n = r.node(0);
  if (n?.opType !== 'Softmax') return null;
  const rank = r.shape.length + 1;
  // Before opset 13 the default axis was 1 and meant "flatten from here": the same as the
  // last axis exactly when it is the last axis.
  const axis = intOf(n, 'axis', r.opset >= 13 ? -1 : 1);
  if ((axis < 0 ? axis + rank : axis) !== rank - 1) return `${who(n)} normalises over axis ${axis}; BPNN Studio's Softmax works over the last axis`;
  return { params: {}, outShape: [...r.shape], nodes: 1 };
}

// ---------------------------------------------------------------------------------------------

/** Every kind with one input; the joins are written by the graph itself (onnx.ts, pytorch.ts) from their definitions. */
export type ChainKind = Exclude<NodeType, 'Input' | JoinType>;

export const BLOCK_FORMATS: { readonly [T in ChainKind]: BlockFormat<T> } = {
  Linear: {
    toOnnx(w, layer, tensors, x, y) {
      const id = layer.nodeId;
      const operands = [x, w.floats(`${id}.weight`, [layer.outFeatures, layer.inFeatures], tensors.weight.data)];
      if (layer.bias) operands.push(w.floats(`${id}.bias`, [layer.outFeatures], tensors.bias.data));
      w.node('Gemm', id, operands, y, [intAttr('transB', 1)]);
    },
    onnxOps: ['Gemm', 'MatMul', 'Add'],
    fromOnnx: readLinear,
    torch: (l) => `nn.Linear(${l.inFeatures}, ${l.outFeatures}${l.bias ? '' : ', bias=False'})`,
  },
  Conv1d: {
    toOnnx: conv1dToOnnx,
    onnxOps: ['Conv', 'Pad', 'Gather', 'Transpose', 'Reshape', 'MatMul', 'Add'],
    fromOnnx: readConv,
    torch: (l) => `nn.Conv1d(${l.inChannels}, ${l.outChannels}, kernel_size=${l.kernelSize}, stride=${l.stride}, padding=${l.padding})`,
  },
  Flatten: {
    toOnnx: (w, layer, _t, x, y) => w.node('Flatten', layer.nodeId, [x], y, [intAttr('axis', 1)]),
    onnxOps: ['Flatten', 'Reshape'],
    fromOnnx: readFlatten,
    torch: () => 'nn.Flatten()',
  },
  Sigmoid: elementwise('Sigmoid', 'nn.Sigmoid()'),
  Tanh: elementwise('Tanh', 'nn.Tanh()'),
  ReLU: elementwise('Relu', 'nn.ReLU()'),
  LeakyReLU: {
    toOnnx(w, layer, _t, x, y) {
      const id = layer.nodeId;
      if (w.floatType === 'float32') {
        w.node('LeakyRelu', id, [x], y, [floatAttr('alpha', layer.negativeSlope)]);
        return;
      }
      w.node('Mul', `${id}.scale`, [x, w.floats(`${id}.negative_slope`, [], [layer.negativeSlope])], `${id}.scaled`);
      w.node('Max', id, [x, `${id}.scaled`], y);
    },
    onnxOps: ['LeakyRelu', 'Mul', 'Max'],
    fromOnnx: readLeakyRelu,
    torch: (l) => `nn.LeakyReLU(negative_slope=${l.negativeSlope})`,
  },
  Identity: elementwise('Identity', 'nn.Identity()'),
  Softmax: {
    toOnnx: (w, layer, _t, x, y) => w.node('Softmax', layer.nodeId, [x], y, [intAttr('axis', -1)]),
    onnxOps: ['Softmax'],
    fromOnnx: readSoftmax,
    torch: () => 'nn.Softmax(dim=-1)',
  },
};

/** Looks a layer's format up with its own type, so each entry sees its own layer kind. */
export function formatOf<T extends ChainKind>(type: T): BlockFormat<T> {
  return BLOCK_FORMATS[type] as BlockFormat<T>;
}

/**
 * The ONNX operators each join is read back from: what its definition writes for two inputs
 * and for more (Add and Sum), so the export and the import cannot disagree.
 */
const joinOps = (t: JoinType): readonly string[] => [...new Set([JOINS[t].onnx(2).op, JOINS[t].onnx(3).op])];
export const JOIN_OPS: { readonly [T in JoinType]: readonly string[] } = { Add: joinOps('Add'), Concat: joinOps('Concat') };

/** Every ONNX operator import understands, in the order the table lists them, the joins' last. */
export const IMPORTABLE_OPS: readonly string[] = [...new Set([...Object.values(BLOCK_FORMATS).flatMap((f) => f.onnxOps), ...Object.values(JOIN_OPS).flat()])];
