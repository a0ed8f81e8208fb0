// What a block kind is, apart from how it behaves: its name, role, params and words. Kept apart
// from the behaviour (define.ts) because the spec's and the resolved layer's types, and the
// catalogs' keys, are derived from it, and the behaviour's hooks are typed by those: a leaf that
// names none of them keeps the derivation from going round in a circle.
import { addKindWords } from '../messages/kind-words';
import type { Language } from '../messages/languages';
import type enBlocks from '../messages/en/blocks.json';

/** Why a size has an upper limit, as blocks.limit.* in the catalogs says it. */
export type LimitWhy = keyof (typeof enBlocks)['limit'];

export interface NumberRule<K extends string = string> {
  /** The key in node params and in .bpnn files (PyTorch's name in camelCase). */
  key: K;
  /** 'int': whole numbers only. */
  kind: 'int' | 'number';
  /** What a new block starts with; also what an optional param means when a file leaves it out. */
  default: number;
  min: number;
  max: number;
  /** The inspector's spin step (1 for whole numbers). */
  step?: number;
  /** true: a file may leave it out and gets the default; false: a missing value is a problem. */
  optional: boolean;
  /** Why the upper limit exists, said to the student when a value is above it. */
  limitWhy?: LimitWhy;
}

export interface BooleanRule<K extends string = string> {
  key: K;
  kind: 'boolean';
  default: boolean;
}

export type ParamRule<K extends string = string> = NumberRule<K> | BooleanRule<K>;

/**
 * What a kind is for: 'activation' kinds act element by element and keep the shape, so a
 * sweep may swap one for another; 'join' kinds take two or more inputs.
 */
export type BlockRole = 'input' | 'layer' | 'activation' | 'output' | 'join';

// A type, not an interface, so a catalog of these reads as plain nested strings.
export type ParamWords = {
  /** The inspector field's label ("Output features"). */
  label: string;
  /** One sentence a student understands. */
  help: string;
  /** What a usual value is, added to the message for a bad value ("0.01 is usual"). */
  usual?: string;
};

/** A kind's words in one language: its description, and each param's. */
export type KindWords<P extends readonly ParamRule[]> = { description: string } & { [S in P[number] as S['key']]: ParamWords };

/** A kind's words in every language. */
export type AllWords<P extends readonly ParamRule[]> = { [L in Language]: KindWords<P> };

export interface Kind<T extends string, P extends readonly ParamRule[], R extends BlockRole, X extends object, W extends AllWords<P> = AllWords<P>> {
  type: T;
  role: R;
  /** Its place in the palette and the docs: kinds are listed by this number, smallest first. */
  order: number;
  /** In the order .bpnn files list them; the loader refuses any other key. */
  params: P;
  /** Its words in every language, which join the catalogs as the kind loads (core/messages/kind-words.ts). */
  words: W;
  /**
   * Sizes its resolved layer carries beside its params, inferred from upstream (Linear's
   * inFeatures); only their type matters, given with `inferred<{ … }>()`.
   */
  inferred?: X;
}

/** The type of the sizes a kind's layer infers; the value is never read. */
export const inferred = <X extends object>(): X => ({}) as X;

/**
 * Declares a kind; `const` keeps its name and param keys literal, and its words keep their own
 * type (a `usual` only where one is written), so the types and catalog keys derived from it are exact.
 */
export function defineKind<const T extends string, const P extends readonly ParamRule[], const R extends BlockRole, X extends object = Record<never, never>, W extends AllWords<P> = AllWords<P>>(
  kind: Kind<T, P, R, X, W>,
): Kind<T, P, R, X, W> {
  // Its words join the catalogs as it loads, before anything can hold one of its keys.
  addKindWords(kind.type, kind.words);
  return kind;
}
