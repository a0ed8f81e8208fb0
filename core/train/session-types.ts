// The training session: a synchronous, step-able run that hosts drive. A host (the desktop
// worker thread, the browser Web Worker, the CLI) calls runBatches() in slices and yields
// to its event loop between slices, so pause is "stop calling", stop is stop(), and one
// batch is step(). The session never touches a clock or timer itself except through `now`.
import type { GraphProblem, NodeShapeInfo } from '../graph/spec';
import type { Text } from '../messages/text';
import type { CompiledModel } from '../graph/resolved';
import type { Dataset } from '../data/types';
import type { EpochMetrics, RunResult, TrainRequest, Weights } from './types';
import type { MemoryExtras } from './memory';
import type { MemoryBudget } from './memory-budget';

/** Anything wrong with a request, as a value: a graph problem, a setting, or the data. */
export type TrainProblem =
  | GraphProblem
  | { code: 'bad-setting'; field: string; message: string; text?: Text }
  | { code: 'bad-data'; row?: number; column?: string; message: string; text?: Text }
  | { code: 'bad-weights'; nodeId?: string; message: string; text?: Text }
  /** The run would need more memory than the budget allows (train/memory.ts); bytes both. */
  | { code: 'too-much-memory'; needed: number; allowed: number; message: string; text?: Text };

export interface SessionDeps {
  /** Milliseconds, monotonic; used only for RunResult.ms. */
  now: () => number;
  /**
   * What the run may use, checked before anything is allocated. Hosts pass the machine's
   * budget (core cannot see the machine) and what else the run will draw; absent = a
   * conservative default; budget null = not checked (a session that never trains).
   */
  memory?: { budget: MemoryBudget | null } & MemoryExtras;
}

export interface StepReport {
  /** Epochs completed during this call, in order. */
  epochs: EpochMetrics[];
  /** Batches processed during this call. */
  batches: number;
  /** Set once the run has ended (done or diverged); nothing more happens after it. */
  finished: RunResult | null;
}

export interface TrainingSession {
  readonly model: CompiledModel;
  readonly dataset: Dataset;
  /** Indices of the training and test samples after the seeded split. */
  readonly trainIndices: Uint32Array;
  readonly testIndices: Uint32Array;
  readonly totalEpochs: number;
  /** Epochs completed so far. */
  readonly epoch: number;
  /** Run up to maxBatches mini-batches (crossing epoch boundaries as needed). */
  runBatches(maxBatches: number): StepReport;
  /** Exactly one mini-batch: the teaching "step" mode. */
  step(): StepReport;
  /** End the run now with state 'stopped', keeping the weights as they are. Idempotent. */
  stop(): RunResult;
  /** Every epoch's metrics so far. */
  metrics(): EpochMetrics[];
  /** Current weights as plain JSON (the last finite ones after a divergence). */
  weights(): Weights;
  /** Class probabilities [n, numClasses] (for a single sigmoid output: [n, 2] as [1−p, p]). */
  predict(x: Float64Array, n: number): Float64Array;
  /**
   * For 2-D inputs: class probabilities on a res×res grid over [x0,x1]×[y0,y1], row-major with
   * y rising by row, numClasses values per cell. Null when the input is not 2-D.
   */
  decisionGrid(res: number, bounds?: { x0: number; x1: number; y0: number; y1: number }): Float64Array | null;
  result(): RunResult | null;
  /** Steps skipped so far because a gradient was not finite (the weights stayed as they were). */
  readonly skippedSteps: number;
  /** The last skipped step: where, and which tensor had how many NaN and infinite values. */
  readonly lastSkipped: SkippedStep | null;
}

/** A training step left out because a gradient was not a finite number. */
export interface SkippedStep {
  epoch: number;
  batch: number;
  nodeId: string;
  layerType: string;
  tensor: string;
  nan: number;
  inf: number;
}

export type CreateSessionResult =
  | { ok: true; session: TrainingSession; shapes: NodeShapeInfo[] }
  | { ok: false; problems: TrainProblem[] };

/** Implemented by createTrainingSession in train/session.ts. */
export type CreateTrainingSession = (req: TrainRequest, deps: SessionDeps) => CreateSessionResult;
