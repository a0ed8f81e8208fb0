// What the step-through inspector shows: one training step on one sample or a small batch,
// node by node, with every number taken from the engine's own forward, backward and
// optimizer (core/train/network.ts trace(), core/optim/*), never recomputed here.
import type { NodeId } from '../graph/spec';
import type { ResolvedLayer } from '../graph/resolved';
import type { LossName, OptimizerName } from '../train/types';
import type { Words } from '../messages/words';

export type LayerType = ResolvedLayer['type'];

/** A tensor with its batch axis first: [n, ...perSampleShape]. */
export interface Mat {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

export interface ParamView {
  readonly name: 'weight' | 'bias';
  readonly shape: readonly number[];
  /** The value the forward pass used. */
  readonly value: Float64Array;
  /** dL/dparam from the engine's backward (after clipping, when clipping scaled it). */
  readonly grad: Float64Array | null;
}

export interface NodeView {
  readonly nodeId: NodeId;
  readonly type: LayerType;
  /** Position in the running order (topological; a chain's own order), 0-based (the Input node is not a layer). */
  readonly index: number;
  /** The lab's name: Linear layers and Conv1d layers are numbered 1, 2, … ("Layer 2"). */
  readonly layerNumber: number;
  /** The nodes it reads, in edge order (the Input's id for the data); two or more for a join. */
  readonly sources?: readonly NodeId[];
  /** Its input; for a join, the first of `inputs`. */
  readonly input: Mat;
  /** A join's inputs, in edge order. */
  readonly inputs?: readonly Mat[];
  readonly output: Mat;
  /** dL/d(output) once the backward pass reached this node. */
  readonly gradOutput: Mat | null;
  /** dL/d(input): for an activation this is Δ of the pre-activation z. */
  readonly gradInput: Mat | null;
  /** A join's dL/d(input) for each input, in edge order. */
  readonly gradInputs?: readonly Mat[] | null;
  readonly params: readonly ParamView[];
  /** LeakyReLU's slope. */
  readonly negativeSlope?: number;
  /** Conv1d geometry. */
  readonly conv?: { inChannels: number; outChannels: number; kernelSize: number; stride: number; padding: number; inLength: number; outLength: number };
}

export interface OptimizerParamStep {
  readonly nodeId: NodeId;
  readonly name: 'weight' | 'bias';
  readonly shape: readonly number[];
  readonly before: Float64Array;
  /** The gradient the optimizer used (clipped when clipping applied). */
  readonly grad: Float64Array;
  readonly after: Float64Array;
  /** after − before: the change the step applied. */
  readonly update: Float64Array;
  /** Optimizer state before and after the step, by the optimizer's names (velocity, firstMoment, …). */
  readonly stateBefore: Readonly<Record<string, Float64Array>>;
  readonly state: Readonly<Record<string, Float64Array>>;
}

export interface OptimizerStepView {
  readonly type: OptimizerName;
  readonly lr: number;
  /** Steps taken so far by this optimizer, counted from 1 (Adam's t). */
  readonly t: number;
  readonly hyper: Readonly<Record<string, number>>;
  /** Adam's bias corrections 1 − β1ᵗ and 1 − β2ᵗ. */
  readonly biasCorrection: { c1: number; c2: number } | null;
  /** Set when clipping was on: the gradient norm before clipping and the factor applied. */
  readonly clip: { maxNorm: number; norm: number; scale: number } | null;
  /** True when a gradient was not finite and the step was skipped (as training does). */
  readonly skipped: boolean;
  readonly params: readonly OptimizerParamStep[];
}

export type Phase =
  | { kind: 'ready' }
  /** `shown` nodes (from the first) have their input and output on display. */
  | { kind: 'forward'; shown: number }
  /** Every node's output and the loss are shown. */
  | { kind: 'loss' }
  /** `shown` nodes (from the last) have their gradients on display. */
  | { kind: 'backward'; shown: number }
  | { kind: 'updated' };

export interface StepperView {
  readonly phase: Phase;
  /** Training steps completed in this session, counted from 1 on the next. */
  readonly iteration: number;
  readonly n: number;
  readonly loss: LossName;
  /** The input batch [n, ...inputShape] and targets (values per output, or class indices). */
  readonly x: Mat;
  readonly target: Mat;
  readonly nodes: readonly NodeView[];
  /** The loss of the current forward pass, once shown. */
  readonly lossValue: number | null;
  /** True when the engine fused the final activation into the loss (Sigmoid+BCE, Softmax+CE). */
  readonly fused: boolean;
  readonly optimizer: OptimizerStepView | null;
  /** The node the last step worked on (for highlighting on the canvas). */
  readonly activeNodeId: NodeId | null;
}

/** One number of the view, as the "why" explainer addresses it. */
export type ValueRef =
  | { kind: 'input' | 'output' | 'gradOutput' | 'gradInput'; nodeId: NodeId; index: number }
  | { kind: 'param' | 'grad'; nodeId: NodeId; param: 'weight' | 'bias'; index: number }
  | { kind: 'update' | 'after'; nodeId: NodeId; param: 'weight' | 'bias'; index: number }
  | { kind: 'state'; nodeId: NodeId; param: 'weight' | 'bias'; state: string; index: number }
  | { kind: 'target'; index: number }
  | { kind: 'loss' };

/** A number's explanation: the rule, the rule with the numbers filled in, and the engine's value. */
export interface Why {
  readonly title: string;
  /** Symbolic, in the lab's notation (Δ, ⊙, ᵀ). */
  readonly formula: string;
  /** The same with the numbers filled in, ending in "= value". */
  readonly filled: string;
  /** The engine's value of this number. */
  readonly value: number;
  /** Extra lines: where an input came from, fusing, clipping. */
  readonly notes: readonly string[];
  /** The same four, for any reader's language: symbols stay strings, words are Texts (messages/words.ts). */
  readonly says: { readonly title: Words; readonly formula: Words; readonly filled: Words; readonly notes: readonly Words[] };
}
