import type { Text } from '../messages/text';
// What a one-input block kind says about its export and import: the ONNX operators it
// becomes (float32 and float64), the ONNX operators it is read back from, and the PyTorch
// module it is. Each kind's definition (core/blocks/<kind>.ts) holds its own.
import type { ResolvedLayer } from '../graph/resolved';
import type { NodeType } from '../graph/spec';
import type { TensorJson } from '../train/types';
import type { AttributeProto, FloatType, NodeProto, TensorRead } from './onnx-proto';

/** The resolved layer of kind T (the param-less kinds share one ResolvedLayer member). */
export type LayerOf<T extends NodeType> = OfKind<ResolvedLayer, T>;
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

/** null: the node there does not start this kind of block; a Text (or, where not yet in the catalogs, an English string): it does, but cannot be read (why). */
export type BlockRead = ReadBlock | Text | string | null;

export interface BlockFormat<T extends NodeType> {
  /** Appends the block's ONNX nodes: from value `x` to value `y`. */
  toOnnx(w: OnnxWriter, layer: LayerOf<T>, tensors: Record<string, TensorJson>, x: string, y: string): void;
  /** Every ONNX operator import accepts as part of this kind of block. */
  onnxOps: readonly string[];
  fromOnnx(r: OnnxReader): BlockRead;
  /** The PyTorch module, as Python source. */
  torch(layer: LayerOf<T>): string;
  /**
   * How the weights file (docs/weights.md) tells a reader to compute it ("Flatten: …"). An
   * activation's is its name and formula only: the file lists them in one sentence.
   */
  convention: string;
}
