// The step-through for a project: the network training would build (same compile, same seeded
// initialisation, or the project's trained weights), fed the chosen samples as training
// feeds them. Problems come back as values, like createTrainingSession's.
import type { Dataset, DatasetSpec } from '../data/types';
import type { ModelSpec } from '../graph/spec';
import { scheduledLr } from '../optim/schedules';
import { estimateTraceMemory } from '../train/memory';
import { DEFAULT_MEMORY_BUDGET, checkMemory, type MemoryBudget } from '../train/memory-budget';
import { buildNetwork, type Network } from '../train/network';
import type { TrainProblem } from '../train/session-types';
import { prepareRun } from '../train/prepare';
import type { TrainingSettings, Weights } from '../train/types';
import { createStepper, type Stepper } from './stepper';
import { say } from '../messages/text';
import { saying } from '../messages/said';

/** Samples one step-through may hold: enough for a small batch, few enough to read. */
export const MAX_INSPECT_SAMPLES = 16;

export interface InspectRequest {
  spec: ModelSpec;
  dataset: DatasetSpec;
  settings: TrainingSettings;
  /** The trained weights to start from; null = the seeded initial weights a new run would get. */
  weights: Weights | null;
  /** Indices into the dataset (all samples, before any train/test split). */
  samples: number[];
  /** What the step-through may use (it runs where the page does); absent = the conservative default. */
  memoryBudget?: MemoryBudget;
}

export type InspectResult =
  | { ok: true; stepper: Stepper; network: Network; dataset: Dataset }
  | { ok: false; problems: TrainProblem[] };

export function createInspector(req: InspectRequest): InspectResult {
  try {
    return create(req);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [{ code: 'bad-data', ...saying(say('train.inspect.stepThroughFailed', { reason })) }] };
  }
}

function create(req: InspectRequest): InspectResult {
  const prepared = prepareRun(req.spec, req.dataset, { settings: req.settings });
  if (!prepared.ok) return prepared;
  const { dataset, model, streams } = prepared;
  const samples = req.samples;
  if (samples.length === 0 || samples.length > MAX_INSPECT_SAMPLES) {
    return { ok: false, problems: [{ code: 'bad-setting', field: 'samples', ...saying(say('train.inspect.sampleCount', { max: MAX_INSPECT_SAMPLES, count: samples.length })) }] };
  }
  const outOfRange = samples.find((i) => !Number.isInteger(i) || i < 0 || i >= dataset.n);
  if (outOfRange !== undefined) {
    return { ok: false, problems: [{ code: 'bad-setting', field: 'samples', ...saying(say('train.inspect.noSuchSample', { sample: String(outOfRange), last: dataset.n - 1 })) }] };
  }
  // Before the network exists: one wide layer times 16 samples, copied for display, adds up.
  const memory = checkMemory(estimateTraceMemory(model, dataset, req.settings, samples.length, 'step-through'), req.memoryBudget ?? DEFAULT_MEMORY_BUDGET);
  if (!memory.ok) return { ok: false, problems: [memory.problem] };
  // The stream a training session draws its initial weights from.
  const built = buildNetwork(model, { init: req.settings.init, rng: streams.init, weights: req.weights });
  if (!built.ok) return { ok: false, problems: built.problems };
  const network = built.network;
  const { x, target } = batchOf(dataset, samples, req.settings.loss === 'mse' && network.outSize > 1 ? network.outSize : 1);
  const s = req.settings;
  const stepper = createStepper(network, {
    loss: s.loss,
    optimizer: s.optimizer,
    lr: scheduledLr(s.optimizer.lr, s.schedule, 0, s.epochs),
    clipNorm: s.clipNorm,
    x,
    target,
    n: samples.length,
  });
  return { ok: true, stepper, network, dataset };
}

/** Inputs and targets of the chosen samples, laid out as the training session lays out a batch. */
export function batchOf(d: Dataset, samples: readonly number[], targetWidth: number): { x: Float64Array; target: Float64Array } {
  const inSize = d.x.length / d.n;
  const x = new Float64Array(samples.length * inSize);
  const target = new Float64Array(samples.length * targetWidth);
  samples.forEach((s, r) => {
    x.set(d.x.subarray(s * inSize, (s + 1) * inSize), r * inSize);
    const label = d.y[s];
    if (targetWidth === 1) target[r] = label;
    else target[r * targetWidth + label] = 1;
  });
  return { x, target };
}
