// The gradient the inspector shows for each weight: the engine's full-batch gradient over the
// training split, checked against the reference network case on the same 21-point XOR data.
import { describe, expect, it } from 'vitest';
import { nodeId, trainingGradients, type TensorJson, type Weights } from '../../../core/index';
import { DEFAULT_VECTORS_DIR, expectScalarClose, expectTensorClose, loadVectorFiles } from '../../helpers/reference';
import { chainSpec, type ChainLink } from '../../helpers/specs';

interface RefCase {
  name: string;
  layers: { type: string; params: Record<string, number>; weights?: Record<string, TensorJson> }[];
  input: TensorJson;
  expected: { loss: number; gradParams: (Record<string, TensorJson> | null)[] };
}

const ref = (loadVectorFiles(DEFAULT_VECTORS_DIR).find((f) => f.file === 'networks.json')!.cases as unknown as RefCase[]).find((c) => c.name === 'mlp-sigmoid-bce-xor')!;

describe('training gradients for the inspector', () => {
  it("equal the reference network's loss and gradients on the lab's XOR data (all 21 samples, full batch)", () => {
    const spec = chainSpec(ref.layers.map((l): ChainLink => (l.type === 'Linear' ? ['Linear', { outFeatures: l.params.outFeatures }] : [l.type as 'Sigmoid'])));
    const weights: Weights = {};
    ref.layers.forEach((l, i) => {
      if (l.weights) weights[nodeId(`n${i + 1}`)] = l.weights;
    });
    const settings = { loss: 'bce' as const, optimizer: { type: 'SGD' as const, lr: 0.1 }, schedule: { type: 'constant' as const }, epochs: 1, batchSize: 0, testSplit: 0, seed: 1, init: 'normal' as const, clipNorm: null, shuffle: false };
    const r = trainingGradients({ spec, dataset: { kind: 'generator', generator: 'xor', params: {}, seed: 1 }, settings, initialWeights: weights });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.n).toBe(21);
    expect(r.of).toBe(21);
    expectScalarClose(r.loss, ref.expected.loss, 'loss');
    ref.expected.gradParams.forEach((g, i) => {
      if (!g) return;
      for (const name of Object.keys(g)) {
        expectTensorClose(r.params[`n${i + 1}`][name].grad, g[name], `layer ${i} ${name}`);
        expect(Array.from(r.params[`n${i + 1}`][name].value)).toEqual(ref.layers[i].weights![name].data);
      }
    });
  });

  it('takes at most the given number of samples and reports problems as values', () => {
    const spec = chainSpec([['Linear', { outFeatures: 3 }], ['Sigmoid'], ['Linear', { outFeatures: 1 }], ['Sigmoid']]);
    const settings = { loss: 'bce' as const, optimizer: { type: 'SGD' as const, lr: 0.1 }, schedule: { type: 'constant' as const }, epochs: 1, batchSize: 0, testSplit: 0.25, seed: 1, init: 'normal' as const, clipNorm: null, shuffle: false };
    const r = trainingGradients({ spec, dataset: { kind: 'generator', generator: 'circle', params: { n: 100 }, seed: 1 }, settings, initialWeights: null }, 10);
    if (!r.ok) throw new Error('no gradients');
    expect(r.n).toBe(10);
    expect(r.of).toBe(75);
    const bad = trainingGradients({ spec, dataset: { kind: 'generator', generator: 'circle', params: { n: 100 }, seed: 1 }, settings: { ...settings, epochs: 0 }, initialWeights: null });
    expect(bad.ok).toBe(false);
  });
});
