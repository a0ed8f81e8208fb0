// Training settings: the lab's defaults, and a check that names the field of every bad value
// before a run starts (settings arrive from files, the UI and the CLI, so nothing is trusted).
import type { TrainProblem } from './session-types';
import { render, say, type MessageKey, type Param, type Text } from '../messages/text';
import { saying } from '../messages/said';
import type { TrainingSettings, UpdateRegime } from './types';

export const MAX_EPOCHS = 1_000_000;
export const MAX_BATCH_SIZE = 1_000_000;
export const MAX_TEST_SPLIT = 0.9;
export const LOSSES = ['bce', 'crossEntropy', 'mse'] as const;
export const OPTIMIZERS = ['SGD', 'Momentum', 'RMSProp', 'Adam'] as const;
export const SCHEDULES = ['constant', 'step', 'exponential', 'cosine'] as const;
export const INITS = ['normal', 'xavier', 'he'] as const;
export const REGIMES = ['perSample', 'miniBatch', 'fullBatch'] as const;

/** The regimes in words, for the Training panel, the lab report and the CLI. */
export const REGIME_SAID: Readonly<Record<UpdateRegime, Text>> = {
  perSample: say('train.regime.perSample'),
  miniBatch: say('train.regime.miniBatch'),
  fullBatch: say('train.regime.fullBatch'),
};
/** REGIME_SAID in English, for the CLI and the report's English text. */
export const REGIME_LABELS: Readonly<Record<UpdateRegime, string>> = {
  perSample: render(REGIME_SAID.perSample),
  miniBatch: render(REGIME_SAID.miniBatch),
  fullBatch: render(REGIME_SAID.fullBatch),
};

/** The lab's BCE clip: predictions kept in [1e-6, 1 − 1e-6] inside the loss. */
export const LAB_BCE_CLIP = 1e-6;
/** A clip of 0.5 or more would clip every prediction to one value. */
export const BCE_CLIP_BOUND: NumberBound = { min: 0, max: 0.1, exclusiveMin: true };

/**
 * The range of a number setting. One home for the bounds that core validation, the CLI's
 * options, sweeps and the app's fields all check, so a value one of them takes the others do too.
 */
export interface NumberBound {
  min: number;
  max: number;
  /** min itself is not allowed (a learning rate must be above 0). */
  exclusiveMin?: boolean;
  integer?: boolean;
}

/** Above 100 no network the app builds learns: the first steps throw its weights far out (XOR at 100 ends at chance). */
export const MAX_LR = 100;
export const LR_BOUND: NumberBound = { min: 0, max: MAX_LR, exclusiveMin: true };
/** cosine's floor: from 0 up to the largest learning rate (and never above the run's own lr). */
export const MIN_LR_BOUND: NumberBound = { min: 0, max: MAX_LR };
/** Step and exponential decay multiply the rate by gamma: above 1 it would grow to Infinity. */
export const GAMMA_BOUND: NumberBound = { min: 0, max: 1, exclusiveMin: true };
export const STEP_SIZE_BOUND: NumberBound = { min: 1, max: MAX_EPOCHS, integer: true };
export const EPOCHS_BOUND: NumberBound = { min: 1, max: MAX_EPOCHS, integer: true };
/** The RNG mixes a seed as a 32-bit integer: every seed in this range gives its own run. */
export const SEED_BOUND: NumberBound = { min: -(2 ** 31 - 1), max: 2 ** 31 - 1, integer: true };

/** "a number above 0 and at most 100", "a whole number from 1 to 1000000", in the reader's language. */
export function boundSaid(b: NumberBound): Text {
  const key: MessageKey = b.integer ? (b.exclusiveMin ? 'train.bound.wholeAbove' : 'train.bound.wholeFrom') : b.exclusiveMin ? 'train.bound.numberAbove' : 'train.bound.numberFrom';
  return say(key, { min: b.min, max: b.max });
}

/** boundSaid in English. */
export function boundText(b: NumberBound): string {
  return render(boundSaid(b));
}

/** True when v is a finite number inside the bound. */
export function inBound(v: unknown, b: NumberBound): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  if (b.integer && !Number.isInteger(v)) return false;
  return (b.exclusiveMin ? v > b.min : v >= b.min) && v <= b.max;
}

/**
 * The update regime of a settings object. Files from before the field follow their batch size
 * (0: the full batch; 1 without shuffling: one sample at a time, in order).
 */
