// F4: NaN and Infinity never slip through silently, in either direction.
import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject, exportWeights } from '../../../core/index';
import { exampleText, loadOk, english } from './helpers';

const trainedXor = () => {
  const p = loadOk(exampleText('xor'));
  p.weights = { fc1: { weight: { shape: [32, 2], data: Array.from({ length: 64 }, (_, i) => i / 64) }, bias: { shape: [32], data: new Array(32).fill(0) } } };
  return p;
};

describe('non-finite numbers (F4)', () => {
  it.each([
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('F4 refuses to save a weight that is %s, naming the weight', (bad, shown) => {
    const p = trainedXor();
    p.weights!.fc1.weight.data[3] = bad;
    expect(english(serializeProject(p))).toEqual({ ok: false, message: `Weight fc1.weight[3] is ${shown}; the project is not saved` });
  });

  it('F4 refuses to export weights with NaN, naming the weight', () => {
    const p = trainedXor();
    p.weights!.fc1.bias.data[7] = NaN;
    expect(english(exportWeights(p))).toEqual({ ok: false, message: 'Weight fc1.bias[7] is NaN; the weights are not exported' });
  });

  it('F4 refuses to save NaN anywhere else too, with its path', () => {
    const p = loadOk(exampleText('xor'));
    p.graph.nodes[2].position.x = NaN;
    const r = serializeProject(p);
    expect(english(r)).toEqual({ ok: false, message: 'graph.nodes[2].position.x: NaN is not allowed; every number must be finite; the project is not saved' });
  });

  it('F4 refuses 1e400 in a file, which JSON.parse would turn into Infinity', () => {
    const r = parseProject(exampleText('xor').replace('"lr": 0.05', '"lr": 1e400'));
    expect(english(r)).toEqual({ ok: false, more: 0, problems: [{ path: 'training.optimizer.lr', message: 'Number 1e400 is too large to store (it would become Infinity)' }] });
  });

  it('F4 refuses -1e400 in a weight array with its index', () => {
    const doc = exampleText('xor').replace('"weights": null', '"weights": { "fc1": { "bias": { "shape": [3], "data": [0, -1e400, 1] } } }');
    const r = parseProject(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(english(r.problems[0])).toEqual({ path: 'weights.fc1.bias.data[1]', message: 'Number -1e400 is too large to store (it would become Infinity)' });
  });

  it('F4 refuses null in a numeric slot with its path', () => {
    const r = parseProject(exampleText('xor').replace('"epochs": 5000', '"epochs": null'));
    expect(english(r)).toEqual({ ok: false, more: 0, problems: [{ path: 'training.epochs', message: 'Invalid input: expected number, received null' }] });
  });

  it('F4 refuses null inside a weight array with its index', () => {
    const doc = exampleText('xor').replace('"weights": null', '"weights": { "fc1": { "bias": { "shape": [2], "data": [0, null] } } }');
    const r = parseProject(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(english(r.problems[0])).toEqual({ path: 'weights.fc1.bias.data[1]', message: 'Invalid input: expected number, received null' });
  });

  it('writes -0 as 0', () => {
    const p = trainedXor();
    p.weights!.fc1.weight.data[0] = -0;
    const r = serializeProject(p);
    expect(r.ok && r.text.includes('"data": [0,0.015625')).toBe(true);
  });
});
