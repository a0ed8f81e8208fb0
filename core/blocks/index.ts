// Every block kind, keyed by its type. Lists that used to be written out by hand (the
// activations, the params a file may hold and their types) are derived from here.
import type { ResolvedLayer } from '../graph/resolved';
import { addBlock, addJoin } from './add';
import { concatBlock, concatJoin } from './concat';
import { conv1dBlock } from './conv1d';
import type { BlockDefinition, JoinDefinition, ParamSchema } from './define';
import { flattenBlock } from './flatten';
import { identityBlock } from './identity';
import { inputBlock } from './input';
import { leakyReluBlock } from './leaky-relu';
import { linearBlock } from './linear';
import { reluBlock } from './relu';
import { sigmoidBlock } from './sigmoid';
import { softmaxBlock } from './softmax';
import { tanhBlock } from './tanh';

/** Every kind's name, in the order the palette and the docs list them. */
export const NODE_TYPES = [
  'Input',
  'Linear',
  'Conv1d',
  'Flatten',
  'Sigmoid',
  'Tanh',
  'ReLU',
  'LeakyReLU',
  'Identity',
  'Softmax',
  'Add',
  'Concat',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const BLOCKS = {
  Input: inputBlock,
  Linear: linearBlock,
  Conv1d: conv1dBlock,
  Flatten: flattenBlock,
  Sigmoid: sigmoidBlock,
  Tanh: tanhBlock,
  ReLU: reluBlock,
  LeakyReLU: leakyReluBlock,
  Identity: identityBlock,
  Softmax: softmaxBlock,
  Add: addBlock,
  Concat: concatBlock,
} as const satisfies { readonly [T in NodeType]: BlockDefinition<T, readonly ParamSchema[]> };

export function blockOf(type: NodeType): BlockDefinition {
  return BLOCKS[type] as BlockDefinition;
}

/** The definition of a resolved layer's kind, whose hooks take that layer (each sees its own kind). */
export const blockOfLayer = (layer: ResolvedLayer): BlockDefinition<NodeType> => blockOf(layer.type) as BlockDefinition<NodeType>;

/** The param keys of one kind, as literal types. */
export type ParamKeyOf<T extends NodeType> = (typeof BLOCKS)[T]['params'][number]['key'];

type ValueOf<S extends ParamSchema> = S extends { kind: 'boolean' } ? boolean : number;
type Tidy<O> = { [K in keyof O]: O[K] };
/** A kind's params as a spec stores them: one a file may leave out (optional, or a boolean) is optional. */
type ParamsOf<P extends readonly ParamSchema[]> = Tidy<
  { [S in P[number] as S extends { optional: false } ? S['key'] : never]: ValueOf<S> } & {
    [S in P[number] as S extends { optional: false } ? never : S['key']]?: ValueOf<S>;
  }
>;

/** Params per node type. Sizes that come from upstream (inFeatures, inChannels) are inferred, never stored. */
export type NodeParamsByType = { [T in NodeType]: ParamsOf<(typeof BLOCKS)[T]['params']> };

/** A kind with trained weights (Linear, Conv1d): its definition says `weighted`. */
export const isWeighted = (t: NodeType): boolean => blockOf(t).weighted === true;

/** The kinds that act element by element (a sweep may swap one for another). */
export type ActivationType = { [T in NodeType]: (typeof BLOCKS)[T]['role'] extends 'activation' ? T : never }[NodeType];

const isActivation = (t: NodeType): t is ActivationType => BLOCKS[t].role === 'activation';

/** The activations, in NODE_TYPES order. */
export const ACTIVATION_TYPES: readonly ActivationType[] = NODE_TYPES.filter(isActivation);

/**
 * How each join (role 'join') combines its inputs. A table apart from BLOCKS because
 * ResolvedLayer names the join kinds, and BLOCKS' type depends on ResolvedLayer.
 */
export const JOINS = {
  Add: addJoin,
  Concat: concatJoin,
} as const satisfies { readonly [T in NodeType]?: JoinDefinition };

/** The kinds that read two or more inputs. */
export type JoinType = keyof typeof JOINS;

// JOINS holds exactly the kinds whose role is 'join': either side alone fails to compile.
type JoinRole = { [T in NodeType]: (typeof BLOCKS)[T]['role'] extends 'join' ? T : never }[NodeType];
const _joinsAreJoins: [Exclude<JoinRole, JoinType> | Exclude<JoinType, JoinRole>] extends [never] ? true : false = true;
void _joinsAreJoins;

export const isJoinType = (t: string): t is JoinType => Object.hasOwn(JOINS, t);

/** The same test on a resolved layer, narrowing it to a join's (its input shapes). */
export const isJoinLayer = (l: ResolvedLayer): l is Extract<ResolvedLayer, { type: JoinType }> => isJoinType(l.type);

/** How a join combines its inputs; undefined for every kind with one input. */
export const joinOf = (type: NodeType): JoinDefinition | undefined => (isJoinType(type) ? JOINS[type] : undefined);

export type { BlockDefinition, BlockRole, BooleanParam, InferContext, JoinDefinition, NumberParam, ParamSchema } from './define';
