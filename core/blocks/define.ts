// One definition per block kind: its name, what it does, its params (one schema that core's
// validation, the inspector's fields and the docs read), its shape rule, how its layer is built
// and, for a join, everything else the generic code (memory, export, Backprop tab) asks of it.
import type { GraphProblem, NodeId, NodeType } from '../graph/spec';
import type { ParamKeyOf } from './derived';
import type { BlockRole, BooleanRule, Kind, NumberRule, ParamRule, ParamWords } from './kind';
import type { ResolvedLayer } from '../graph/resolved';
import type { NodeParams } from '../graph/node-params';
import type { LayerInference } from '../graph/shapes';
import type { Block } from '../layers/join';
import type { BlockFormat } from '../export/format';
import type { Mat, NodeView } from '../inspect/types';
import type { MessageKey, Text } from '../messages/text';
import { wordsIn, type Words } from '../messages/words';

/** A param's rule as the generic code reads it: with the catalog keys of its words, set by defineBlock. */
export type NumberParam<K extends string = string> = Omit<NumberRule<K>, 'limitWhy'> & ParamSaid & {
  /** Why the upper limit exists (blocks.limit.*). */
  limitWhy?: MessageKey;
  /** What a usual value is, added to the message for a bad value. */
  usual?: MessageKey;
};
export type BooleanParam<K extends string = string> = BooleanRule<K> & ParamSaid;
export type ParamSchema<K extends string = string> = NumberParam<K> | BooleanParam<K>;

interface ParamSaid {
  /** The inspector field's label: blocks.<type>.<key>.label, from the kind's words. */
  label: MessageKey;
  /** One sentence a student understands: blocks.<type>.<key>.help. */
  help: MessageKey;
}

/** A formula in symbols and the same with the numbers filled in, as the Backprop tab shows them (English). */
export interface WhyText {
  formula: string;
  filled: string;
}

/** The same, where a piece with words (not only symbols) is a Text for the reader's language. */
export interface WhySaid {
  formula: Words;
  filled: Words;
  /** Extra lines under the formula. */
  notes?: readonly Words[];
}

/**
 * An element-wise kind's explanations, in words the reader's language can take: y = f(x), and
 * the factor f′ that ∂L/∂x = ∂L/∂y ⊙ f′ multiplies by. `ys`/`xs` are the symbols of output and
 * input, `x`/`a` their values, `slope` a LeakyReLU's α.
 */
export interface ElementwiseSaid {
  forward(ys: string, xs: string, x: number, slope: number): WhySaid;
  /** null: the derivative is 1 and the gradient passes unchanged. */
  derivative(ys: string, xs: string, x: number, a: number, slope: number): WhySaid | null;
  /** Said when this input passes no gradient (a ReLU at x ≤ 0). */
  blockedNote?(xs: string, x: number): Words | null;
}

/** The Backprop tab's explanations of an element-wise kind: in English, and as `said` for any language. */
export interface ElementwiseWhy {
  forward(ys: string, xs: string, x: number, slope: number): WhyText;
  derivative(ys: string, xs: string, x: number, a: number, slope: number): WhyText | null;
  blockedNote?(xs: string, x: number): string | null;
  said: ElementwiseSaid;
}

const english = (w: WhySaid): WhyText => ({ formula: wordsIn(w.formula), filled: wordsIn(w.filled) });

/** An element-wise kind's `why`, written once as `said`; the English answers are its rendering. */
export function elementwiseWhy(said: ElementwiseSaid): ElementwiseWhy {
  const { blockedNote } = said;
  return {
    forward: (...a) => english(said.forward(...a)),
    derivative: (...a) => {
      const d = said.derivative(...a);
      return d && english(d);
    },
    ...(blockedNote && {
      blockedNote: (xs: string, x: number) => {
        const n = blockedNote(xs, x);
        return n === null ? null : wordsIn(n);
      },
    }),
    said,
  };
}

/** One number of a one-input layer's step-through, as its explanations read it. */
export interface WhyCell {
  node: NodeView;
  /** Its position in the tensor asked about (the output for `output`, the input for `gradInput`). */
  index: number;
  /** The symbols of its output and input (z₁, a₁, x…). */
  ys: string;
  xs: string;
  /** Its layer number as a subscript ("₂"). */
  k: string;
}

/** One number of a weighted layer's parameter gradient. */
export interface ParamGradCell {
  node: NodeView;
  param: 'weight' | 'bias';
  index: number;
  /** Samples in the batch. */
  n: number;
  xs: string;
  k: string;
}

/**
 * The Backprop tab's explanations of a layer that is not element-wise (Linear, Conv1d, Flatten,
 * Softmax), next to its definition; inspect/why.ts asks for them and adds what every kind shares.
 */
