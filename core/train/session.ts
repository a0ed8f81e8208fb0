// createTrainingSession: a request in, a step-able run out (or the problems, as values).
// The loop is synchronous and allocation-free per batch; hosts call runBatches() in slices.
import type { Dataset } from '../data/types';
import type { CompiledModel } from '../graph/resolved';
import { clipGradNorm } from '../optim/clip';
import { createOptimizer } from '../optim/create';
import type { Optimizer } from '../optim/optimizer';
import { scheduledLr } from '../optim/schedules';
import type { Rng } from '../random';
import { countNonFinite, sizeOf } from '../tensor';
import { MAX_BAD_STEPS, divergenceInfo, explodedLimit, type DivergenceFacts } from './divergence';
import { buildNetwork, type Network, type NetworkParam } from './network';
import { PREDICT_CHUNK, estimateTrainingMemory } from './memory';
import { DEFAULT_MEMORY_BUDGET, OUT_OF_MEMORY_TEXT, checkMemory, isOutOfMemory } from './memory-budget';
import { say } from '../messages/text';
import { saying } from '../messages/said';
import { dataBounds, planePoints } from './plane';
import { prepareRun, runStreams, type RunStreams } from './prepare';
import type { CreateSessionResult, SessionDeps, SkippedStep, StepReport, TrainingSession, TrainProblem } from './session-types';
import { stepBatchSize } from './settings';
import type { DivergenceInfo, EpochMetrics, RunResult, RunState, TrainingSettings, TrainRequest, Weights } from './types';

export interface SessionTestHooks {
  /**
   * Called after every backward pass, before the gradients are checked; `step` counts batches
   * from 1 over the whole run. Tests use it to poison a gradient (N2).
   */
  afterBackward?(step: number, params: readonly NetworkParam[]): void;
}

export interface SessionOptions extends SessionDeps {
  testHooks?: SessionTestHooks;
}

export type { SkippedStep } from './session-types';

export function createTrainingSession(req: TrainRequest, deps: SessionOptions): CreateSessionResult {
  try {
    return create(req, deps);
  } catch (e) {
    // An exception escaping core is a bug; it still reaches the user as a value.
    const reason = e instanceof Error ? e.message : String(e);
    // Memory the estimate allowed may still be missing (a busy machine): say that, not "a bug".
    const text = isOutOfMemory(e) ? OUT_OF_MEMORY_TEXT : say('train.run.couldNotStart', { reason });
    return { ok: false, problems: [{ code: 'bad-data', ...saying(text) }] };
  }
}

function create(req: TrainRequest, deps: SessionOptions): CreateSessionResult {
  if (req === null || typeof req !== 'object') {
    return { ok: false, problems: [{ code: 'bad-setting', field: 'request', ...saying(say('train.run.emptyRequest')) }] };
  }
  const prepared = prepareRun(req.spec, req.dataset, { settings: req.settings }, { minSamples: 2 });
  if (!prepared.ok) return prepared;
  const { model, dataset, streams } = prepared;
  // Before any buffer of the run exists: the data set above is capped small (data/params.ts MAX_VALUES).
  const memory = deps.memory ?? { budget: DEFAULT_MEMORY_BUDGET };
  if (memory.budget) {
    const verdict = checkMemory(estimateTrainingMemory(model, dataset, req.settings, memory), memory.budget);
    if (!verdict.ok) return { ok: false, problems: [verdict.problem] };
  }
  const result = createSessionFromParts(model, dataset, req.settings, req.initialWeights ?? null, deps, streams);
  return result.ok ? { ok: true, session: result.session, shapes: model.shapes } : result;
}

/**
 * The session for an already compiled model and a built dataset (settings assumed valid).
 * Exposed for tests that need data no dataset spec can produce (a poisoned label).
 */
