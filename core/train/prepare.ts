// prepareRun: what every use of a project's network starts with (training, the step-through,
// the gradient view, the neuron views): the data set built, the model compiled for it, the
// loss checked against it and the seed forked into the run's random streams. One place, so
// the views always see the network a training run would build, and refuse what it refuses.
import { datasetInputShape, makeDataset } from '../data/index';
import type { Dataset, DatasetSpec } from '../data/types';
import type { CompiledModel } from '../graph/resolved';
import type { ModelSpec } from '../graph/spec';
import { checkLossFit, compileModel } from '../graph/validate';
import { createRng, type Rng } from '../random';
import type { TrainProblem } from './session-types';
import { validateSettings } from './settings';
import { say } from '../messages/text';
import { saying } from '../messages/said';
import type { TrainingSettings } from './types';

/**
 * Independent streams drawn from the seed in this fixed order, so changing e.g. the batch
 * size leaves the initial weights alone, and every view that shows the initial weights
 * draws them from the same stream training does.
 */
export interface RunStreams {
  init: Rng;
  split: Rng;
  shuffle: Rng;
}

export function runStreams(seed: number): RunStreams {
  const root = createRng(seed);
  const init = root.fork();
  const split = root.fork();
  return { init, split, shuffle: root.fork() };
}

export interface PrepareOptions {
  /** Samples the data must have (training splits it, so it needs 2). */
  minSamples?: number;
  /** A need of the caller's own on the data (neuron views draw 2-D points), checked before the graph. */
  dataProblem?: (d: Dataset) => TrainProblem | null;
}

export type PreparedRun =
  | { ok: true; dataset: Dataset; model: CompiledModel; streams: RunStreams }
  | { ok: false; problems: TrainProblem[] };

/**
 * What the run is for: training settings (checked, and the loss fitted to the network), or
 * only a seed for a view that just draws the network.
 */
export type RunPurpose = { settings: TrainingSettings } | { seed: number };

/**
 * Problems are listed settings first, then the data's, then the graph's, then the loss's;
 * the graph is not compiled against data that could not be built.
 */
export function prepareRun(
  spec: ModelSpec,
  datasetSpec: DatasetSpec,
  purpose: RunPurpose,
  opts: PrepareOptions = {},
): PreparedRun {
  const settings = 'settings' in purpose ? purpose.settings : null;
  const problems = settingsProblems(settings);
  const data = makeDataset(datasetSpec);
  if (!data.ok) return { ok: false, problems: [...problems, ...data.problems] };
  const dataset = data.dataset;
  const min = opts.minSamples ?? 0;
  if (dataset.n < min) {
    problems.push({ code: 'bad-data', ...saying(say('train.run.tooFewSamples', { count: dataset.n, min })) });
  }
  const own = opts.dataProblem?.(dataset) ?? null;
  if (own !== null) return { ok: false, problems: [...problems, own] };
  const compiled = compileModel(spec, dataset.inputShape);
  if (!compiled.ok) return { ok: false, problems: [...problems, ...compiled.problems] };
  // A loss that is not one of ours is already named above; fitting it would say so twice.
  if (settings && !problems.some((p) => p.code === 'bad-setting' && p.field === 'loss')) {
    problems.push(...checkLossFit(compiled.model, settings.loss, dataset.numClasses));
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, dataset, model: compiled.model, streams: runStreams('settings' in purpose ? purpose.settings.seed : purpose.seed) };
}

const settingsProblems = (settings: TrainingSettings | null): TrainProblem[] => (settings ? validateSettings(settings) : []);

export type PlannedModel = { ok: true; model: CompiledModel } | { ok: false; problems: TrainProblem[] };

/**
 * prepareRun's checks without building the data: the settings (when given), then the network
 * compiled for the shape the data's spec promises (datasetInputShape). For the callers that
 * must not build it: the memory estimate guards against a data set too large to make, a sweep
 * checks its base before it plans every run, and a weights file is matched to the network it
 * will start. The loss is not fitted here: that needs the classes, which need the data.
 */
export function planModel(spec: ModelSpec, datasetSpec: DatasetSpec, settings: TrainingSettings | null = null): PlannedModel {
  const problems = settingsProblems(settings);
  const compiled = compileModel(spec, datasetInputShape(datasetSpec));
  if (!compiled.ok) return { ok: false, problems: [...problems, ...compiled.problems] };
  if (problems.length) return { ok: false, problems };
  return { ok: true, model: compiled.model };
}
