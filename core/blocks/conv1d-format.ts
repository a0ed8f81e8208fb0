// Conv1d's export: Conv in float32. ONNX Runtime has no float64 Conv, so in float64 the same
// sums are spelled out with operators it does run in double: Pad (the zeros at both ends),
// Gather (each output step's window), Transpose + Reshape (one row of C·k inputs per step),
// MatMul with the weight as a [C·k, outC] matrix, Add the bias, Transpose back to
// [N, outC, outLength].
import type { BlockFormat, BlockRead, LayerOf, OnnxReader, OnnxWriter } from '../export/format';
import { intAttr, intsAttr, type NodeProto } from '../export/onnx-proto';
import { batched, biasFrom, floatConst, int64Const, inputs, intOf, intsOf, out, sizes, stringOf, takes, transposed, who, whoSaid } from '../export/read';
import { say } from '../messages/text';
import { conv1dOutLength } from '../layers/conv1d';
import type { TensorJson } from '../train/types';

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
  if (intOf(n, 'group', 1) !== 1) return say('onnx.refused.convGroup', { node: whoSaid(n), group: intOf(n, 'group', 1) });
  if (dilations.some((d) => d !== 1)) return say('onnx.refused.convDilation', { node: whoSaid(n), dilation: sizes(dilations) });
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

export const conv1dFormat: BlockFormat<'Conv1d'> = {
  toOnnx: conv1dToOnnx,
  onnxOps: ['Conv', 'Pad', 'Gather', 'Transpose', 'Reshape', 'MatMul', 'Add'],
  fromOnnx: readConv,
  convention:
    'Conv1d: weight is [outChannels, inChannels, kernelSize], bias is [outChannels]; a cross-correlation (the kernel is not flipped) over the input padded with "padding" zeros at both ends, moving "stride" steps; output length = floor((inLength + 2*padding - kernelSize) / stride) + 1; y[n, o, t] = bias[o] + sum over c, k of weight[o, c, k] * xpadded[n, c, t*stride + k].',
  torch: (l) => `nn.Conv1d(${l.inChannels}, ${l.outChannels}, kernel_size=${l.kernelSize}, stride=${l.stride}, padding=${l.padding})`,
};
