// The same starting weights across a sweep wherever the shapes allow. They are drawn once by
// the engine's own seeded initialisation (a session that has not trained yet), so a sweep
// run and an ordinary run with the same seed start from the very same numbers.
import { createTrainingSession } from '../train/session';
import type { TrainProblem } from '../train/session-types';
import type { TensorJson, TrainRequest, Weights } from '../train/types';

export function initialWeightsOf(req: TrainRequest): { ok: true; weights: Weights } | { ok: false; problems: TrainProblem[] } {
  // Only the starting weights are read: the run itself is checked where it starts.
  const created = createTrainingSession({ ...req, initialWeights: null }, { now: () => 0, memory: { budget: null } });
  return created.ok ? { ok: true, weights: created.session.weights() } : created;
}

const sameShape = (a: TensorJson, b: TensorJson): boolean => a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);

/**
 * The variant's weights, with every node whose tensors all have the base's shapes taking the
 * base's values: only layers whose shape changed start from their own fresh draw.
 */
export function shareWeights(base: Weights, variant: Weights): Weights {
  const out: Weights = {};
  for (const id of Object.keys(variant)) {
    const mine = variant[id];
    const theirs = Object.prototype.hasOwnProperty.call(base, id) ? base[id] : undefined;
    const names = Object.keys(mine);
    const reuse =
      theirs !== undefined &&
      names.length === Object.keys(theirs).length &&
      names.every((k) => Object.prototype.hasOwnProperty.call(theirs, k) && sameShape(theirs[k], mine[k]));
    out[id] = reuse ? theirs : mine;
  }
  return out;
}

const sameTensor = (a: TensorJson, b: TensorJson): boolean => sameShape(a, b) && a.data.length === b.data.length && a.data.every((v, i) => Object.is(v, b.data[i]));

/** Node ids whose starting weights equal the base's, bit for bit. */
export function sharedNodeIds(base: Weights, weights: Weights): string[] {
  return Object.keys(weights).filter((id) => {
    const theirs = Object.prototype.hasOwnProperty.call(base, id) ? base[id] : undefined;
    const mine = weights[id];
    const names = Object.keys(mine);
    return theirs !== undefined && names.length === Object.keys(theirs).length && names.every((k) => k in theirs && sameTensor(theirs[k], mine[k]));
  });
}