export interface LayerWhy {
  /** The letter of its output's symbol: z for a weighted layer, f for Flatten; left out, a. */
  symbol?: string;
  /** Its output y: the rule and its filled-in terms. */
  output(c: WhyCell): WhySaid;
  /** ∂L/∂x of its input; left out, the gradient passes straight through. */
  gradInput?(c: WhyCell): WhySaid;
  /** Where a weight sits ("the weight from input 1 to unit 0"), from its coordinates. */
  weightWhere?(c: readonly number[]): Words;
  /** ∂L/∂W or ∂L/∂b. */
  gradParam?(c: ParamGradCell): WhySaid;
  /**
   * What it hands back to the one-input block before it, as the lab writes it (Linear: Wᵀ·Δ):
   * the rule for that block's output gradient `ys`, the rule's short name and cell [i, k]'s terms.
   */
  sendsBack?(node: NodeView): { rule(ys: string): string; short: string; terms(i: number, k: number): string[] };
  /** Its Δ before an activation is the lab's delta rule (Δ = upstream ⊙ f′). */
  deltaRule?: boolean;
}

/** One number of a join's step-through, as its explanations read it. */
export interface JoinCell {
  /** The symbol of its output. */
  ys: string;
  index: number;
  inputs: readonly Mat[];
  /** The blocks its inputs come from, in edge order. */
  sources: readonly string[];
  output: Mat;
}

/** What shape inference (graph/shapes.ts) hands a kind with one input. */
export interface InferContext<T extends NodeType> {
  id: NodeId;
  /** How messages name the node: "Linear 'fc1'", in the reader's language. */
  who: Text;
  /** Its checked params; a bad one is null, and inference stops short of the layer. */
  params: Extract<NodeParams, { type: T }>;
  /** Per sample: [features] or [channels, length]. */
  inShape: readonly number[];
  /** A problem on this node; `paramCount` keeps the count shown when the weights are already known. */
  fail(problem: Omit<GraphProblem, 'nodeId'>, paramCount?: number): LayerInference;
  /** The problem when `out` is too large for a batch (suggesting `fix`), or null when it fits. */
  tooBig(out: number[], paramCount: number, fix: Text): LayerInference | null;
}

/** One layer's per-sample sizes, as the memory estimate sees them. */
export interface LayerSizes<T extends NodeType> {
  layer: ResolvedOf<T>;
  inSize: number;
  outSize: number;
}

/** What the generic code needs of a kind that reads two or more inputs (role 'join'). */
export interface JoinDefinition {
  /** Said when it has fewer than two inputs, after its name: "sums two or more inputs of one shape". */
  does: Text;
  /** Its per-sample output shape, or why its inputs do not fit (said after "… gets [N, 8] from 'a' and …: "). */
  outShape(inShapes: readonly (readonly number[])[]): number[] | { why: Text };
  /** Its result depends on its inputs' order (their edges' order): the canvas numbers its wires, and the inspector lets the student reorder them. */
  ordered: boolean;
  /** Its ONNX node for this many inputs: the operator and, when it takes one, its axis (export/onnx.ts writes it). */
  onnx(inputs: number): { op: string; axis?: number };
  /** How the weights file (docs/weights.md) tells a reader to compute it: "Add: …". */
  convention: string;
  /** Its output in PyTorch, as a Python expression of its inputs' values. */
  torch(xs: readonly string[]): string;
  /** The Backprop tab: an output number, and the gradient one input gets. */
  whyOutput(cell: JoinCell): WhySaid;
  whyGradInput(xs: string, ys: string, gradOut: number, value: number): WhySaid;
  /**
   * Cell `index` of input i's gradient as a cell of its output gradient, given its inputs'
   * batched shapes ([N, …]): where that number of the Δ came from, for the Backprop tab.
   */
  gradIndex(inShapes: readonly (readonly number[])[], i: number, index: number): number;
  /** The Backprop tab's note on how its Δ reaches its inputs. */
  gradNote(sources: readonly string[]): Words;
}

/** The resolved layer of one kind, as compileModel hands it to the factory. */
export type ResolvedOf<T extends NodeType> = ResolvedLayer & { type: T };

/**
 * How a kind behaves: what defineBlock takes beside its `kind`. Hooks a kind leaves out mean the
 * plain case, as each one says.
 */
