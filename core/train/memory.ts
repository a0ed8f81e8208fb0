// How much memory a run will take, worked out from the model's shapes before anything is
// allocated, and the check against what the machine allows. The per-sample limit of the graph
// (graph/limits.ts MAX_ELEMENTS) is never multiplied by the batch size, and a worker's
// resourceLimits do not cover typed arrays, so this is the only guard that sees a full batch of
// a wide layer coming. Every size below mirrors a buffer the engine really allocates (the
// layers' grow-only buffers for one batch, the session's data copies, the optimizer's state);
// test/core/train/memory.test.ts sums the buffers of built sessions so the two cannot drift.
import { resolveParams } from '../data/params';
import type { DatasetSpec, GeneratorName } from '../data/types';
import { GENERATORS } from '../data/types';
import type { CompiledModel, ResolvedLayer } from '../graph/resolved';
import { fusesWithLoss } from '../losses/fused';
import { blockOf, blockOfLayer } from '../blocks/index';
import { sizeOf } from '../tensor';
import type { TrainProblem } from './session-types';
import { render, say, type Text } from '../messages/text';
import { planModel } from './prepare';
import { stepBatchSize } from './settings';
import type { OptimizerName, TrainingSettings, TrainRequest } from './types';

const FLOAT = 8;
const INDEX = 4;
const SINGLE = 4;

/** Rows predict() computes per forward pass at most; never more than a batch (session.ts), so it adds no memory. */
export const PREDICT_CHUNK = 1024;


export type MemoryPartKind = 'data' | 'batch' | 'weights' | 'optimizer' | 'activations' | 'boundary' | 'neurons' | 'copies';

export interface MemoryPart {
  kind: MemoryPartKind;
  /** In words, for the message: "the activations of 'conv1' for a batch of 976 samples" (`text` in English). */
  label: string;
  text: Text;
  bytes: number;
  nodeId?: string;
  /** Activations: the nearest layer with weights at or before this one, whose width sets its size. */
  sizedBy?: { nodeId: string; what: 'channels' | 'units' };
}

export type MemoryPurpose = 'train' | 'step-through' | 'gradients';

export interface MemoryEstimate {
  /** Everything at once, in bytes. */
  bytes: number;
  purpose: MemoryPurpose;
  /** Samples in one forward and backward pass (the effective batch size for a run). */
  batch: number;
  /** Largest first. */
  parts: MemoryPart[];
  /** Bytes that do not depend on the batch size, and bytes per sample of the batch. */
  fixedBytes: number;
  bytesPerSample: number;
  /** What the advice can point at. */
  context: { signals: boolean; paramCount: number; optimizer: OptimizerName; trainSamples: number };
}

/** What a run asks for besides training: the decision-boundary grid and the neuron views. */
export interface MemoryExtras {
  boundaryResolution?: number;
  neuronResolution?: number;
}

/** The sizes that matter of a dataset (no data needed). */
export interface DataSize {
  n: number;
  inputShape: readonly number[];
}

type Settings = Pick<TrainingSettings, 'loss' | 'regime' | 'batchSize' | 'testSplit'> & { optimizer: { type: OptimizerName } };

const STATE_COPIES: Record<OptimizerName, number> = { SGD: 0, Momentum: 1, RMSProp: 1, Adam: 2 };
const STATE_WORDS: Record<Exclude<OptimizerName, 'SGD'>, Text> = {
  Momentum: say('train.memory.part.momentum'),
  RMSProp: say('train.memory.part.rmsprop'),
  Adam: say('train.memory.part.adam'),
};

/** A part's words, and the same in English as its label. */
const labelled = (text: Text): { label: string; text: Text } => ({ label: render(text), text });

/** One layer as the engine builds it: per-sample sizes and the buffers they imply. */
interface Shaped {
  layer: ResolvedLayer;
  inShape: readonly number[];
  inSize: number;
  outShape: readonly number[];
  outSize: number;
  params: number;
  /** Values kept beside the params (its block's extraWeights). */
  extra: number;
  /** Read by more than one layer: backward sums their gradients in a buffer of its own. */
  fanOut: boolean;
}