export function createSessionFromParts(
  model: CompiledModel,
  dataset: Dataset,
  settings: TrainingSettings,
  initialWeights: Weights | null,
  deps: SessionOptions,
  streams: RunStreams = runStreams(settings.seed),
): { ok: true; session: Session } | { ok: false; problems: TrainProblem[] } {
  const built = buildNetwork(model, { init: settings.init, rng: streams.init, weights: initialWeights });
  if (!built.ok) return built;
  // A copy, so a caller editing its settings object cannot change a run under way.
  const own: TrainingSettings = { ...settings, optimizer: { ...settings.optimizer }, schedule: { ...settings.schedule } };
  return { ok: true, session: new Session(model, dataset, own, built.network, streams.split, streams.shuffle, deps) };
}

function range(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

export class Session implements TrainingSession {
  readonly trainIndices: Uint32Array;
  readonly testIndices: Uint32Array;
  readonly totalEpochs: number;
  readonly network: Network;
  readonly optimizer: Optimizer;
  /** Global gradient norm before clipping, of the last step (NaN before the first). */
  lastGradNorm = NaN;
  /** Steps skipped so far because a gradient was not finite. */
  skippedSteps = 0;
  /** The last skipped step: where, and which tensor had how many NaN and infinite values. */
  lastSkipped: SkippedStep | null = null;

  private readonly inSize: number;
  private readonly outSize: number;
  /** Target values per sample: 1 (a label, a class index) or outSize (one-hot for mse). */
  private readonly targetWidth: number;
  private readonly trainX: Float64Array;
  private readonly trainT: Float64Array;
  private readonly trainLabels: Float64Array;
  private readonly testX: Float64Array;
  private readonly testT: Float64Array;
  private readonly testLabels: Float64Array;
  private readonly batchSize: number;
  private readonly batchesPerEpoch: number;
  /** Positions into the training arrays, reshuffled every epoch when there is more than one batch. */
  private readonly order: Uint32Array;
  private readonly gathered: boolean;
  /** The lab's BCE clip when asked for (settings.bceClip), else null. */
  private readonly clip: number | null;
  private readonly batchX: Float64Array;
  private readonly batchT: Float64Array;
  private readonly batchLabels: Float64Array;
  private readonly good: Float64Array[];
  private readonly history: EpochMetrics[] = [];
  private readonly startedAt: number;

  private completed = 0;
  private batchInEpoch = 0;
  private stepCount = 0;
  private lr: number;
  private lossSum = 0;
  private correct = 0;
  private consecutiveBad = 0;
  private lastFiniteLoss: number | null = null;
  private keptEpoch = 0;
  /** The first batch's loss, before any update: what an exploding loss is measured against. */
  private startLoss = NaN;
  /** An epoch whose mean loss is above this has exploded (Infinity until the first batch). */
  private lossLimit = Infinity;
  /** The weights this epoch began with, and those that began the epoch with the lowest loss. */
  private epochStart: Float64Array[];
  private best: Float64Array[];
  private bestLoss = Infinity;
  private bestEpoch = 0;
  private finishedWith: RunResult | null = null;

  constructor(
    readonly model: CompiledModel,
    readonly dataset: Dataset,
    private readonly settings: TrainingSettings,
    network: Network,
    splitRng: Rng,
    private readonly shuffleRng: Rng,
    private readonly deps: SessionOptions,
  ) {
    this.startedAt = deps.now();
    this.network = network;
    this.totalEpochs = settings.epochs;
    this.inSize = sizeOf(model.inputShape);
    this.outSize = network.outSize;
    this.targetWidth = settings.loss === 'mse' && this.outSize > 1 ? this.outSize : 1;

    const n = dataset.n;
    if (settings.testSplit > 0) {
      const perm = splitRng.shuffle(range(n));
      const nTest = Math.min(n - 1, Math.round(n * settings.testSplit));
      this.testIndices = perm.slice(0, nTest).sort();
      this.trainIndices = perm.slice(nTest).sort();
    } else {
      this.trainIndices = range(n);
      this.testIndices = new Uint32Array(0);
    }
    [this.trainX, this.trainT, this.trainLabels] = this.gather(this.trainIndices);
    [this.testX, this.testT, this.testLabels] = this.gather(this.testIndices);

    const nTrain = this.trainIndices.length;
    this.batchSize = stepBatchSize(settings, nTrain);
    this.batchesPerEpoch = Math.ceil(nTrain / this.batchSize);
    this.order = range(nTrain);
    // One batch per epoch sees every sample in a fixed order: its mean gradient does not
    // depend on the order, so it is used in place and never shuffled or copied.
    this.gathered = this.batchesPerEpoch > 1;
    this.clip = settings.loss === 'bce' ? (settings.bceClip ?? null) : null;
    this.batchX = new Float64Array(this.gathered ? this.batchSize * this.inSize : 0);
    this.batchT = new Float64Array(this.gathered ? this.batchSize * this.targetWidth : 0);
    this.batchLabels = new Float64Array(this.gathered ? this.batchSize : 0);
    this.optimizer = createOptimizer(settings.optimizer, network.paramList);
    this.good = network.paramList.map((p) => Float64Array.from(p.value));
    this.epochStart = network.paramList.map((p) => Float64Array.from(p.value));
    this.best = network.paramList.map((p) => Float64Array.from(p.value));
    this.lr = settings.optimizer.lr;
  }

  get epoch(): number {
    return this.completed;
  }

  private gather(indices: Uint32Array): [Float64Array, Float64Array, Float64Array] {
    const { inSize, targetWidth, dataset } = this;
    const m = indices.length;
    const x = new Float64Array(m * inSize);
    const t = new Float64Array(m * targetWidth);
    const labels = new Float64Array(m);
    for (let r = 0; r < m; r++) {
      const i = indices[r];
      x.set(dataset.x.subarray(i * inSize, (i + 1) * inSize), r * inSize);
      const label = dataset.y[i];
      labels[r] = label;
      if (targetWidth === 1) t[r] = label;
      else t[r * targetWidth + label] = 1;
    }
    return [x, t, labels];
  }

  runBatches(maxBatches: number): StepReport {
    const epochs: EpochMetrics[] = [];
    let batches = 0;
    while (this.finishedWith === null && batches < maxBatches) {
      this.runBatch(epochs);
      batches++;
    }
    return { epochs, batches, finished: this.finishedWith };
  }

  step(): StepReport {
    return this.runBatches(1);
  }

  private runBatch(epochs: EpochMetrics[]): void {
    const net = this.network;
    const s = this.settings;
    if (this.batchInEpoch === 0) {
      this.lr = scheduledLr(s.optimizer.lr, s.schedule, this.completed, this.totalEpochs);
      this.optimizer.lr = this.lr;
      this.lossSum = 0;
      this.correct = 0;
      net.copyParamsTo(this.epochStart);
      if (this.gathered && s.shuffle) this.shuffleRng.shuffle(this.order);
    }
    const start = this.batchInEpoch * this.batchSize;
    const m = Math.min(this.batchSize, this.trainIndices.length - start);
    let x = this.trainX;
    let t = this.trainT;
    let labels = this.trainLabels;
    if (this.gathered) {
      x = this.batchX;
      t = this.batchT;
      labels = this.batchLabels;
      const { inSize, targetWidth: tw, order, trainX, trainT, trainLabels } = this;
      for (let r = 0; r < m; r++) {
        const src = order[start + r];
        for (let k = 0; k < inSize; k++) x[r * inSize + k] = trainX[src * inSize + k];
        for (let k = 0; k < tw; k++) t[r * tw + k] = trainT[src * tw + k];
        labels[r] = trainLabels[src];
      }
    }

    const out = net.forward(x, m);
    const loss = net.loss(s.loss, t, m, this.clip);
    this.stepCount++;
    if (!Number.isFinite(loss)) {
      this.diverge(loss, { kind: 'loss' });
      return;
    }
    this.lastFiniteLoss = loss;
    if (this.stepCount === 1) {
      this.startLoss = loss;
      this.lossLimit = explodedLimit(loss);
    }
    // These weights gave a finite loss: the ones to keep if a later batch diverges.
    net.copyParamsTo(this.good);
    this.keptEpoch = this.completed;
    this.lossSum += loss * m;
    this.correct += countCorrect(out, labels, m, this.outSize, this.clip !== null);

    net.backward(m);
    this.deps.testHooks?.afterBackward?.(this.stepCount, net.params);
    if (net.gradsFinite()) {
      this.consecutiveBad = 0;
      if (s.clipNorm !== null) this.lastGradNorm = clipGradNorm(net.paramList, s.clipNorm);
      this.optimizer.step();
    } else {
      // Skip the update so the weights stay finite (N2); give up after a few in a row.
      const bad = net.params.find((p) => countNonFinite(p.param.grad).nan + countNonFinite(p.param.grad).inf > 0)!;
      const counts = countNonFinite(bad.param.grad);
      const layer = net.layers.find((l) => l.nodeId === bad.nodeId)!;
      this.skippedSteps++;
      this.consecutiveBad++;
      this.lastSkipped = {
        epoch: this.completed + 1,
        batch: this.batchInEpoch + 1,
        nodeId: bad.nodeId,
        layerType: layer.type,
        tensor: bad.param.name,
        nan: counts.nan,
        inf: counts.inf,
      };
      if (this.consecutiveBad >= MAX_BAD_STEPS) {
        const first = bad.param.grad.find((v) => !Number.isFinite(v)) ?? NaN;
        const { layerType, tensor, nan, inf } = this.lastSkipped;
        this.diverge(first, { kind: 'gradient', nodeId: bad.nodeId, layerType, tensor, nan, inf });
        return;
      }
    }

    this.batchInEpoch++;
    if (this.batchInEpoch < this.batchesPerEpoch) return;
    this.batchInEpoch = 0;
    this.completed++;
    const nTrain = this.trainIndices.length;
    const test = this.evaluate(this.testX, this.testT, this.testLabels, this.testIndices.length);
    const metrics: EpochMetrics = {
      epoch: this.completed,
      loss: this.lossSum / nTrain,
      accuracy: this.correct / nTrain,
      testLoss: test ? test.loss : null,
      testAccuracy: test ? test.accuracy : null,
      lr: this.lr,
    };
    this.history.push(metrics);
    epochs.push(metrics);
    // Once per epoch: a loss that grew far past where it started has exploded, even if finite.
    if (metrics.loss > this.lossLimit) {
      this.end(
        { epoch: this.completed, batch: this.batchesPerEpoch, value: metrics.loss, where: { kind: 'exploded', startLoss: this.startLoss } },
        this.best,
        this.bestEpoch,
      );
      return;
    }
    if (metrics.loss < this.bestLoss) {
      // The weights that began the best epoch so far: the ones to keep if a later one explodes.
      const spare = this.best;
      this.best = this.epochStart;
      this.epochStart = spare;
      this.bestLoss = metrics.loss;
      this.bestEpoch = this.completed - 1;
    }
    if (this.completed >= this.totalEpochs) this.finish('done');
  }

  private evaluate(x: Float64Array, t: Float64Array, labels: Float64Array, n: number): { loss: number; accuracy: number } | null {
    if (n === 0) return null;
    // In batches: the whole training or test split at once would grow every layer's buffers
    // past the one batch the memory check allowed for (train/memory.ts).
    const { inSize, targetWidth: tw, batchSize: chunk, network: net } = this;
    if (n <= chunk) {
      const out = net.forward(x, n);
      const loss = net.loss(this.settings.loss, t, n, this.clip);
      return { loss, accuracy: countCorrect(out, labels, n, this.outSize, this.clip !== null) / n };
    }
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < n; start += chunk) {
      const m = Math.min(chunk, n - start);
      const out = net.forward(x.subarray(start * inSize, (start + m) * inSize), m);
      // Each loss is a mean over its chunk: weighted by the chunk's size, they sum to the whole's.
      lossSum += net.loss(this.settings.loss, t.subarray(start * tw, (start + m) * tw), m, this.clip) * m;
      correct += countCorrect(out, labels.subarray(start, start + m), m, this.outSize, this.clip !== null);
    }
    return { loss: lossSum / n, accuracy: correct / n };
  }

  /** A non-finite loss or gradient in the current batch: back to the last weights with a finite loss. */
  private diverge(value: number, where: DivergenceFacts['where']): void {
    this.end({ epoch: this.completed + 1, batch: this.batchInEpoch + 1, value, where }, this.good, this.keptEpoch);
  }

  private end(at: Pick<DivergenceFacts, 'epoch' | 'batch' | 'value' | 'where'>, keep: readonly Float64Array[], keptEpoch: number): void {
    this.network.copyParamsFrom(keep);
    const info: DivergenceInfo = divergenceInfo({
      ...at,
      lastFiniteLoss: this.lastFiniteLoss,
      keptEpoch,
      lr: this.lr,
      clipNorm: this.settings.clipNorm,
    });
    this.finish('diverged', info);
  }

  private finish(state: RunState, diverged?: DivergenceInfo): RunResult {
    const train = this.evaluate(this.trainX, this.trainT, this.trainLabels, this.trainIndices.length);
    const test = this.evaluate(this.testX, this.testT, this.testLabels, this.testIndices.length);
    const finite = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);
    const result: RunResult = {
      state,
      epochs: this.completed,
      loss: finite(train?.loss),
      accuracy: train ? train.accuracy : null,
      testAccuracy: test ? test.accuracy : null,
      ms: this.deps.now() - this.startedAt,
    };
    if (diverged) result.diverged = diverged;
    this.finishedWith = result;
    return result;
  }

  stop(): RunResult {
    return this.finishedWith ?? this.finish('stopped');
  }

  metrics(): EpochMetrics[] {
    return this.history.slice();
  }

  weights(): Weights {
    return this.network.weights();
  }

  result(): RunResult | null {
    return this.finishedWith;
  }

  predict(x: Float64Array, n: number): Float64Array {
    const k = this.outSize;
    const width = k === 1 ? 2 : k;
    const probs = new Float64Array(n * width);
    // Never more rows than a batch, so the layers' buffers stay the size the memory check allowed.
    const chunk = Math.min(PREDICT_CHUNK, this.batchSize);
    for (let start = 0; start < n; start += chunk) {
      const m = Math.min(chunk, n - start);
      const out = this.network.forward(x.subarray(start * this.inSize, (start + m) * this.inSize), m);
      if (k === 1) {
        for (let i = 0; i < m; i++) {
          probs[(start + i) * 2] = 1 - out[i];
          probs[(start + i) * 2 + 1] = out[i];
        }
      } else {
        probs.set(out.subarray(0, m * k), start * k);
      }
    }
    return probs;
  }

  decisionGrid(res: number, bounds?: { x0: number; x1: number; y0: number; y1: number }): Float64Array | null {
    if (this.model.inputShape.length !== 1 || this.model.inputShape[0] !== 2) return null;
    if (!Number.isInteger(res) || res < 2 || res > 1024) return null;
    return this.predict(planePoints(bounds ?? dataBounds(this.dataset), res), res * res);
  }
}

/**
 * Correct predictions: argmax for several outputs, a 0.5 threshold for one (p ≥ 0.5 is class 1;
 * with the lab's BCE clip, p > 0.5 as in the lab's code).
 */
function countCorrect(out: Float64Array, labels: Float64Array, n: number, k: number, strict = false): number {
  let correct = 0;
  if (k === 1) {
    for (let i = 0; i < n; i++) {
      const p = out[i];
      if (((strict ? p > 0.5 : p >= 0.5) ? 1 : 0) === labels[i]) correct++;
    }
    return correct;
  }
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let best = 0;
    for (let j = 1; j < k; j++) if (out[o + j] > out[o + best]) best = j;
    if (best === labels[i]) correct++;
  }
  return correct;
}
