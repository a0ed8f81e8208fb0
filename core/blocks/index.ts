// Every block kind, keyed by its type. Lists that used to be written out by hand (the
// activations, the params a file may hold) are derived from here.
import { NODE_TYPES, type NodeType } from '../graph/spec';
import { addBlock } from './add';
import { concatBlock } from './concat';
import { conv1dBlock } from './conv1d';
import type { BlockDefinition, ParamSchema } from './define';
import { flattenBlock } from './flatten';
import { identityBlock } from './identity';
import { inputBlock } from './input';
import { leakyReluBlock } from './leaky-relu';
import { linearBlock } from './linear';
import { reluBlock } from './relu';
import { sigmoidBlock } from './sigmoid';
import { softmaxBlock } from './softmax';
import { tanhBlock } from './tanh';

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

/** The param keys of one kind, as literal types. */
export type ParamKeyOf<T extends NodeType> = (typeof BLOCKS)[T]['params'][number]['key'];

/** The kinds that act element by element (a sweep may swap one for another). */
export type ActivationType = { [T in NodeType]: (typeof BLOCKS)[T]['role'] extends 'activation' ? T : never }[NodeType];

const isActivation = (t: NodeType): t is ActivationType => BLOCKS[t].role === 'activation';

/** The activations, in NODE_TYPES order. */
export const ACTIVATION_TYPES: readonly ActivationType[] = NODE_TYPES.filter(isActivation);

export type { BlockDefinition, BlockRole, BooleanParam, NumberParam, ParamSchema } from './define';
