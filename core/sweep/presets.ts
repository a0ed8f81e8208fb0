// The lab's experiments as one-click presets, and the words the UI and the report use.
import type { OptimizerName, OptimizerSettings } from '../train/types';
import { SKIP_VALUES, SWEEP_ACTIVATIONS, SWEEP_SETTINGS, type SweepSetting } from './types';
import { render, say, type Text } from '../messages/text';

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

/** e.g. "Learning rate", in the reader's language. */
export const sweepSettingSaid = (setting: SweepSetting): Text => say(`sweep.setting.${setting}`);

/** What each setting changes, in a sentence a student reads next to the picker. */
export const sweepSettingHelpSaid = (setting: SweepSetting): Text => say(`sweep.help.${setting}`);

const inEnglish = (of: (s: SweepSetting) => Text): Readonly<Record<SweepSetting, string>> =>
  Object.fromEntries(SWEEP_SETTINGS.map((s) => [s, render(of(s))])) as Record<SweepSetting, string>;

/** The settings' names in English (the CLI, run names, the report's English text). */
export const SWEEP_SETTING_LABELS: Readonly<Record<SweepSetting, string>> = inEnglish(sweepSettingSaid);

/** sweepSettingHelpSaid in English. */
export const SWEEP_SETTING_HELP: Readonly<Record<SweepSetting, string>> = inEnglish(sweepSettingHelpSaid);

/** Legend and table text for one value, in the reader's language (names such as ReLU or Adam stay as they are). */
export function sweepValueSaid(setting: SweepSetting, value: string): Text | string {
  if (setting === 'activation' && value === 'Identity') return say('sweep.value.identity');
  if (setting === 'batchSize' && value === '0') return say('sweep.value.fullBatch');
  if (setting === 'init') return value === 'normal' ? say('sweep.value.normal') : value === 'xavier' ? 'Xavier' : value === 'he' ? 'He' : value;
  if (setting === 'lr') return say('sweep.value.lr', { value });
  // A hidden value is a whole number once parsed; anything else is shown as typed.
  if (setting === 'hidden') return /^\d+$/.test(value) ? say('sweep.value.units', { count: Number(value) }) : `${value} units`;
  if (setting === 'seed') return say('sweep.value.seed', { value });
  if (setting === 'skip') return value === 'residual' ? say('sweep.value.withSkip') : value === 'plain' ? say('sweep.value.withoutSkip') : value;
  return value;
}

/** Legend and table text for one value, in English. */
export function sweepValueLabel(setting: SweepSetting, value: string): string {
  const said = sweepValueSaid(setting, value);
  return typeof said === 'string' ? said : render(said);
}
