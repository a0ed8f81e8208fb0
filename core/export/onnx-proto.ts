// The ONNX protobuf messages, from onnx-proto: ONNX's own onnx.proto (v1.10, IR version 8)
// compiled for protobufjs, so no byte of the format is written by hand here. This file adds
// the few conversions both directions need: tensors to and from plain numbers, attributes
// by name, and int64 fields, which protobufjs gives as Long objects where the `long` package
// is installed and as plain numbers where it is not (the browser).
import * as onnxModule from 'onnx-proto';

type OnnxNamespace = typeof onnxModule.onnx;
// onnx-proto is CommonJS with one exported object: bundlers expose its `onnx` property as a
// named export, Node's ESM loader only as the default export's property.
export const onnx: OnnxNamespace = onnxModule.onnx ?? (onnxModule as unknown as { default: { onnx: OnnxNamespace } }).default.onnx;

export type ModelProto = onnxModule.onnx.IModelProto;
export type GraphProto = onnxModule.onnx.IGraphProto;
export type NodeProto = onnxModule.onnx.INodeProto;
export type TensorProto = onnxModule.onnx.ITensorProto;
export type AttributeProto = onnxModule.onnx.IAttributeProto;
export type ValueInfoProto = onnxModule.onnx.IValueInfoProto;

export const DataType = {
  FLOAT: 1,
  INT64: 7,
  DOUBLE: 11,
} as const;

export const AttrType = {
  FLOAT: 1,
  INT: 2,
  TENSOR: 4,
  INTS: 7,
} as const;

/** ONNX Runtime 1.30 runs every operator the export uses at this opset, in float32 and (except Conv) float64. */
export const OPSET = 17;
/** The IR version that goes with opset 17 (ONNX 1.12–1.13), and the newest onnx-proto knows. */
export const IR_VERSION = 8;

export type FloatType = 'float32' | 'float64';

interface LongLike {
  toNumber(): number;
}

/** An int64 field as a number: exact up to 2^53, and far beyond any size this app allows. */
export function int64(v: number | LongLike | null | undefined): number {
  if (typeof v === 'number') return v;
  if (v !== null && typeof v === 'object' && typeof v.toNumber === 'function') return v.toNumber();
  return 0;
}

export function floatTensor(name: string, dims: readonly number[], values: ArrayLike<number>, type: FloatType): TensorProto {
  const width = type === 'float32' ? 4 : 8;
  const raw = new Uint8Array(values.length * width);
  const view = new DataView(raw.buffer);
  // ONNX's raw_data is little-endian, whatever the machine is.
  for (let i = 0; i < values.length; i++) {
    if (type === 'float32') view.setFloat32(i * 4, values[i], true);
    else view.setFloat64(i * 8, values[i], true);
  }
  return { name, dims: [...dims], dataType: type === 'float32' ? DataType.FLOAT : DataType.DOUBLE, rawData: raw };
}

export function int64Tensor(name: string, dims: readonly number[], values: readonly number[]): TensorProto {
  const raw = new Uint8Array(values.length * 8);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < values.length; i++) view.setBigInt64(i * 8, BigInt(values[i]), true);
  return { name, dims: [...dims], dataType: DataType.INT64, rawData: raw };
}

export const intAttr = (name: string, i: number): AttributeProto => ({ name, type: AttrType.INT, i });
export const intsAttr = (name: string, ints: readonly number[]): AttributeProto => ({ name, type: AttrType.INTS, ints: [...ints] });
export const floatAttr = (name: string, f: number): AttributeProto => ({ name, type: AttrType.FLOAT, f });

/** The number of values a tensor of these dims holds (0 for none; Infinity past any limit). */
export function elementCount(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

export type TensorRead = { ok: true; dims: number[]; values: Float64Array; type: 'float32' | 'float64' | 'int64' } | { ok: false; message: string };

const READABLE = {
  [DataType.FLOAT]: { type: 'float32', width: 4 },
  [DataType.DOUBLE]: { type: 'float64', width: 8 },
  [DataType.INT64]: { type: 'int64', width: 8 },
} as const;

/**
 * A stored tensor's values as float64 (float32 values convert exactly), checked against its
 * dims before anything is allocated. Only the types a network of this app needs: float,
 * double, and int64 for shapes and indices.
 */
export function readTensor(t: TensorProto): TensorRead {
  const dims = (t.dims ?? []).map(int64);
  if (dims.some((d) => !Number.isSafeInteger(d) || d < 0)) return { ok: false, message: `its shape [${dims.join(', ')}] is not a list of sizes` };
  if (t.dataLocation === 1) return { ok: false, message: 'its values are in a separate file (external data), which BPNN Studio does not read: save the model with its weights inside' };
  const kind = READABLE[t.dataType as keyof typeof READABLE] as (typeof READABLE)[keyof typeof READABLE] | undefined;
  if (!kind) return { ok: false, message: `its values are of ONNX data type ${t.dataType ?? 0}; BPNN Studio reads float, double and int64 tensors` };
  const count = elementCount(dims);
  const raw = t.rawData && t.rawData.length > 0 ? t.rawData : null;
  const listed = kind.type === 'float32' ? (t.floatData ?? []) : kind.type === 'float64' ? (t.doubleData ?? []) : (t.int64Data ?? []);
  const have = raw ? Math.floor(raw.length / kind.width) : listed.length;
  if (have !== count || (raw && raw.length % kind.width !== 0)) {
    return { ok: false, message: `it holds ${have} values, but its shape [${dims.join(', ')}] needs ${count}` };
  }
  const values = new Float64Array(count);
  if (raw) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    for (let i = 0; i < count; i++) {
      values[i] = kind.type === 'float32' ? view.getFloat32(i * 4, true) : kind.type === 'float64' ? view.getFloat64(i * 8, true) : Number(view.getBigInt64(i * 8, true));
    }
  } else {
    for (let i = 0; i < count; i++) values[i] = int64(listed[i]);
  }
  return { ok: true, dims, values, type: kind.type };
}
