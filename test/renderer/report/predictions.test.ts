// The page's predictions of a trained project, computed a slice at a time (issue 13 §7: the end
// of a run is never one long task), must be exactly what the session computes in one go.
import { describe, expect, it } from 'vitest';
import { createTrainingSession, projectToSpec, type Project } from '../../../core/index';
import { cachedPredictions, predictionSteps, predictionsFor } from '../../../report/charts/predictions';
import { BOUNDARY_RESOLUTION } from '../../../report/charts/plot-data';
import { exampleProject } from '../fixtures';

function trained(name: 'spiral-softmax' | 'waves-conv1d' | 'xor'): { project: Project; direct: { probs: Float64Array; grid: Float64Array | null } } {
  const base = exampleProject(name);
  const created = createTrainingSession({ spec: projectToSpec(base), dataset: base.dataset, settings: base.training }, { now: () => 0 });
  if (!created.ok) throw new Error('session');
  created.session.runBatches(20);
  const project = { ...base, weights: created.session.weights() };
  const again = createTrainingSession({ spec: projectToSpec(project), dataset: project.dataset, settings: project.training, initialWeights: project.weights }, { now: () => 0 });
  if (!again.ok) throw new Error('session');
  const s = again.session;
  return { project, direct: { probs: s.predict(s.dataset.x, s.dataset.n), grid: s.decisionGrid(BOUNDARY_RESOLUTION) } };
}

describe('predictions in slices', () => {
  it('a 2-D project: the stepped predictions and boundary equal the session’s, over several slices', () => {
    const { project, direct } = trained('spiral-softmax');
    const steps = predictionSteps(project);
    let slices = 0;
    let r = steps.next();
    while (!r.done) {
      slices += 1;
      r = steps.next();
    }
    const p = r.value;
    if (!p?.grid) throw new Error('no predictions');
    expect(Array.from(p.probs)).toEqual(Array.from(direct.probs));
    expect(Array.from(p.grid.probs)).toEqual(Array.from(direct.grid ?? []));
    expect(p.grid.numClasses).toBe(3);
    // 48 × 48 lattice points in slices of at most 512 rows: at least five pieces of work.
    expect(slices).toBeGreaterThanOrEqual(Math.ceil((BOUNDARY_RESOLUTION * BOUNDARY_RESOLUTION) / 512));
    expect(cachedPredictions(project)).toEqual({ hit: true, value: p });
  });

  it('signals: predictions without a boundary, the same as in one go', () => {
    const { project, direct } = trained('waves-conv1d');
    const p = predictionsFor(project);
    expect(p?.grid).toBeNull();
    expect(Array.from(p?.probs ?? [])).toEqual(Array.from(direct.probs));
  });

  it('an abandoned computation is not cached; the next one starts afresh and finishes', () => {
    const { project, direct } = trained('xor');
    const steps = predictionSteps(project);
    steps.next();
    steps.next();
    steps.return(null);
    expect(cachedPredictions(project)).toEqual({ hit: false });
    const p = predictionsFor(project);
    expect(Array.from(p?.grid?.probs ?? [])).toEqual(Array.from(direct.grid ?? []));
  });
});
