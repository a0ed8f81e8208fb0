// A "change one thing" sweep: one setting, several values, everything else held fixed.
// Plain JSON, so a sweep can be saved, sent to a worker pool and written into a report.
import { ACTIVATION_TYPES, type ActivationType } from '../blocks/index';
import type { ModelSpec } from '../graph/spec';
import type { Text } from '../messages/text';
import type { DatasetSpec } from '../data/types';
import type { InitName, OptimizerName, TrainingSettings, TrainRequest } from '../train/types';

export const SWEEP_SETTINGS = ['lr', 'hidden', 'activation', 'optimizer', 'init', 'batchSize', 'seed', 'skip'] as const;
export type SweepSetting = (typeof SWEEP_SETTINGS)[number];

/** The activations a hidden activation node can be swept over; Identity = "no activation". */
export const SWEEP_ACTIVATIONS: readonly ActivationType[] = ACTIVATION_TYPES;
export type SweepActivation = ActivationType;

/** The skip sweep's two values: the network as it is, and without its skip connections. */
export const SKIP_VALUES = ['residual', 'plain'] as const;

export interface SweepDefinition {
  setting: SweepSetting;
  /** The values as the user typed or picked them ("0.05", "Identity", "32"). */
  values: string[];
  /**
   * hidden only: the Linear nodes to resize (e.g. the ones selected on the canvas).
   * Absent or empty = every hidden Linear node.
   */
  nodeIds?: string[];
  /**
   * The training seeds every value runs with (one run per value and seed). Absent = the
   * project's own seed only: one run per value.
   */
  seeds?: number[];
  /**
   * Each seed draws its own data set too (the lab drew new random points every run): a
   * generated data set's seed becomes the run's seed. Imported data cannot; it is refused.
   */
  newData?: boolean;
}

/** What the sweep starts from: the project's network, data and settings. */
export interface SweepBase {
  spec: ModelSpec;
  dataset: DatasetSpec;
  settings: TrainingSettings;
}

/** A value parsed and checked for its setting. */
export type SweepValue =
  | { setting: 'lr'; value: number }
  | { setting: 'hidden'; value: number }
  | { setting: 'activation'; value: SweepActivation }
  | { setting: 'optimizer'; value: OptimizerName }
  | { setting: 'init'; value: InitName }
  | { setting: 'batchSize'; value: number }
  | { setting: 'seed'; value: number }
  /** true = the network as it is (residual), false = without its skip connections (plain). */
  | { setting: 'skip'; value: boolean };

export interface PlannedRun {
  /** 0-based position in the sweep. */
  index: number;
  /** The canonical value text (what RunRecord.sweep.value stores). */
  value: string;
  /** What a chart legend and the table show, e.g. "Identity (no activation)". */
  label: string;
  /** The training seed of this run (request.settings.seed). */
  seed: number;
  request: TrainRequest;
}

export interface SweepPlan {
  setting: SweepSetting;
  /** The setting as RunRecord.sweep.setting stores it ("hidden:fc1+fc2" for a subset of nodes). */
  settingKey: string;
  /** e.g. "Learning rate". */
  settingLabel: string;
  /** The nodes the sweep changes (hidden Linear, activation or skip Add nodes); empty for settings. */
  nodeIds: string[];
  /** The seeds each value runs with, in order (runs go value by value, seed by seed); empty when the seed is the setting varied. */
  seeds: number[];
  newData: boolean;
  runs: PlannedRun[];
}

/** Problems are the engine's own 'bad-setting' values: field names what to fix. */
export interface SweepProblem {
  code: 'bad-setting';
  field: string;
  message: string;
  text?: Text;
}

export type ExpandResult = { ok: true; plan: SweepPlan } | { ok: false; problems: SweepProblem[] };

/** More values than this is a typo, not an experiment (and would swamp the worker pool). */
export const MAX_SWEEP_RUNS = 24;
/** Seeds per value: enough to tell a finding from luck, few enough to wait for. */
export const MAX_SWEEP_SEEDS = 20;
/** Runs in all (values × seeds). */
export const MAX_SWEEP_TOTAL = 120;
/** How many seeds a sweep repeats each value over unless told otherwise. */
export const DEFAULT_SWEEP_SEEDS = 5;
