// The trained network's predictions on the project's data, computed on the page from the
// saved weights (the same engine the worker runs). Cached per weights object, so it runs
// once per finished run, not per render.
import { createTrainingSession, projectToSpec } from '../../core/index';
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

/** Null when there are no weights or they no longer fit the network. */
export function predictionsFor(project: Project): Predictions | null {
  if (!project.weights) return null;
  const key: CacheKey = { weights: project.weights, dataset: project.dataset, training: project.training, spec: JSON.stringify(projectToSpec(project)) };
  if (lastKey && key.weights === lastKey.weights && key.dataset === lastKey.dataset && key.training === lastKey.training && key.spec === lastKey.spec) {
    return lastResult;
  }
  lastKey = key;
  try {
    lastResult = compute(project);
  } catch {
    // Never take the page down over a picture: without predictions the charts just show less.
    lastResult = null;
  }
  return lastResult;
}

function compute(project: Project): Predictions | null {
  const created = createTrainingSession(
    { spec: projectToSpec(project), dataset: project.dataset, settings: project.training, initialWeights: project.weights },
    { now: () => 0 },
  );
  if (!created.ok) return null;
  const { session } = created;
  const { dataset } = session;
  const probs = session.predict(dataset.x, dataset.n);
  const k = dataset.n > 0 ? Math.round(probs.length / dataset.n) : dataset.numClasses;
  const predicted = argmaxRows(probs, dataset.n, k);
  const isTest = new Uint8Array(dataset.n);
  for (const i of session.testIndices) isTest[i] = 1;
  let right = 0;
  for (let i = 0; i < dataset.n; i++) if (predicted[i] === dataset.y[i]) right += 1;
  const cells = session.decisionGrid(BOUNDARY_RESOLUTION);
  const grid = cells ? { res: BOUNDARY_RESOLUTION, numClasses: Math.round(cells.length / (BOUNDARY_RESOLUTION * BOUNDARY_RESOLUTION)), probs: cells.slice() } : null;
  return { probs, predicted, numClasses: k, isTest, accuracy: dataset.n > 0 ? right / dataset.n : 0, grid };
}
