// Neuron grids are the engine's own forward pass over a lattice of the input plane.
import { describe, expect, it } from 'vitest';
import { createNeuronModel, createTrainingSession, defaultSettings, initialWeights, MAX_NEURON_UNITS, planePoints } from '../../../core/index';
import { chainSpec } from '../../helpers/specs';

const circle = { kind: 'generator', generator: 'circle', params: { n: 100 }, seed: 3 } as const;
const tanh16 = chainSpec([['Linear', { outFeatures: 16 }], ['Tanh'], ['Linear', { outFeatures: 1 }], ['Sigmoid']]);

describe('neuron grids', () => {
  it('gives every unit of every dense node over the plane, equal to the network run on each point', () => {
    const made = createNeuronModel(tanh16, circle, { seed: 4, init: 'xavier' });
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    const { model } = made;
    const res = 6;
    const grids = model.grids(res);
    expect(grids.map((g) => [g.nodeId, g.type, g.units])).toEqual([
      ['n1', 'Linear', 16],
      ['n2', 'Tanh', 16],
      ['n3', 'Linear', 1],
      ['n4', 'Sigmoid', 1],
    ]);
    const pts = planePoints(model.bounds, res);
    // Cell (row 2, column 5): one forward pass of that single point through the same network.
    const cell = 2 * res + 5;
    const out = model.network.forward(pts.subarray(cell * 2, cell * 2 + 2), 1);
    expect(grids[3].values[cell]).toBeCloseTo(out[0], 6);
    for (const v of grids[1].values) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    expect(grids[1].unitMin[3]).toBeLessThanOrEqual(grids[1].unitMax[3]);
    expect(pts[0]).toBe(model.bounds.x0);
    expect(pts[pts.length - 1]).toBe(model.bounds.y1);
  });

  it('follows new weights, returns to the initial ones on null, and refuses weights that do not fit', () => {
    const made = createNeuronModel(tanh16, circle, { seed: 4, init: 'xavier' });
    if (!made.ok) throw new Error('no model');
    const { model } = made;
    const first = Array.from(model.grids(4)[1].values);
    const w = model.network.weights();
    w.n1.weight.data = w.n1.weight.data.map((x) => -x);
    expect(model.setWeights(w)).toEqual([]);
    expect(Array.from(model.grids(4)[1].values)).not.toEqual(first);
    model.setWeights(null);
    expect(Array.from(model.grids(4)[1].values)).toEqual(first);
    expect(model.setWeights({ n1: { weight: { shape: [2, 2], data: [0, 0, 0, 0] } } }).length).toBeGreaterThan(0);
  });

  it('skips nodes wider than the thumbnails allow and data that is not 2-D', () => {
    const wide = chainSpec([['Linear', { outFeatures: MAX_NEURON_UNITS + 1 }], ['ReLU'], ['Linear', { outFeatures: 1 }], ['Sigmoid']]);
    const made = createNeuronModel(wide, circle, { seed: 1, init: 'he' });
    if (!made.ok) throw new Error('no model');
    expect(made.model.grids(4).map((g) => g.nodeId)).toEqual(['n3', 'n4']);
    const waves = createNeuronModel(tanh16, { kind: 'generator', generator: 'waves', params: {}, seed: 1 }, { seed: 1, init: 'he' });
    expect(waves.ok).toBe(false);
  });
});

describe('initial weights', () => {
  it('are the weights a run starts from, for any data (here 1-D signals) and only while the graph is valid', () => {
    const waves = { kind: 'generator', generator: 'waves', params: { n: 40, length: 16 }, seed: 1 } as const;
    const spec = chainSpec([['Flatten'], ['Linear', { outFeatures: 3 }], ['Tanh'], ['Linear', { outFeatures: 3 }], ['Softmax']]);
    const settings = { ...defaultSettings(), seed: 9, init: 'he' as const, loss: 'crossEntropy' as const };
    const w = initialWeights(spec, waves, { seed: 9, init: 'he' });
    const made = createTrainingSession({ spec, dataset: waves, settings }, { now: () => 0 });
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    expect(w).toEqual(made.session.weights());
    expect(initialWeights(chainSpec([['Conv1d', { outChannels: 2, kernelSize: 99 }]]), waves, { seed: 9, init: 'he' })).toBeNull();
  });
});
