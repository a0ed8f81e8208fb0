// Training settings: the lab's defaults, and a check that names the field of every bad value
// before a run starts (settings arrive from files, the UI and the CLI, so nothing is trusted).
import type { TrainProblem } from './session-types';
import type { TrainingSettings } from './types';

export const MAX_EPOCHS = 1_000_000;
export const MAX_BATCH_SIZE = 1_000_000;
export const MAX_TEST_SPLIT = 0.9;
export const LOSSES = ['bce', 'crossEntropy', 'mse'] as const;
export const OPTIMIZERS = ['SGD', 'Momentum', 'RMSProp', 'Adam'] as const;
export const SCHEDULES = ['constant', 'step', 'exponential', 'cosine'] as const;
export const INITS = ['normal', 'xavier', 'he'] as const;

/** The lab's settings: BCE, full-batch SGD at lr 0.05 for 5000 epochs from standard-normal weights. */
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

function shown(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (v === undefined) return 'nothing';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

type Check = (field: string, v: unknown) => TrainProblem | null;

const bad = (field: string, message: string): TrainProblem => ({ code: 'bad-setting', field, message });
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const positive: Check = (f, v) => (isNum(v) && v > 0 ? null : bad(f, `${f} must be a finite number > 0 (got ${shown(v)}).`));
const nonNegative: Check = (f, v) => (isNum(v) && v >= 0 ? null : bad(f, `${f} must be a finite number ≥ 0 (got ${shown(v)}).`));
/** Decay factors and moment coefficients: 0 ≤ v < 1. */
const unitOpen: Check = (f, v) => (isNum(v) && v >= 0 && v < 1 ? null : bad(f, `${f} must be a number from 0 up to (not including) 1 (got ${shown(v)}).`));
const intRange = (lo: number, hi: number): Check => (f, v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi
    ? null
    : bad(f, `${f} must be a whole number from ${lo} to ${hi} (got ${shown(v)}).`);
const oneOf = (options: readonly string[]): Check => (f, v) =>
  typeof v === 'string' && options.includes(v) ? null : bad(f, `${f} must be one of ${options.join(', ')} (got ${shown(v)}).`);

function fieldsOf(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** Every problem with the settings, each naming its field; empty when they are usable. */
export function validateSettings(s: TrainingSettings): TrainProblem[] {
  const o = fieldsOf(s);
  if (!o) return [bad('settings', 'The training settings are missing: reset them to the defaults.')];
  const problems: TrainProblem[] = [];
  const check = (c: Check, field: string, v: unknown): void => {
    const p = c(field, v);
    if (p) problems.push(p);
  };

  check(oneOf(LOSSES), 'loss', o.loss);

  const opt = fieldsOf(o.optimizer);
  if (!opt) problems.push(bad('optimizer', 'optimizer is missing: choose SGD, Momentum, RMSProp or Adam.'));
  else {
    check(oneOf(OPTIMIZERS), 'optimizer.type', opt.type);
    check(positive, 'optimizer.lr', opt.lr);
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
  if (!sched) problems.push(bad('schedule', 'schedule is missing: choose constant, step, exponential or cosine.'));
  else {
    check(oneOf(SCHEDULES), 'schedule.type', sched.type);
    if (sched.type === 'step') {
      check(intRange(1, MAX_EPOCHS), 'schedule.stepSize', sched.stepSize);
      check(positive, 'schedule.gamma', sched.gamma);
    }
    if (sched.type === 'exponential') check(positive, 'schedule.gamma', sched.gamma);
    if (sched.type === 'cosine') {
      check(nonNegative, 'schedule.minLr', sched.minLr);
      if (opt && isNum(sched.minLr) && isNum(opt.lr) && sched.minLr > opt.lr) {
        problems.push(bad('schedule.minLr', `schedule.minLr (${sched.minLr}) must not exceed the learning rate optimizer.lr (${opt.lr}).`));
      }
    }
  }

  check(intRange(1, MAX_EPOCHS), 'epochs', o.epochs);
  if (!(typeof o.batchSize === 'number' && Number.isInteger(o.batchSize) && o.batchSize >= 0 && o.batchSize <= MAX_BATCH_SIZE)) {
    problems.push(bad('batchSize', `batchSize must be a whole number from 0 (the full batch) to ${MAX_BATCH_SIZE} (got ${shown(o.batchSize)}).`));
  }
  if (!(isNum(o.testSplit) && o.testSplit >= 0 && o.testSplit <= MAX_TEST_SPLIT)) {
    problems.push(bad('testSplit', `testSplit must be a fraction from 0 to ${MAX_TEST_SPLIT} (got ${shown(o.testSplit)}).`));
  }
  if (!(typeof o.seed === 'number' && Number.isSafeInteger(o.seed))) {
    problems.push(bad('seed', `seed must be a whole number (got ${shown(o.seed)}).`));
  }
  check(oneOf(INITS), 'init', o.init);
  if (o.clipNorm !== null && !(isNum(o.clipNorm) && o.clipNorm > 0)) {
    problems.push(bad('clipNorm', `clipNorm must be a finite number > 0, or off (got ${shown(o.clipNorm)}).`));
  }
  if (typeof o.shuffle !== 'boolean') problems.push(bad('shuffle', `shuffle must be true or false (got ${shown(o.shuffle)}).`));
  return problems;
}
