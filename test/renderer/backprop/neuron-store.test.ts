// Neuron views: computed from the project's weights when idle, taken from the run's live
// snapshots while it trains, given back to the stored weights when it ends.
import { describe, expect, it } from 'vitest';
import { createNeuronModel, projectToSpec, type Project, type TrainingEvent } from '../../../core/index';
import { createNeuronStore, liveNeuronResolution, NEURON_RESOLUTION, type WeightsSnapshot } from '../../../renderer/backprop/neuron-store';
import { exampleProject } from '../fixtures';

function setup(project: Project) {
  let current = project;
  const projectListeners: ((p: Project, prev: Project) => void)[] = [];
  const eventListeners: ((e: TrainingEvent | WeightsSnapshot) => void)[] = [];
  const store = createNeuronStore({
    project: () => current,
    subscribeProject: (l) => projectListeners.push(l),
    onTrainingEvent: (l) => eventListeners.push(l),
    later: (fn) => fn(),
  });
  return {
    store,
    change(next: Project) {
      const prev = current;
      current = next;
      for (const l of projectListeners) l(next, prev);
    },
    send(e: TrainingEvent | WeightsSnapshot) {
      for (const l of eventListeners) l(e);
    },
  };
}

describe('the neuron-view store', () => {
  it('computes every dense node of the XOR network over the plane from the initial weights', () => {
    const { store } = setup(exampleProject('xor'));
    expect(store.getState().grids).toEqual({});
    store.getState().setShowNeurons(true);
    const g = store.getState().grids;
    expect(Object.keys(g).sort()).toEqual(['fc1', 'fc2', 'fc3', 'sig1', 'sig2', 'sig3']);
    expect(g.sig1.units).toBe(32);
    expect(g.sig1.res).toBe(NEURON_RESOLUTION);
    expect(g.sig1.min).toBeGreaterThanOrEqual(0);
    expect(g.sig1.max).toBeLessThanOrEqual(1);
    expect(store.getState().source).toEqual({ kind: 'initial' });
  });

  it('shows live snapshots while a run trains and the stored weights once it ends', () => {
    const p = exampleProject('xor');
    const { store, send, change } = setup(p);
    store.getState().setShowNeurons(true);
    const idle = store.getState().grids.sig1;
    const made = createNeuronModel(projectToSpec(p), p.dataset, { seed: 99, init: 'normal' });
    if (!made.ok) throw new Error('no model');
    const live = made.model.grids(NEURON_RESOLUTION);
    send({ type: 'weights', runId: 'r1', epoch: 40, weights: made.model.network.weights(), neurons: live });
    expect(store.getState().source).toEqual({ kind: 'live', epoch: 40 });
    expect(store.getState().grids.sig1).toBe(live.find((g) => g.nodeId === 'sig1'));
    // An edit during the run does not replace the live view.
    change({ ...p, name: 'x' });
    expect(store.getState().source).toEqual({ kind: 'live', epoch: 40 });
    send({ type: 'done', runId: 'r1', result: { state: 'done', epochs: 40, loss: 0.1, accuracy: 1, testAccuracy: null, ms: 1 }, weights: made.model.network.weights() });
    expect(store.getState().source).toEqual({ kind: 'initial' });
    expect(store.getState().grids.sig1.values).toEqual(idle.values);
  });

  it('ignores snapshots while both views are off, and says why a dataset gets none', () => {
    const { store, send } = setup(exampleProject('waves-conv1d'));
    send({ type: 'weights', runId: 'r', epoch: 1, weights: {} });
    expect(store.getState().source).toBeNull();
    store.getState().setShowNeurons(true);
    expect(store.getState().grids).toEqual({});
    expect(store.getState().message).toBe('Neuron views need 2-D data (two input features).');
  });

  it('asks runs for snapshots only while a view is on', () => {
    expect(liveNeuronResolution({ showNeurons: false, showWeights: false })).toBe(0);
    expect(liveNeuronResolution({ showNeurons: true, showWeights: false })).toBe(NEURON_RESOLUTION);
    expect(liveNeuronResolution({ showNeurons: false, showWeights: true })).toBe(NEURON_RESOLUTION);
    expect(liveNeuronResolution({ showNeurons: false, showWeights: false, edgesShown: ['sig1-fc2'] })).toBe(NEURON_RESOLUTION);
  });

  it('shows one connection’s heat map on demand, takes live weights for it, and forgets a connection that was deleted', () => {
    const xor = exampleProject('xor');
    const { store, change, send } = setup(xor);
    store.getState().setEdgeShown('sig1-fc2', true);
    expect(store.getState().edgesShown).toEqual(['sig1-fc2']);
    // On demand alone is enough to want the weights, initial ones first, then a run's snapshots.
    expect(store.getState().source).toEqual({ kind: 'initial' });
    const w = { fc2: { weight: { shape: [32, 32], data: new Float64Array(1024).fill(0.5) } } };
    send({ type: 'weights', runId: 'r', epoch: 7, weights: w } as unknown as WeightsSnapshot);
    expect(store.getState().source).toEqual({ kind: 'live', epoch: 7 });
    expect(store.getState().weights).toBe(w);
    // The next snapshot of the same run keeps this one as "before", for the change view.
    const w2 = { fc2: { weight: { shape: [32, 32], data: new Float64Array(1024).fill(0.7) } } };
    send({ type: 'weights', runId: 'r', epoch: 9, weights: w2 } as unknown as WeightsSnapshot);
    expect(store.getState().previous).toEqual({ epoch: 7, weights: w });
    expect(store.getState().weights).toBe(w2);
    // Another run's first snapshot has nothing before it.
    send({ type: 'weights', runId: 'r2', epoch: 1, weights: w } as unknown as WeightsSnapshot);
    expect(store.getState().previous).toBeNull();
    store.getState().setEdgeShown('sig1-fc2', false);
    expect(store.getState().edgesShown).toEqual([]);
    store.getState().setEdgeShown('sig1-fc2', true);
    change({ ...xor, graph: { ...xor.graph, edges: xor.graph.edges.filter((e) => e.id !== 'sig1-fc2') } });
    expect(store.getState().edgesShown).toEqual([]);
  });
});
