import { describe, expect, it } from 'vitest';
import { checkLossFit, compileModel, type CompiledModel, type ModelSpec } from '../../../core/index';
import { chain, LAB_XOR, type NodeDef } from './chain';

function compiled(spec: ModelSpec, inputShape: number[] = [2]): CompiledModel {
  const r = compileModel(spec, inputShape);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.model;
}

const IN: NodeDef = ['in', 'Input'];
const softmax3 = compiled(chain(IN, ['fc', 'Linear', { outFeatures: 3 }], ['softmax1', 'Softmax']));
const linear1 = compiled(chain(IN, ['fc', 'Linear', { outFeatures: 1 }]));
const xorNet = compiled(LAB_XOR);

describe('checkLossFit', () => {
  it('accepts the lab network with BCE on two classes', () => {
    expect(checkLossFit(xorNet, 'bce', 2)).toEqual([]);
  });

  it('rejects BCE after a 3-way Softmax and says what to use instead', () => {
    const problems = checkLossFit(softmax3, 'bce', 2);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'loss-mismatch', nodeId: 'softmax1' });
    expect(problems[0].message).toBe(
      "Binary cross-entropy needs one Sigmoid output, but 'softmax1' outputs 3 classes: use cross-entropy, or end with Linear(1) + Sigmoid.",
    );
  });

  it('rejects BCE on one output without a Sigmoid', () => {
    const [p] = checkLossFit(linear1, 'bce', 2);
    expect(p.code).toBe('loss-mismatch');
    expect(p.message).toMatch(/last layer is Linear 'fc': add a Sigmoid after it/);
  });

  it('rejects BCE when the data has more than two classes, naming the count', () => {
    const problems = checkLossFit(xorNet, 'bce', 3);
    expect(problems.map((p) => p.code)).toEqual(['labels-mismatch']);
    expect(problems[0].message).toMatch(/handles 2 classes, but the data has 3/);
  });

  it('accepts cross-entropy after a Softmax with one output per class', () => {
    expect(checkLossFit(softmax3, 'crossEntropy', 3)).toEqual([]);
  });

  it('reports more classes in the data than outputs, naming both numbers and the layer to resize', () => {
    const problems = checkLossFit(softmax3, 'crossEntropy', 5);
    expect(problems.map((p) => p.code)).toEqual(['labels-mismatch']);
    expect(problems[0].message).toBe("The data has 5 classes, but the network gives only 3 outputs: set Linear 'fc' outFeatures to 5.");
  });

  it('reports more outputs than classes', () => {
    const [p] = checkLossFit(softmax3, 'crossEntropy', 2);
    expect(p.code).toBe('labels-mismatch');
    expect(p.message).toMatch(/gives 3 outputs, but the data has only 2 classes/);
  });

  it('rejects cross-entropy without a Softmax at the end', () => {
    const problems = checkLossFit(xorNet, 'crossEntropy', 1);
    expect(problems.map((p) => p.code)).toEqual(['loss-mismatch']);
    expect(problems[0].message).toMatch(/needs class probabilities from a Softmax, but the last layer is Sigmoid 's3'/);
  });

  it('accepts MSE with one output for two classes or one output per class', () => {
    expect(checkLossFit(linear1, 'mse', 2)).toEqual([]);
    expect(checkLossFit(softmax3, 'mse', 3)).toEqual([]);
  });

  it('rejects MSE when outputs fit neither rule', () => {
    const [p] = checkLossFit(softmax3, 'mse', 2);
    expect(p.code).toBe('labels-mismatch');
    expect(p.message).toMatch(/needs 1 output \(for 2 classes\) or one per class \(2 here\): set Linear 'fc' outFeatures to 1/);
  });

  it('rejects a network that ends in a signal, asking for Flatten and Linear', () => {
    const conv = compiled(chain(IN, ['c', 'Conv1d', { outChannels: 3, kernelSize: 3 }]), [1, 8]);
    const [p] = checkLossFit(conv, 'crossEntropy', 3);
    expect(p).toMatchObject({ code: 'loss-mismatch', nodeId: 'c' });
    expect(p.message).toMatch(/add a Flatten and a Linear of 3 outputs/);
  });

  it('rejects a class count that is not a positive whole number', () => {
    expect(checkLossFit(xorNet, 'bce', Number.NaN).map((p) => p.code)).toEqual(['labels-mismatch']);
  });
});