function shapeChain(model: CompiledModel): Shaped[] {
  // Shape inference already gave every node its output shape and param count.
  const info = new Map(model.shapes.map((s) => [s.nodeId as string, s]));
  const readers = new Map<string, number>();
  for (const ids of model.sources) for (const id of ids) readers.set(id, (readers.get(id) ?? 0) + 1);
  return model.layers.map((layer, i) => {
    const source = model.sources[i][0];
    const inShape = source === model.inputId ? model.inputShape : (info.get(source)?.outputShape ?? model.inputShape);
    const own = info.get(layer.nodeId);
    const outShape = own?.outputShape ?? inShape;
    const fanOut = (readers.get(layer.nodeId) ?? 0) > 1;
    const extra = blockOfLayer(layer).extraWeights?.(layer) ?? 0;
    return { layer, inShape, inSize: sizeOf(inShape), outShape, outSize: sizeOf(outShape), params: own?.paramCount ?? 0, extra, fanOut };
  });
}

/**
 * Values per sample each layer keeps for a batch: its block's buffers (its output, and when
 * backward reaches it, whatever it needs for the gradients; the first layer of a training run
 * hands its input none), and at a fan-out the buffer its readers' gradients are summed in.
 */
function layerValues(s: Shaped, index: number, backward: boolean, firstNeedsGrad: boolean): number {
  const inputGrad = backward && (index > 0 || firstNeedsGrad);
  const acc = backward && s.fanOut ? s.outSize : 0;
  return (blockOfLayer(s.layer).batchValues?.(s, backward, inputGrad) ?? 0) + acc;
}

const samples = (n: number): Text => say('train.memory.samples', { count: n });

function rowsWords(purpose: MemoryPurpose, rows: number): Text {
  return purpose === 'train' ? say('train.memory.batchOfSamples', { count: rows }) : say('train.memory.samplesRows', { count: rows });
}

function activationParts(chain: readonly Shaped[], rows: number, loss: Settings['loss'], purpose: MemoryPurpose): { parts: MemoryPart[]; perSample: number } {
  const last = chain[chain.length - 1];
  const fused = fusesWithLoss(loss, last && { type: last.layer.type, inShape: last.inShape, outSize: last.outSize });
  const startAt = chain.length - (fused ? 2 : 1);
  const parts: MemoryPart[] = [];
  let perSample = 0;
  let sizedBy: MemoryPart['sizedBy'];
  chain.forEach((s, l) => {
    const width = blockOf(s.layer.type).width;
    if (width) sizedBy = { nodeId: s.layer.nodeId, what: width };
    const values = layerValues(s, l, l <= startAt, purpose !== 'train');
    if (values === 0) return;
    perSample += values * FLOAT;
    parts.push({
      kind: 'activations',
      nodeId: s.layer.nodeId,
      ...labelled(say('train.memory.part.activations', { node: say('describe.quoted', { name: s.layer.nodeId }), rows: rowsWords(purpose, rows) })),
      bytes: rows * values * FLOAT,
      ...(sizedBy ? { sizedBy } : {}),
    });
  });
  const outSize = chain.length ? chain[chain.length - 1].outSize : 0;
  if (outSize > 0) {
    perSample += outSize * FLOAT;
    parts.push({ kind: 'activations', ...labelled(say('train.memory.part.lossGradient', { rows: rowsWords(purpose, rows) })), bytes: rows * outSize * FLOAT });
  }
  return { parts, perSample };
}

/** Training and test samples after the session's split (session.ts draws the same counts). */
export function splitSizes(n: number, testSplit: number): { nTrain: number; nTest: number } {
  const nTest = testSplit > 0 ? Math.min(n - 1, Math.round(n * testSplit)) : 0;
  return { nTrain: n - nTest, nTest };
}

function targetWidth(loss: Settings['loss'], outSize: number): number {
  return loss === 'mse' && outSize > 1 ? outSize : 1;
}

function weightsPart(chain: readonly Shaped[], copies: number, label: Text): MemoryPart {
  let params = 0;
  let transposed = 0;
  for (const s of chain) {
    params += s.params;
    transposed += s.extra;
  }
  return { kind: 'weights', ...labelled(label), bytes: (params * copies + transposed) * FLOAT };
}

function optimizerPart(paramCount: number, type: OptimizerName): MemoryPart | null {
  const copies = STATE_COPIES[type] ?? 0;
  return copies > 0 && type !== 'SGD' ? { kind: 'optimizer', ...labelled(STATE_WORDS[type]), bytes: copies * paramCount * FLOAT } : null;
}

