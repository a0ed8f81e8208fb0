// The export tables, gathered from the block definitions: each one-input kind's format is in
// its own file (core/blocks/<kind>.ts), each join's ONNX operator in its JoinDefinition.
import { BLOCKS, JOINS, NODE_TYPES, type JoinType } from '../blocks/index';
import type { NodeType } from '../graph/spec';
import type { BlockFormat } from './format';

export type { BlockFormat, BlockRead, OnnxReader, OnnxWriter, ReadBlock } from './format';

/** Every kind with one input; the joins are written by the graph itself (onnx.ts, pytorch.ts) from their definitions. */
export type ChainKind = Exclude<NodeType, 'Input' | JoinType>;

/** Each one-input kind's format, in NODE_TYPES order (import tries them in this order). */
// defineBlock requires a format of every kind but the Input and the joins, so the kinds with one
// are exactly the ChainKinds.
export const BLOCK_FORMATS = Object.fromEntries(NODE_TYPES.flatMap((t) => (BLOCKS[t].format ? [[t, BLOCKS[t].format]] : []))) as {
  readonly [T in ChainKind]: BlockFormat<T>;
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
export const JOIN_OPS: { readonly [T in JoinType]: readonly string[] } = Object.fromEntries(
  (Object.keys(JOINS) as JoinType[]).map((t) => [t, joinOps(t)]),
) as { readonly [T in JoinType]: readonly string[] };

/** Every ONNX operator import understands, in the order the table lists them, the joins' last. */
export const IMPORTABLE_OPS: readonly string[] = [...new Set([...Object.values(BLOCK_FORMATS).flatMap((f) => f.onnxOps), ...Object.values(JOIN_OPS).flat()])];
