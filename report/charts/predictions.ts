// The trained network's predictions on the project's data, computed on the page from the
// saved weights (the same engine the worker runs). Cached per weights object, so it runs
// once per finished run, not per render.
import { createTrainingSession, dataBounds, planePoints, projectToSpec } from '../../core/index';
import type { Project } from '../../core/index';
import { BOUNDARY_RESOLUTION } from './plot-data';

export interface Predictions {
  /** Row-major [n, numClasses]. */
  probs: Float64Array;
  /** Most likely class per sample. */
  predicted: Uint32Array;
  numClasses: number;
  /** Which samples were held out for testing in the run's split. */
  isTest: Uint8Array;
  accuracy: number;
  /** The decision grid for 2-D data (as the live run sends it), else null. */
  grid: { res: number; numClasses: number; probs: Float64Array } | null;
}

export function argmaxRows(probs: ArrayLike<number>, n: number, k: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (probs[i * k + c] > probs[i * k + best]) best = c;
    out[i] = best;
  }
  return out;
}

interface CacheKey {
  weights: Project['weights'];
  dataset: Project['dataset'];
  training: Project['training'];
  /** The network without positions: moving a block must not recompute anything. */
  spec: string;
}
let lastKey: CacheKey | null = null;
let lastResult: Predictions | null = null;

const sameKey = (a: CacheKey, b: CacheKey) => a.weights === b.weights && a.dataset === b.dataset && a.training === b.training && a.spec === b.spec;

const keyOf = (project: Project): CacheKey => ({ weights: project.weights, dataset: project.dataset, training: project.training, spec: JSON.stringify(projectToSpec(project)) });

/** The cached predictions for this project, if they were computed for it. */
export function cachedPredictions(project: Project): { hit: true; value: Predictions | null } | { hit: false } {
  if (!project.weights) return { hit: true, value: null };
  return lastKey && sameKey(keyOf(project), lastKey) ? { hit: true, value: lastResult } : { hit: false };
}

/** Null when there are no weights or they no longer fit the network. */
export function predictionsFor(project: Project): Predictions | null {
  const steps = predictionSteps(project);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/**
 * The same predictions, a slice of rows per `next()`: a page spreads them over short tasks,
 * so the end of a run (or opening a large project) is never one long task. The result is the
 * same however it is stepped, and it is cached when the last step is taken.
 */
export function* predictionSteps(project: Project): Generator<void, Predictions | null, void> {
  const cached = cachedPredictions(project);
  if (cached.hit) return cached.value;
  const key = keyOf(project);
  let result: Predictions | null = null;
  try {
    result = yield* compute(project);
  } catch {
    // Never take the page down over a picture: without predictions the charts just show less.
    result = null;
  }
  lastKey = key;
  lastResult = result;
  return result;
}

/** Rows (samples or lattice points) per step: a few milliseconds of a small network's forward pass. */
const STEP_ROWS = 512;

function* predictInSteps(predict: (x: Float64Array, n: number) => Float64Array, x: Float64Array, n: number, inSize: number): Generator<void, Float64Array, void> {
  let out: Float64Array | null = null;
  for (let start = 0; start < n; start += STEP_ROWS) {
    const m = Math.min(STEP_ROWS, n - start);
    const part = predict(x.subarray(start * inSize, (start + m) * inSize), m);
    out ??= new Float64Array((part.length / m) * n);
    out.set(part, (part.length / m) * start);
    if (start + m < n) yield;
  }
  return out ?? new Float64Array(0);
}

function* compute(project: Project): Generator<void, Predictions | null, void> {
  const created = createTrainingSession(
    { spec: projectToSpec(project), dataset: project.dataset, settings: project.training, initialWeights: project.weights },
    { now: () => 0 },
  );
  if (!created.ok) return null;
  const { session } = created;
  const { dataset } = session;
  const predict = (x: Float64Array, n: number) => session.predict(x, n);
  const inSize = dataset.n > 0 ? dataset.x.length / dataset.n : 0;
  yield;
  const probs = yield* predictInSteps(predict, dataset.x, dataset.n, inSize);
  const k = dataset.n > 0 ? Math.round(probs.length / dataset.n) : dataset.numClasses;
  const predicted = argmaxRows(probs, dataset.n, k);
  const isTest = new Uint8Array(dataset.n);
  for (const i of session.testIndices) isTest[i] = 1;
  let right = 0;
  for (let i = 0; i < dataset.n; i++) if (predicted[i] === dataset.y[i]) right += 1;
  let grid: Predictions['grid'] = null;
  // The boundary's lattice for 2-D data, as session.decisionGrid lays it out, a slice at a time.
  const shape = session.model.inputShape;
  if (shape.length === 1 && shape[0] === 2) {
    yield;
    const res = BOUNDARY_RESOLUTION;
    const cells = yield* predictInSteps(predict, planePoints(dataBounds(dataset), res), res * res, 2);
    grid = { res, numClasses: Math.round(cells.length / (res * res)), probs: cells };
  }
  return { probs, predicted, numClasses: k, isTest, accuracy: dataset.n > 0 ? right / dataset.n : 0, grid };
}