function is2d(shape: readonly number[]): boolean {
  return shape.length === 1 && shape[0] === 2;
}

/** The transient decision-boundary grid: its points, the probabilities, and the copy sent to the page. */
function boundaryPart(data: DataSize, outSize: number, res: number | undefined): MemoryPart | null {
  if (!res || !(res > 0) || !is2d(data.inputShape)) return null;
  const cells = res * res;
  const width = outSize === 1 ? 2 : outSize;
  return { kind: 'boundary', ...labelled(say('train.memory.part.boundary', { res })), bytes: (cells * 2 + 2 * cells * width) * FLOAT };
}

/** The neuron views: their own network, its outputs over the grid, and the Float32 pictures. */
function neuronsPart(chain: readonly Shaped[], data: DataSize, res: number | undefined): MemoryPart | null {
  if (!res || !Number.isInteger(res) || res < 2 || !is2d(data.inputShape)) return null;
  const cells = res * res;
  let bytes = cells * 2 * FLOAT;
  for (const s of chain) {
    bytes += (s.params * 3 + s.extra) * FLOAT;
    // A kind that keeps no buffers of its own has no output grid of its own either.
    if (blockOf(s.layer.type).batchValues) bytes += cells * s.outSize * FLOAT;
    if (s.outShape.length === 1 && s.outSize <= 64) bytes += (cells + 2) * s.outSize * SINGLE;
  }
  return { kind: 'neurons', ...labelled(say('train.memory.part.neurons', { res })), bytes };
}

/** `scaling`: the bytes of the parts that grow with the batch, as they are now. */
function finish(purpose: MemoryPurpose, batch: number, parts: (MemoryPart | null)[], scaling: number, bytesPerSample: number, context: MemoryEstimate['context']): MemoryEstimate {
  const kept = parts.filter((p): p is MemoryPart => p !== null && p.bytes > 0).sort((a, b) => b.bytes - a.bytes);
  const bytes = kept.reduce((sum, p) => sum + p.bytes, 0);
  return { bytes, purpose, batch, parts: kept, fixedBytes: bytes - scaling, bytesPerSample, context };
}

/**
 * A training run: the data set and the session's train/test copies, the samples gathered for a
 * batch, the weights with their gradients (and Linear's Wᵀ, and the copies kept for a
 * divergence), the optimizer's state, and every layer's buffers for one batch of the effective
 * batch size (stepBatchSize: the regime's). The evaluations and predict() work in
 * chunks of at most one batch, so nothing grows past it.
 */
export function estimateTrainingMemory(model: CompiledModel, data: DataSize, settings: Settings, extras: MemoryExtras = {}): MemoryEstimate {
  const chain = shapeChain(model);
  const inSize = sizeOf(model.inputShape);
  const outSize = chain.length ? chain[chain.length - 1].outSize : inSize;
  const tw = targetWidth(settings.loss, outSize);
  const { n } = data;
  const { nTrain, nTest } = splitSizes(n, settings.testSplit);
  const batch = stepBatchSize(settings, nTrain);
  const gathered = Math.ceil(nTrain / batch) > 1;
  const perRow = (inSize + tw + 1) * FLOAT;
  const dataBytes = (n * inSize + n) * FLOAT + n * INDEX + (nTrain + nTest) * perRow + nTrain * INDEX;
  const paramCount = chain.reduce((sum, s) => sum + s.params, 0);
  const acts = activationParts(chain, batch, settings.loss, 'train');
  const signals = model.inputShape.length === 2;
  return finish(
    'train',
    batch,
    [
      { kind: 'data', ...labelled(say('train.memory.part.dataAndCopies', { samples: samples(n) })), bytes: dataBytes },
      gathered ? { kind: 'batch', ...labelled(say('train.memory.part.gathered', { batch })), bytes: batch * perRow } : null,
      // value and gradient, the last good copy (kept for a divergence), and the weights this
      // epoch and the last calm epoch began with (kept for a loss that explodes).
      weightsPart(chain, 5, say('train.memory.part.weightsDiverge')),
      optimizerPart(paramCount, settings.optimizer.type),
      ...acts.parts,
      boundaryPart(data, outSize, extras.boundaryResolution),
      neuronsPart(chain, data, extras.neuronResolution),
    ],
    batch * (acts.perSample + (gathered ? perRow : 0)),
    // A smaller batch than the training split is always gathered into its own buffers.
    acts.perSample + perRow,
    { signals, paramCount, optimizer: settings.optimizer.type, trainSamples: nTrain },
  );
}

