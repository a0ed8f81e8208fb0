// The weights a project's next training step starts from and the gradient that step would use
// (full batch over the training split, as the session splits it), from the engine's own
// session and network: for the inspector's "each weight's value and gradient".
import { estimateTraceMemory, splitSizes } from '../train/memory';
import { DEFAULT_MEMORY_BUDGET, checkMemory, type MemoryBudget } from '../train/memory-budget';
import { prepareRun } from '../train/prepare';
import { createSessionFromParts } from '../train/session';
import type { TrainProblem } from '../train/session-types';
import type { TrainRequest } from '../train/types';
import { batchOf } from './inspect';
import { say } from '../messages/text';
import { saying } from '../messages/said';

/** Samples the gradient is taken over at most (the first ones of the training split). */
export const MAX_GRADIENT_SAMPLES = 4096;

export interface ParamGradients {
  readonly shape: readonly number[];
  readonly value: Float64Array;
  readonly grad: Float64Array;
}

export type TrainingGradientsResult =
  | {
      ok: true;
      /** Per node id and param name. */
      params: Record<string, Record<string, ParamGradients>>;
      loss: number;
      /** Samples the gradient was taken over, and the size of the training split. */
      n: number;
      of: number;
    }
  | { ok: false; problems: TrainProblem[] };

export function trainingGradients(req: TrainRequest, maxSamples = MAX_GRADIENT_SAMPLES, memoryBudget: MemoryBudget = DEFAULT_MEMORY_BUDGET): TrainingGradientsResult {
  try {
    const prepared = prepareRun(req.spec, req.dataset, { settings: req.settings }, { minSamples: 2 });
    if (!prepared.ok) return prepared;
    const { model, dataset } = prepared;
    // Up to 4096 samples through every layer, with every value copied out: check before any of it.
    const { nTrain } = splitSizes(dataset.n, req.settings.testSplit);
    const memory = checkMemory(estimateTraceMemory(model, dataset, req.settings, Math.min(maxSamples, nTrain), 'gradients'), memoryBudget);
    if (!memory.ok) return { ok: false, problems: [memory.problem] };
    // This session never trains: the check above is the one that fits what it will do.
    const created = createSessionFromParts(model, dataset, req.settings, req.initialWeights ?? null, { now: () => 0 }, prepared.streams);
    if (!created.ok) return created;
    const s = created.session;
    const net = s.network;
    const indices = Array.from(s.trainIndices.subarray(0, maxSamples));
    const targetWidth = req.settings.loss === 'mse' && net.outSize > 1 ? net.outSize : 1;
    const { x, target } = batchOf(s.dataset, indices, targetWidth);
    const trace = net.trace(x, indices.length, req.settings.loss, target);
    const params: Record<string, Record<string, ParamGradients>> = {};
    for (const { nodeId, param } of net.params) {
      (params[nodeId] ??= {})[param.name] = { shape: param.shape, value: Float64Array.from(param.value), grad: Float64Array.from(param.grad) };
    }
    return { ok: true, params, loss: trace.loss ?? NaN, n: indices.length, of: s.trainIndices.length };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [{ code: 'bad-data', ...saying(say('train.inspect.gradientFailed', { reason })) }] };
  }
}
