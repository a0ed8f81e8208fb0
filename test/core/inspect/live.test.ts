// Snapshots made in the training worker: the run's own weights and the engine's units over the plane.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLiveSnapshots, createNeuronModel, createTrainingSession, parseProject, projectToSpec, type Project, type TrainRequest } from '../../../core/index';

function exampleProject(name: string): Project {
  const r = parseProject(readFileSync(fileURLToPath(new URL(`../../../examples/${name}.bpnn`, import.meta.url)), 'utf8'));
  if (!r.ok) throw new Error(`examples/${name}.bpnn does not load`);
  return r.project;
}

function xorRequest(): TrainRequest {
  const p = exampleProject('xor');
  return { spec: projectToSpec(p), dataset: p.dataset, settings: { ...p.training, epochs: 20 }, initialWeights: null };
}

describe('live snapshots for the neuron views', () => {
  it('go with every boundary event: the current weights and every dense unit over the plane', () => {
    const req = xorRequest();
    const created = createTrainingSession(req, { now: () => 0 });
    if (!created.ok) throw new Error('no session');
    const session = created.session;
    session.runBatches(10);
    const live = createLiveSnapshots('run-1', req, 16)!;
    expect(live.after({ type: 'progress', runId: 'run-1', epochs: [], batch: 1 }, () => session.weights())).toBeNull();
    const snap = live.after({ type: 'boundary', runId: 'run-1', epoch: 10, res: 8, numClasses: 2, probs: new Float64Array(128) }, () => session.weights())!;
    expect(snap.event.type).toBe('weights');
    expect(snap.event.epoch).toBe(10);
    expect(snap.event.weights).toEqual(session.weights());
    const ref = createNeuronModel(req.spec, req.dataset, { seed: 1, init: 'normal' });
    if (!ref.ok) throw new Error('no model');
    ref.model.setWeights(session.weights());
    const expected = ref.model.grids(16);
    expect(snap.event.neurons!.map((g) => g.nodeId)).toEqual(expected.map((g) => g.nodeId));
    expect(Array.from(snap.event.neurons![1].values)).toEqual(Array.from(expected[1].values));
    expect(snap.transfer).toHaveLength(3 * expected.length);
  });

  it('are not made when the run did not ask or the data is not 2-D', () => {
    expect(createLiveSnapshots('r', xorRequest(), 0)).toBeNull();
    expect(createLiveSnapshots('r', xorRequest(), undefined)).toBeNull();
    expect(createLiveSnapshots('r', xorRequest(), 1000)).toBeNull();
    const w = exampleProject('waves-conv1d');
    expect(createLiveSnapshots('r', { spec: projectToSpec(w), dataset: w.dataset, settings: w.training }, 16)).toBeNull();
  });
});
