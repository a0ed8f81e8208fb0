// The types every kind's `kind` export implies, read through the one list of kinds (kinds.ts).
// Type-only: nothing here runs, so the list's modules may use these types themselves.
import type * as kinds from './kinds';
import type { BooleanRule, ParamRule } from './kind';

type Modules = typeof kinds;
type AnyKind = Modules[keyof Modules]['kind'];

/** Every kind's name. */
export type NodeType = AnyKind['type'];

/** The `kind` of one type: its role, params, words and inferred sizes. */
export type KindOf<T extends NodeType> = Extract<AnyKind, { type: T }>;

/** The param keys of one kind, as literal types. */
export type ParamKeyOf<T extends NodeType> = KindOf<T>['params'][number]['key'];

type Tidy<O> = { [K in keyof O]: O[K] };
type ValueOf<S extends ParamRule> = S extends BooleanRule ? boolean : number;
type RulesOf<T extends NodeType> = KindOf<T>['params'][number];

/** A kind's params as a spec stores them: one a file may leave out (optional, or a boolean) is optional. */
type StoredParams<P extends ParamRule> = Tidy<
  { [S in P as S extends { optional: false } ? S['key'] : never]: ValueOf<S> } & {
    [S in P as S extends { optional: false } ? never : S['key']]?: ValueOf<S>;
  }
>;

/** Params per node type. Sizes that come from upstream (inFeatures, inChannels) are inferred, never stored. */
export type NodeParamsByType = { [T in NodeType]: StoredParams<RulesOf<T>> };

/** A node's params once read (graph/node-params.ts): every key, a bad number null, a boolean always set. */
export type CheckedParamsOf<T extends NodeType> = Tidy<{ type: T } & { [S in RulesOf<T> as S['key']]: S extends BooleanRule ? boolean : number | null }>;

/** Every value set, as a resolved layer holds them. */
export type ParamValuesOf<T extends NodeType> = { [S in RulesOf<T> as S['key']]: ValueOf<S> };

/** The sizes a kind's layer infers from upstream (its `inferred`). */
export type InferredOf<T extends NodeType> = KindOf<T> extends { inferred?: infer X } ? (X extends object ? X : never) : never;

type OfRole<R extends string> = { [T in NodeType]: KindOf<T>['role'] extends R ? T : never }[NodeType];

/** The kinds that act element by element (a sweep may swap one for another). */
export type ActivationType = OfRole<'activation'>;

/** The kinds that read two or more inputs. */
export type JoinType = OfRole<'join'>;

/** The kinds that become a layer: all but the Input. */
export type LayerType = Exclude<NodeType, OfRole<'input'>>;