/**
 * The step-through (purpose 'step-through': the chosen samples of the Backprop tab) or the
 * inspector's gradient over the training split ('gradients'): one forward and backward over
 * `rows` samples, every layer's input gradient kept, and copies of every value to show.
 */
export function estimateTraceMemory(model: CompiledModel, data: DataSize, settings: Settings, rows: number, purpose: Exclude<MemoryPurpose, 'train'>): MemoryEstimate {
  const chain = shapeChain(model);
  const inSize = sizeOf(model.inputShape);
  const outSize = chain.length ? chain[chain.length - 1].outSize : inSize;
  const tw = targetWidth(settings.loss, outSize);
  const { n } = data;
  const paramCount = chain.reduce((sum, s) => sum + s.params, 0);
  const acts = activationParts(chain, rows, settings.loss, purpose);
  // Each shown value is copied out of the engine (a slice), into JSON, and for the step-through into a matrix.
  const copies = purpose === 'step-through' ? 3 : 2;
  // Every layer's input and output, and (the loss reaches every layer) both their gradients.
  const shown = chain.reduce((sum, s) => sum + 2 * (s.inSize + s.outSize), 0);
  const copyPerSample = shown * copies * FLOAT;
  const { nTrain, nTest } = splitSizes(n, settings.testSplit);
  const dataBytes =
    purpose === 'gradients'
      ? (n * inSize + n) * FLOAT + n * INDEX + (nTrain + nTest) * (inSize + tw + 1) * FLOAT + nTrain * INDEX
      : (n * inSize + n) * FLOAT;
  return finish(
    purpose,
    rows,
    [
      { kind: 'data', ...labelled(say('train.memory.part.data', { samples: samples(n) })), bytes: dataBytes },
      { kind: 'batch', ...labelled(say('train.memory.part.toShow', { samples: samples(rows) })), bytes: rows * (inSize + tw) * FLOAT },
      // The weights, their gradients, Wᵀ, and the copies shown: for the step-through the start,
      // before and after a step, the update and the gradients as a view and as JSON.
      weightsPart(chain, purpose === 'step-through' ? 10 : 5, say('train.memory.part.weightsShown')),
      optimizerPart(paramCount, settings.optimizer.type),
      ...acts.parts,
      { kind: 'copies', ...labelled(say('train.memory.part.copies', { samples: samples(rows) })), bytes: rows * copyPerSample },
    ],
    rows * (acts.perSample + copyPerSample + (inSize + tw) * FLOAT),
    acts.perSample + copyPerSample + (inSize + tw) * FLOAT,
    { signals: model.inputShape.length === 2, paramCount, optimizer: settings.optimizer.type, trainSamples: nTrain },
  );
}

/** Samples a dataset spec will have, without generating it; null when the spec is broken (makeDataset says why). */
export function datasetSampleCount(spec: DatasetSpec): number | null {
  const s: unknown = spec;
  if (s === null || typeof s !== 'object') return null;
  if (spec.kind === 'generator') {
    if (!(GENERATORS as readonly unknown[]).includes(spec.generator)) return null;
    const problems: TrainProblem[] = [];
    const params = resolveParams(spec.generator as GeneratorName, spec.params, problems);
    return problems.length ? null : params.n;
  }
  return Array.isArray(spec.features) ? spec.features.length : null;
}

/**
 * The training estimate of a request without generating its data (for hosts that must decide
 * before a worker starts, and for the app's Training panel); null when the request has a
 * problem of another kind, which the engine then reports itself.
 */
export function estimateRequestMemory(req: TrainRequest, extras: MemoryExtras = {}): MemoryEstimate | null {
  try {
    const n = datasetSampleCount(req.dataset);
    if (n === null || n < 2) return null;
    const planned = planModel(req.spec, req.dataset, req.settings);
    if (!planned.ok) return null;
    return estimateTrainingMemory(planned.model, { n, inputShape: planned.model.inputShape }, req.settings, extras);
  } catch {
    return null;
  }
}
