// F3: the schema is strict and every error carries a JSON path; at most 20 are listed.
import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS_SHOWN, parseProject, serializeProject, validateSettings } from '../../../core/index';
import { exampleText, goldenText, loadOk, english } from './helpers';

const problemsOf = (text: string) => {
  const r = parseProject(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r;
};

describe('strict schema with paths (F3)', () => {
  it('accepts the golden v1 file, which uses every part of the format', () => {
    const p = loadOk(goldenText());
    expect(p.graph.nodes).toHaveLength(11);
    expect(p.runs[1].result.diverged?.where).toEqual({ kind: 'gradient', nodeId: 'fc1', tensor: 'weight' });
  });

  it('F3 names a wrong type with its path and expectation', () => {
    const r = problemsOf(exampleText('xor').replace('"outFeatures": 32', '"outFeatures": "32"'));
    expect(english(r.problems)).toEqual([{ path: 'graph.nodes[1].params.outFeatures', message: expect.stringContaining('Invalid input') }]);
  });

  it('F3 names a missing field', () => {
    const r = problemsOf(exampleText('xor').replace('"epochs": 5000,', ''));
    expect(english(r.problems)).toEqual([{ path: 'training.epochs', message: 'Invalid input: expected number, received undefined' }]);
  });

  it('F3 names an unknown key and where it is', () => {
    const r = problemsOf(exampleText('xor').replace('"seed": 1,\n    "init"', '"seed": 1,\n    "extraKey": true,\n    "init"'));
    expect(english(r.problems)).toEqual([{ path: 'training', message: 'Unrecognized key: "extraKey"' }]);
  });

  it('F3 names an unknown optimizer with the allowed ones', () => {
    const r = problemsOf(exampleText('xor').replace('"type": "SGD"', '"type": "Adagrad"'));
    expect(r.problems[0].path).toBe('training.optimizer.type');
    expect(r.problems[0].message).toContain("'SGD' | 'Momentum' | 'RMSProp' | 'Adam'");
  });

  it('F3 refuses a dangling edge, naming the edge and the missing node', () => {
    const r = problemsOf(exampleText('xor').replace('"target": "fc1"', '"target": "fc9"'));
    expect(english(r.problems)).toEqual([{ path: 'graph.edges[0].target', message: "Edge 'input-fc1' points at node 'fc9', which does not exist" }]);
  });

  it('refuses duplicate node ids and tensors whose data does not fit their shape', () => {
    const doc = JSON.parse(exampleText('xor'));
    doc.graph.nodes[2].id = 'fc1';
    doc.weights = { ghost: { weight: { shape: [1], data: [0] } }, fc1: { weight: { shape: [2, 2], data: [1, 2, 3] } } };
    const r = problemsOf(JSON.stringify(doc));
    expect(english(r.problems)).toContainEqual({ path: 'graph.nodes[2].id', message: "Duplicate node id 'fc1' (graph.nodes[1] has it too); give every node its own id" });
    expect(english(r.problems)).toContainEqual({ path: 'weights["fc1"]["weight"].data', message: 'Shape [2, 2] needs 4 numbers but data has 3' });
  });

  it('drops the weights of nodes no longer in the graph instead of refusing the project', () => {
    const doc = JSON.parse(exampleText('xor'));
    doc.weights = { ghost: { weight: { shape: [1], data: [0] } }, fc3: { bias: { shape: [1], data: [0.5] } } };
    const p = loadOk(JSON.stringify(doc));
    expect(p.weights).toEqual({ fc3: { bias: { shape: [1], data: [0.5] } } });
    const saved = serializeProject({ ...p, weights: { ...p.weights, deleted: { weight: { shape: [1], data: [1] } } } });
    expect(saved.ok && JSON.parse(saved.text).weights).toEqual({ fc3: { bias: { shape: [1], data: [0.5] } } });
  });

  it('refuses ragged inline data and labels without a class name', () => {
    const doc = JSON.parse(goldenText());
    doc.dataset.features[1] = [1, 2];
    doc.dataset.labels[3] = 5;
    const r = problemsOf(JSON.stringify(doc));
    expect(english(r.problems)).toContainEqual({ path: 'dataset.features[1]', message: 'Row has 2 numbers but every row needs 4' });
    expect(english(r.problems)).toContainEqual({ path: 'dataset.labels[3]', message: 'Label 5 has no class name (classNames has 2)' });
  });

  it('F3 lists 20 of 10 000 errors and counts the other 9 980', () => {
    const doc = JSON.parse(exampleText('xor'));
    doc.graph.nodes = Array.from({ length: 10_000 }, (_, i) => ({ id: `n${i}`, type: 'Dense', params: {}, position: { x: 0, y: 0 } }));
    doc.graph.edges = [];
    const r = problemsOf(JSON.stringify(doc));
    expect(r.problems).toHaveLength(MAX_PROBLEMS_SHOWN);
    expect(r.more).toBe(9_980);
    expect(r.problems[19].path).toBe('graph.nodes[19].type');
  });

  it('F3 counts every bad number in a huge weight array without listing them all', () => {
    const doc = JSON.parse(exampleText('xor'));
    doc.weights = { fc1: { weight: { shape: [100_000], data: Array.from({ length: 100_000 }, () => 'x') } } };
    const r = problemsOf(JSON.stringify(doc));
    expect(r.problems.length + r.more).toBe(100_000);
    expect(english(r.problems[0])).toEqual({ path: 'weights.fc1.weight.data[0]', message: 'Invalid input: expected number, received string' });
  });

  it('refuses something that is not a project, saying what it is', () => {
    expect(problemsOf('[1, 2]').problems[0].message).toContain('not an array');
    expect(english(problemsOf('{"format": "something-else", "version": 1}').problems)).toEqual([{ path: 'format', message: 'This is not a BPNN Studio project: "format" must be "bpnn-project"' }]);
  });
});

describe('hostile text in problems (F8)', () => {
  it('F8 keeps a hostile key as plain text in the message', () => {
    const r = problemsOf(exampleText('xor').replace('"seed": 1,\n    "init"', '"seed": 1,\n    "<img src=x onerror=alert(1)>": 1,\n    "init"'));
    expect(english(r.problems)).toEqual([{ path: 'training', message: 'Unrecognized key: "<img src=x onerror=alert(1)>"' }]);
  });

  it('F8 cuts a huge key down in both the path and the message', () => {
    const key = 'k'.repeat(500_000);
    const r = problemsOf(exampleText('xor').replace('"outFeatures": 32', `"outFeatures": 32, "${key}": "x"`));
    expect(r.problems[0].path.length).toBeLessThan(120);
    expect(r.problems[0].message.length).toBeLessThanOrEqual(300);
  });
});

describe('values mid-edit', () => {
  it('saves and loads settings out of range (epochs 0, lr −1, testSplit 1.5) and leaves them to the pre-training check', () => {
    const p = loadOk(exampleText('spiral-softmax'));
    p.training = { ...p.training, epochs: 0, testSplit: 1.5, seed: 2.5, optimizer: { type: 'Adam', lr: -1, beta1: 0.9, beta2: 0.999, eps: 1e-8 } };
    const saved = serializeProject(p);
    expect(saved.ok).toBe(true);
    if (saved.ok) expect(loadOk(saved.text).training).toEqual(p.training);
    expect(validateSettings(p.training).length).toBeGreaterThan(0);
  });
});
