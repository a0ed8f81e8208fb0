// The lab's update regime against the lab's own loop: test/fixtures/lab/per-sample.json is
// written by per-sample.py (plain NumPy, samples as columns, one step per sample in data order),
// never by the engine. From the same starting weights every epoch's loss and accuracy and the
// final weights must agree to REL_TOL (1e-9).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeId, type ModelSpec, type SpecNode } from '../../../core/graph/spec';
import { createTrainingSession } from '../../../core/train/session';
import { defaultSettings, withRegime } from '../../../core/train/settings';
import type { OptimizerSettings, TrainingSettings, Weights } from '../../../core/train/types';
import { expectScalarClose, expectTensorClose } from '../../helpers/reference';

interface LabCase {
  name: string;
  sizes: number[];
  optimizer: OptimizerSettings;
  bceClip: number | null;
  epochs: number;
  initialWeights: Weights;
  expected: { loss: number[]; accuracy: number[]; weights: Weights };
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/lab/per-sample.json', import.meta.url), 'utf8')) as { cases: LabCase[] };

/** Input → fc1 → sig1 → fc2 → sig2 → … with the fixture's layer sizes (its weights are keyed fc1, fc2, …). */
function sigmoidChain(sizes: number[]): ModelSpec {
  const nodes: SpecNode[] = [{ id: nodeId('input'), type: 'Input', params: {} } as SpecNode];
  sizes.slice(1).forEach((units, i) => {
    nodes.push({ id: nodeId(`fc${i + 1}`), type: 'Linear', params: { outFeatures: units } } as SpecNode);
    nodes.push({ id: nodeId(`sig${i + 1}`), type: 'Sigmoid', params: {} } as SpecNode);
  });
  return { nodes, edges: nodes.slice(1).map((n, i) => ({ source: nodes[i].id, target: n.id })) };
}

function run(c: LabCase, change: Partial<TrainingSettings> = {}) {
  const settings: TrainingSettings = { ...withRegime(defaultSettings(), 'perSample'), optimizer: c.optimizer, epochs: c.epochs, bceClip: c.bceClip, ...change };
  const created = createTrainingSession(
    { spec: sigmoidChain(c.sizes), dataset: { kind: 'generator', generator: 'xor', params: {}, seed: 1 }, settings, initialWeights: c.initialWeights },
    { now: () => 0 },
  );
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  const report = created.session.runBatches(Infinity);
  return { session: created.session, report };
}

describe("the lab's per-sample regime against its NumPy loop (test/fixtures/lab)", () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s: losses, accuracies and weights agree to 1e-9', (_name, c) => {
    const { session, report } = run(c);
    // One step per sample: 21 steps an epoch on the 21 XOR points.
    expect(report.batches).toBe(21 * c.epochs);
    const m = session.metrics();
    expect(m).toHaveLength(c.epochs);
    m.forEach((e, i) => {
      expectScalarClose(e.loss, c.expected.loss[i], `epoch ${i + 1} loss`);
      expect(e.accuracy, `epoch ${i + 1} accuracy`).toBeCloseTo(c.expected.accuracy[i], 12);
    });
    const w = session.weights();
    for (const [id, tensors] of Object.entries(c.expected.weights)) {
      for (const [name, t] of Object.entries(tensors)) expectTensorClose(w[id][name].data, t, `${id}.${name}`);
    }
  });

  it('the clip changes the reported loss of saturated outputs and nothing else: the steps (the delta rule) stay the same', () => {
    const c = fixture.cases.find((k) => k.bceClip !== null && k.name.includes('8.0 x randn'))!;
    const clipped = run(c);
    const exact = run(c, { bceClip: null });
    // Outputs below 1e-6 cost at most −log(1e-6) with the clip, far more without it.
    expect(exact.session.metrics()[0].loss).toBeGreaterThan(clipped.session.metrics()[0].loss * 1.01);
    const a = clipped.session.weights();
    const b = exact.session.weights();
    for (const id of Object.keys(a)) for (const name of Object.keys(a[id])) expect(b[id][name].data).toEqual(a[id][name].data);
  });
});
