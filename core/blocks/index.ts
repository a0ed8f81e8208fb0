// Every block kind, keyed by its type, read from the one list of kinds (kinds.ts). Lists that
// used to be written out by hand (the kinds, the activations, the joins, the params a file may
// hold and their types) are derived from there.
import type { ResolvedLayer } from '../graph/resolved';
import type { BlockDefinition, JoinDefinition } from './define';
import type { ActivationType, JoinType, NodeType } from './derived';
import * as kinds from './kinds';

type Module = (typeof kinds)[keyof typeof kinds];
const modules = (Object.values(kinds) as Module[]).sort((a, b) => a.kind.order - b.kind.order);

/** Every kind's name, in the order the palette and the docs list them (each kind's `order`). */
export const NODE_TYPES = modules.map((m) => m.kind.type) as readonly NodeType[] as readonly [NodeType, ...NodeType[]];

export const BLOCKS = Object.fromEntries(modules.map((m) => [m.kind.type, m.block])) as { readonly [T in NodeType]: BlockDefinition<T> };

export function blockOf(type: NodeType): BlockDefinition {
  return BLOCKS[type] as BlockDefinition;
}

/** The definition of a resolved layer's kind, whose hooks take that layer (each sees its own kind). */
export const blockOfLayer = (layer: ResolvedLayer): BlockDefinition<NodeType> => blockOf(layer.type);

/** A kind with trained weights (Linear, Conv1d): its definition says `weighted`. */
export const isWeighted = (t: NodeType): boolean => blockOf(t).weighted === true;

const isActivation = (t: NodeType): t is ActivationType => BLOCKS[t].role === 'activation';

/** The activations, in NODE_TYPES order. */
export const ACTIVATION_TYPES: readonly ActivationType[] = NODE_TYPES.filter(isActivation);

export const isJoinType = (t: string): t is JoinType => Object.hasOwn(BLOCKS, t) && BLOCKS[t as NodeType].role === 'join';

/** How each join (role 'join') combines its inputs, from its definition's `join`. */
export const JOINS = Object.fromEntries(NODE_TYPES.flatMap((t) => (isJoinType(t) ? [[t, BLOCKS[t].join]] : []))) as { readonly [T in JoinType]: JoinDefinition };

/** The same test on a resolved layer, narrowing it to a join's (its input shapes). */
export const isJoinLayer = (l: ResolvedLayer): l is Extract<ResolvedLayer, { type: JoinType }> => isJoinType(l.type);

/** How a join combines its inputs; undefined for every kind with one input. */
export const joinOf = (type: NodeType): JoinDefinition | undefined => blockOf(type).join;

export type { ActivationType, JoinType, NodeParamsByType, NodeType, ParamKeyOf } from './derived';
export type { BlockDefinition, BooleanParam, InferContext, JoinDefinition, NumberParam, ParamSchema } from './define';
export type { BlockRole } from './kind';