export function regimeOf(s: Pick<TrainingSettings, 'regime' | 'batchSize' | 'shuffle'>): UpdateRegime {
  if (s.regime !== undefined) return s.regime;
  return s.batchSize === 0 ? 'fullBatch' : s.batchSize === 1 && !s.shuffle ? 'perSample' : 'miniBatch';
}

/**
 * Samples per step for nTrain training samples. validateSettings keeps an explicit regime and
 * batchSize in agreement (perSample 1, fullBatch 0), so batchSize alone decides here.
 */
export function stepBatchSize(s: Pick<TrainingSettings, 'batchSize'>, nTrain: number): number {
  return Math.max(1, s.batchSize === 0 ? nTrain : Math.min(s.batchSize, nTrain));
}

/** Mini-batches a regime switch starts from when the settings had none. */
export const DEFAULT_MINI_BATCH = 16;

/** The settings with another regime, batchSize and shuffle set to match it. */
export function withRegime(s: TrainingSettings, regime: UpdateRegime): TrainingSettings {
  if (regime === 'perSample') return { ...s, regime, batchSize: 1, shuffle: false };
  if (regime === 'fullBatch') return { ...s, regime, batchSize: 0 };
  const wasMini = regimeOf(s) === 'miniBatch';
  return { ...s, regime, batchSize: wasMini && s.batchSize > 0 ? s.batchSize : DEFAULT_MINI_BATCH, shuffle: wasMini ? s.shuffle : true };
}

/** The settings with another batch size, and an explicit regime moved to the one it implies. */
export function withBatchSize(s: TrainingSettings, batchSize: number): TrainingSettings {
  if (s.regime === undefined) return { ...s, batchSize };
  const regime: UpdateRegime = batchSize === 0 ? 'fullBatch' : batchSize === 1 && s.regime === 'perSample' ? 'perSample' : 'miniBatch';
  return { ...s, regime, batchSize };
}

/**
 * The lab's values (BCE, SGD at lr 0.05, 5000 epochs, standard-normal weights) with one
 * averaged full-batch step per epoch, which most courses use (regime left to follow batchSize,
 * so code that sets only a batch size keeps working); the lab's examples use its per-sample regime.
 */
export function defaultSettings(): TrainingSettings {
  return {
    loss: 'bce',
    optimizer: { type: 'SGD', lr: 0.05 },
    schedule: { type: 'constant' },
    epochs: 5000,
    batchSize: 0,
    testSplit: 0,
    seed: 1,
    init: 'normal',
    clipNorm: null,
    shuffle: true,
  };
}