interface Behaviour<T extends NodeType, R extends BlockRole> {
  /**
   * Builds the layer. `inShape` is the per-sample output shape of its source (joins read
   * their inputs' shapes from the resolved layer). null for the Input, which is no layer.
   */
  create: ((spec: ResolvedOf<T>, inShape: readonly number[]) => Block) | null;
  /** Its output shape, param count and resolved layer from its input; left out, the kind keeps its input's shape and has no params. */
  infer?(ctx: InferContext<T>): LayerInference;
  /**
   * Values per sample its layer's buffers hold for one batch (core/train/memory.ts, whose test
   * sums the buffers of built layers): `backward` when the backward pass reaches it,
   * `inputGrad` when it must also hand its input a gradient. Left out: it keeps no buffer of
   * its own, passing its input's on.
   */
  batchValues?(s: LayerSizes<T>, backward: boolean, inputGrad: boolean): number;
  /** Values its layer keeps beside its params, whatever the batch (Linear's Wᵀ). */
  extraWeights?(layer: ResolvedOf<T>): number;
  /**
   * It has trained weights: the lab numbers its layers by these ("Layer 2"), a hidden one makes
   * what comes before it hidden for a sweep, the last one sizes the outputs, and the inspector
   * shows them.
   */
  weighted?: true;
  /** What its width is called when it sizes the activations after it, for the memory advice. */
  width?: 'units' | 'channels';
  /** Its trained tensors and their shapes (Linear: weight [out, in], bias [out]), as files and exports hold them; left out, it has none. */
  tensors?(layer: ResolvedOf<T>): Record<string, number[]>;
  /** What the step-through's view of it carries of its settings, for its explanations (a LeakyReLU's slope); `outShape` per sample. */
  view?(layer: ResolvedOf<T>, outShape: readonly number[]): Partial<NodeView>;
  /** A bounded output's values onto [−1, 1], the neuron views' colour scale; left out, they are scaled by the largest magnitude. */
  unitScale?(v: number): number;
  /** Element-wise kinds: what the Backprop tab says about them (inspect/why.ts). */
  why?: ElementwiseWhy;
  /** The other one-input layers: what the Backprop tab says about them (inspect/why.ts). */
  explain?: LayerWhy;
  /**
   * Its ONNX operators (written and read back) and PyTorch module, required of every one-input
   * kind. null for the Input, which is no layer, and for a join, whose operator is in its JoinDefinition.
   */
  format: R extends 'input' | 'join' ? null : BlockFormat<NoInfer<T>>;
}

/** What a join says beside its behaviour: required of a 'join', and nothing for any other role. */
type JoinPart<R extends BlockRole> = R extends 'join' ? { join: JoinDefinition } : { join?: undefined };

export type BlockHooks<T extends NodeType, R extends BlockRole> = Behaviour<T, R> & JoinPart<R>;

/** A kind and its behaviour together, with the catalog keys of its words: what the generic code reads (BLOCKS). */
export type BlockDefinition<T extends NodeType = NodeType, R extends BlockRole = BlockRole> = BlockHooks<T, R> & {
  type: T;
  role: R;
  order: number;
  /** Shown in the palette's tooltip and the inspector: blocks.<type>.description, from the kind's words. */
  description: MessageKey;
  params: readonly ParamSchema<ParamKeyOf<T>>[];
};

/** The part of a kind defineBlock reads. */
type KindLike = Pick<Kind<NodeType, readonly ParamRule[], BlockRole, object>, 'type' | 'role' | 'order' | 'params'> & { words: { en: Record<string, unknown> } };

// The keys exist: the catalogs hold every kind's words under blocks.<type> (core/messages/catalog.ts).
const key = (k: string): MessageKey => k as MessageKey;

function paramSchema(type: string, rule: ParamRule, words: Partial<ParamWords>): ParamSchema {
  const at = `blocks.${type}.${rule.key}`;
  const said = { label: key(`${at}.label`), help: key(`${at}.help`) };
  if (rule.kind === 'boolean') return { ...rule, ...said };
  const { limitWhy, ...rest } = rule;
  return { ...rest, ...said, ...(limitWhy && { limitWhy: key(`blocks.limit.${limitWhy}`) }), ...(words.usual !== undefined && { usual: key(`${at}.usual`) }) };
}

/** Declares how a kind behaves; its name, role, params and words come from its `kind`. */
export function defineBlock<const K extends KindLike>(kind: K, hooks: NoInfer<BlockHooks<K['type'], K['role']>>): BlockDefinition<K['type'], K['role']> {
  const { type, role, order, params, words } = kind;
  // The hooks pass through as given; TypeScript cannot follow K through the spread.
  return {
    ...hooks,
    type,
    role,
    order,
    description: key(`blocks.${type}.description`),
    params: params.map((p) => paramSchema(type, p, words.en[p.key] as Partial<ParamWords>)),
  } as unknown as BlockDefinition<K['type'], K['role']>;
}
