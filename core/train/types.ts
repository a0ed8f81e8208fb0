// Training settings, weights and the events a run produces. Shared by the trainer, the
// .bpnn project file, the desktop training host, the browser worker and the CLI.
import type { ModelSpec, NodeId } from '../graph/spec';
import type { DatasetSpec } from '../data/types';
import type { Text } from '../messages/text';

export type LossName = 'bce' | 'crossEntropy' | 'mse';

export type OptimizerSettings =
  | { type: 'SGD'; lr: number }
  | { type: 'Momentum'; lr: number; momentum: number }
  | { type: 'RMSProp'; lr: number; alpha: number; eps: number }
  | { type: 'Adam'; lr: number; beta1: number; beta2: number; eps: number };
export type OptimizerName = OptimizerSettings['type'];

export type ScheduleSettings =
  | { type: 'constant' }
  /** lr · gamma^floor(epoch / stepSize) */
  | { type: 'step'; stepSize: number; gamma: number }
  /** lr · gamma^epoch */
  | { type: 'exponential'; gamma: number }
  /** minLr + (lr − minLr)·(1 + cos(π·epoch / epochs))/2 */
  | { type: 'cosine'; minLr: number };

/** standard normal (the lab's `randn`), Xavier/Glorot uniform, He (Kaiming) normal. */
export type InitName = 'normal' | 'xavier' | 'he';

/**
 * How many samples each update sees. perSample: one step after every sample, in data order
 * (the lab's code; its bias update only runs on one sample at a time). miniBatch: batchSize
 * samples per step, shuffled every epoch when shuffle is on. fullBatch: one step per epoch
 * from the mean over every training sample.
 */
export type UpdateRegime = 'perSample' | 'miniBatch' | 'fullBatch';

export interface TrainingSettings {
  loss: LossName;
  optimizer: OptimizerSettings;
  schedule: ScheduleSettings;
  epochs: number;
  /**
   * The update regime. Optional so files written before it existed load unchanged: absent
   * means fullBatch when batchSize is 0, else miniBatch (regimeOf in settings.ts).
   */
  regime?: UpdateRegime;
  /** Samples per batch in the miniBatch regime; 0 means full batch when regime is absent. */
  batchSize: number;
  /** Fraction of samples held out for testing, 0 ≤ testSplit < 1. */
  testSplit: number;
  /** Seeds the weights, the shuffling and the split. */
  seed: number;
  init: InitName;
  /** Clip the global gradient norm to this value; null = off. */
  clipNorm: number | null;
  /** Shuffle the training set every epoch (seeded); mini-batches only. */
  shuffle: boolean;
  /**
   * BCE only: clip predictions to [bceClip, 1 − bceClip] in the loss value and count a point
   * as class 1 only when p > 0.5, as the lab does (it uses 1e-6). After a Sigmoid the gradient
   * stays the lab's delta rule (p − y)/n. Absent or null = off: the exact loss, p ≥ 0.5 is class 1.
   */
  bceClip?: number | null;
}

/** A tensor as stored in files: shape plus flat row-major data. */
export interface TensorJson {
  shape: number[];
  data: number[];
}

/** Trained parameters per node id: Linear {weight [out,in], bias [out]}, Conv1d {weight [out,in,k], bias [out]}. */
export type Weights = Record<string, Record<string, TensorJson>>;

export interface EpochMetrics {
  epoch: number; // 1-based
  loss: number;
  accuracy: number;
  testLoss: number | null;
  testAccuracy: number | null;
  lr: number;
}

export type RunState = 'done' | 'stopped' | 'diverged' | 'error';

export interface DivergenceInfo {
  epoch: number;
  batch: number;
  /** 'NaN' | 'Infinity' | '-Infinity', or an exploded loss in 3 digits ('8.77e+4'). */
  value: string;
  /** What went wrong: the loss (non-finite or exploded), or a gradient (with node id and tensor name). */
  where: { kind: 'loss' } | { kind: 'gradient'; nodeId: NodeId; tensor: string };
  lastFiniteLoss: number | null;
  /** Epoch whose weights were kept (the last good ones). */
  keptEpoch: number;
  message: string;
  advice: string[];
  /** `message` and `advice` as Texts, for readers in another language (messages/said.ts). */
  text?: Text;
  adviceText?: Text[];
}

export interface RunResult {
  state: RunState;
  epochs: number;
  loss: number | null;
  accuracy: number | null;
  testAccuracy: number | null;
  ms: number;
  diverged?: DivergenceInfo;
  errorMessage?: string;
}

/** A complete training request; everything a worker needs, all plain JSON. */
export interface TrainRequest {
  spec: ModelSpec;
  dataset: DatasetSpec;
  settings: TrainingSettings;
  /** Start from these weights when given (shapes must match); otherwise initialise from the seed. */
  initialWeights?: Weights | null;
}