/** Default hyperparameters when switching optimizer (PyTorch's, with the lab's lr). */
export const OPTIMIZER_DEFAULTS = {
  SGD: { type: 'SGD', lr: 0.05 },
  Momentum: { type: 'Momentum', lr: 0.05, momentum: 0.9 },
  RMSProp: { type: 'RMSProp', lr: 0.01, alpha: 0.99, eps: 1e-8 },
  Adam: { type: 'Adam', lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
} as const;

/** A setting's value as the file gave it (JSON, so a string keeps its quotes); a missing one in words. */
export function shownValue(v: unknown): Param {
  if (typeof v === 'number') return String(v);
  if (v === undefined) return say('train.value.nothing');
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

type Check = (field: string, v: unknown) => TrainProblem | null;

const shown = shownValue;
const bad = (field: string, key: MessageKey, params?: Record<string, Param>): TrainProblem => ({ code: 'bad-setting', field, ...saying(say(key, params)) });
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const within = (b: NumberBound): Check => (f, v) => (inBound(v, b) ? null : bad(f, 'train.setting.within', { field: f, bound: boundSaid(b), value: shown(v) }));
const positive: Check = (f, v) => (isNum(v) && v > 0 ? null : bad(f, 'train.setting.positive', { field: f, value: shown(v) }));
/** Decay factors and moment coefficients: 0 ≤ v < 1. */
const unitOpen: Check = (f, v) => (isNum(v) && v >= 0 && v < 1 ? null : bad(f, 'train.setting.unitOpen', { field: f, value: shown(v) }));
// The options are the names files and the CLI use, so they stay as written in every language.
const oneOf = (options: readonly string[]): Check => (f, v) =>
  typeof v === 'string' && options.includes(v) ? null : bad(f, 'train.setting.oneOf', { field: f, options: options.join(', '), value: shown(v) });

function fieldsOf(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** Every problem with the settings, each naming its field; empty when they are usable. */
export function validateSettings(s: TrainingSettings): TrainProblem[] {
  const o = fieldsOf(s);
  if (!o) return [bad('settings', 'train.setting.missing')];
  const problems: TrainProblem[] = [];
  const check = (c: Check, field: string, v: unknown): void => {
    const p = c(field, v);
    if (p) problems.push(p);
  };

  check(oneOf(LOSSES), 'loss', o.loss);

  const opt = fieldsOf(o.optimizer);
  if (!opt) problems.push(bad('optimizer', 'train.setting.noOptimizer'));
  else {
    check(oneOf(OPTIMIZERS), 'optimizer.type', opt.type);
    check(within(LR_BOUND), 'optimizer.lr', opt.lr);
    if (opt.type === 'Momentum') check(unitOpen, 'optimizer.momentum', opt.momentum);
    if (opt.type === 'RMSProp') {
      check(unitOpen, 'optimizer.alpha', opt.alpha);
      check(positive, 'optimizer.eps', opt.eps);
    }
    if (opt.type === 'Adam') {
      check(unitOpen, 'optimizer.beta1', opt.beta1);
      check(unitOpen, 'optimizer.beta2', opt.beta2);
      check(positive, 'optimizer.eps', opt.eps);
    }
  }

  const sched = fieldsOf(o.schedule);
  if (!sched) problems.push(bad('schedule', 'train.setting.noSchedule'));
  else {
    check(oneOf(SCHEDULES), 'schedule.type', sched.type);
    if (sched.type === 'step') {
      check(within(STEP_SIZE_BOUND), 'schedule.stepSize', sched.stepSize);
      check(within(GAMMA_BOUND), 'schedule.gamma', sched.gamma);
    }
    if (sched.type === 'exponential') check(within(GAMMA_BOUND), 'schedule.gamma', sched.gamma);
    if (sched.type === 'cosine') {
      check(within(MIN_LR_BOUND), 'schedule.minLr', sched.minLr);
      if (opt && inBound(sched.minLr, MIN_LR_BOUND) && isNum(opt.lr) && sched.minLr > opt.lr) {
        problems.push(bad('schedule.minLr', 'train.setting.minLrAboveLr', { minLr: String(sched.minLr), lr: String(opt.lr) }));
      }
    }
  }

  check(within(EPOCHS_BOUND), 'epochs', o.epochs);
  if (o.regime !== undefined) {
    check(oneOf(REGIMES), 'regime', o.regime);
    problems.push(...regimeConflicts(o));
  }
  if (!(typeof o.batchSize === 'number' && Number.isInteger(o.batchSize) && o.batchSize >= 0 && o.batchSize <= MAX_BATCH_SIZE)) {
    problems.push(bad('batchSize', 'train.setting.batchSize', { max: String(MAX_BATCH_SIZE), value: shown(o.batchSize) }));
  }
  if (!(isNum(o.testSplit) && o.testSplit >= 0 && o.testSplit <= MAX_TEST_SPLIT)) {
    problems.push(bad('testSplit', 'train.setting.testSplit', { max: MAX_TEST_SPLIT, value: shown(o.testSplit) }));
  }
  check(within(SEED_BOUND), 'seed', o.seed);
  check(oneOf(INITS), 'init', o.init);
  if (o.clipNorm !== null && !(isNum(o.clipNorm) && o.clipNorm > 0)) {
    problems.push(bad('clipNorm', 'train.setting.clipNorm', { value: shown(o.clipNorm) }));
  }
  if (typeof o.shuffle !== 'boolean') problems.push(bad('shuffle', 'train.setting.shuffle', { value: shown(o.shuffle) }));
  if (o.bceClip !== undefined && o.bceClip !== null) check(within(BCE_CLIP_BOUND), 'bceClip', o.bceClip);
  return problems;
}

/**
 * An explicit regime and the batch size must say the same thing, so a file is never read two
 * ways (and a batch size changed without the regime is refused, not silently ignored).
 */
function regimeConflicts(o: Record<string, unknown>): TrainProblem[] {
  const size = shown(o.batchSize);
  if (o.regime === 'perSample') {
    const out: TrainProblem[] = [];
    if (o.batchSize !== 1) out.push(bad('batchSize', 'train.setting.perSampleBatch', { value: size }));
    if (o.shuffle === true) out.push(bad('shuffle', 'train.setting.perSampleShuffle'));
    return out;
  }
  if (o.regime === 'fullBatch' && o.batchSize !== 0) {
    return [bad('batchSize', 'train.setting.fullBatchBatch', { value: size })];
  }
  if (o.regime === 'miniBatch' && o.batchSize === 0) {
    return [bad('batchSize', 'train.setting.miniBatchZero')];
  }
  return [];
}
