// A weights file read back as starting weights: what Export weights writes comes back tensor
// for tensor, and a file for another network or with a bad number is refused, saying where.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportWeights, initialWeightsOf, initialWeightsMismatch, parseProject, projectToSpec, readWeightsFile, type Project } from '../../../core/index';
import { english } from '../../helpers/said';

function xor(): Project {
  const r = parseProject(readFileSync(new URL('../../../examples/xor.bpnn', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('examples/xor.bpnn does not parse');
  return r.project;
}

describe('reading a weights file (docs/weights.md)', () => {
  it('gives back exactly the tensors Export weights wrote, and they fit the network they came from', () => {
    const p = xor();
    const init = initialWeightsOf({ spec: projectToSpec(p), dataset: p.dataset, settings: p.training });
    if (!init.ok) throw new Error('no initial weights');
    const exported = exportWeights({ ...p, weights: init.weights });
    if (!exported.ok) throw new Error(exported.message);
    const read = readWeightsFile(exported.text);
    expect(read).toEqual({ ok: true, weights: init.weights });
    expect(initialWeightsMismatch({ spec: projectToSpec(p), dataset: p.dataset }, init.weights)).toBeNull();
  });

  it('names a missing node, an extra node and a tensor of the wrong shape', () => {
    const p = xor();
    const init = initialWeightsOf({ spec: projectToSpec(p), dataset: p.dataset, settings: p.training });
    if (!init.ok) throw new Error('no initial weights');
    const req = { spec: projectToSpec(p), dataset: p.dataset };
    const { fc3, ...noFc3 } = init.weights;
    expect(initialWeightsMismatch(req, noFc3)).toBe("it has no weights for Linear node 'fc3'; it was written for another network");
    expect(initialWeightsMismatch(req, { ...init.weights, fc9: fc3 })).toBe("it has weights for node 'fc9', which this project's network does not have");
    const wrong = { ...init.weights, fc3: { ...fc3, bias: { shape: [2], data: [0, 0] } } };
    expect(initialWeightsMismatch(req, wrong)).toBe("its bias of 'fc3' has shape [2], but this project's Linear node 'fc3' needs [1]");
  });

  it('refuses text that is not a weights file, and tensors whose numbers do not fit their shape', () => {
    expect(readWeightsFile('{')).toMatchObject({ ok: false, message: expect.stringMatching(/^it is not valid JSON/) });
    expect(readWeightsFile('{"format":"bpnn-project"}')).toMatchObject({ ok: false, message: expect.stringMatching(/^it is not a weights file/) });
    const doc = (data: unknown[]) => JSON.stringify({ format: 'bpnn-weights', version: 1, layers: [{ node: 'fc1', weights: { weight: { shape: [1, 2], data } } }] });
    expect(english(readWeightsFile(doc([1])))).toEqual({ ok: false, message: 'layers[0].weights.weight has 1 number but its shape [1, 2] needs 2' });
    expect(english(readWeightsFile(doc([1, null])))).toEqual({ ok: false, message: 'layers[0].weights.weight.data[1] is null, not a finite number' });
    const proto = '{"format":"bpnn-weights","version":1,"layers":[{"node":"fc1","weights":{"__proto__":{"shape":[1],"data":[1]}}}]}';
    expect(readWeightsFile(proto)).toMatchObject({ ok: false });
  });
});
