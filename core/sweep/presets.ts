// The lab's experiments as one-click presets, and the words the UI and the report use.
import type { OptimizerName, OptimizerSettings } from '../train/types';
import { SKIP_VALUES, SWEEP_ACTIVATIONS, type SweepSetting } from './types';

/** The lab's LeakyReLU slope: what an activation sweep's LeakyReLU uses (the block's default is 0.01). */
export const LAB_LEAKY_SLOPE = 0.02;

/**
 * The lab's optimizer values, what an optimizer sweep gives each optimizer (at the project's
 * learning rate): momentum 0.9, RMSProp α 0.9 (PyTorch's default is 0.99), Adam β 0.9/0.999.
 */
export const LAB_OPTIMIZERS: Readonly<Record<OptimizerName, OptimizerSettings>> = {
  SGD: { type: 'SGD', lr: 0.05 },
  Momentum: { type: 'Momentum', lr: 0.05, momentum: 0.9 },
  RMSProp: { type: 'RMSProp', lr: 0.05, alpha: 0.9, eps: 1e-8 },
  Adam: { type: 'Adam', lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
};

export const SWEEP_PRESETS: Readonly<Record<SweepSetting, readonly string[]>> = {
  lr: ['0.0005', '0.005', '0.05', '0.5', '1'],
  hidden: ['64', '32', '16', '8', '4', '2', '1'],
  activation: SWEEP_ACTIVATIONS,
  optimizer: ['SGD', 'Momentum', 'RMSProp', 'Adam'],
  init: ['normal', 'xavier', 'he'],
  batchSize: ['0', '16', '8', '4', '1'],
  seed: ['1', '2', '3', '4', '5'],
  skip: SKIP_VALUES,
};

export const SWEEP_SETTING_LABELS: Readonly<Record<SweepSetting, string>> = {
  lr: 'Learning rate',
  hidden: 'Hidden units',
  activation: 'Hidden activation',
  optimizer: 'Optimizer',
  init: 'Weight initialisation',
  batchSize: 'Batch size',
  seed: 'Seed',
  skip: 'Skip connection',
};

/** What each setting changes, in a sentence a student reads next to the picker. */
export const SWEEP_SETTING_HELP: Readonly<Record<SweepSetting, string>> = {
  lr: 'The SGD step size (or the chosen optimizer’s learning rate).',
  hidden: 'The number of units of the hidden Linear layers (all of them, or the selected ones).',
  activation: 'The activation after every hidden layer (LeakyReLU with the lab’s slope 0.02); Identity means no activation at all.',
  optimizer: 'The update rule, at the project’s learning rate, with the lab’s values (momentum 0.9; RMSProp α 0.9; Adam β 0.9/0.999).',
  init: 'How the starting weights are drawn: standard normal (the lab’s randn), Xavier or He.',
  batchSize: 'Samples per update; 0 is the full batch.',
  seed: 'The random seed of the weights, the shuffling and the split (and of the data, with new data for every seed).',
  skip: 'The network as it is (residual), or the same network without its skip connections (plain): each Add that sums a block’s input with its output is removed and the block’s output goes straight on.',
};

/** Legend and table text for one value. */
export function sweepValueLabel(setting: SweepSetting, value: string): string {
  if (setting === 'activation' && value === 'Identity') return 'Identity (no activation)';
  if (setting === 'batchSize' && value === '0') return 'full batch';
  if (setting === 'init') return value === 'normal' ? 'standard normal' : value === 'xavier' ? 'Xavier' : value === 'he' ? 'He' : value;
  if (setting === 'lr') return `lr ${value}`;
  if (setting === 'hidden') return `${value} unit${value === '1' ? '' : 's'}`;
  if (setting === 'seed') return `seed ${value}`;
  if (setting === 'skip') return value === 'residual' ? 'with the skip' : value === 'plain' ? 'without the skip' : value;
  return value;
}
