// `bpnn predict` never prints NaN, `bpnn validate` reports what `train` and `predict` would
// refuse, and every way in (a project file, an option, a sweep value) refuses a setting out of
// range with a message naming it and the range (docs/reliability.md N4).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTrainingSession, parseProject, projectToSpec, serializeProject } from '../../core/index';
import { bpnn, expectOneLineError, tempDir, writeTemp } from './run';

const xorText = readFileSync('examples/xor.bpnn', 'utf8');

/** examples/xor.bpnn with one training setting changed, in a temp folder. */
function xorWith(key: 'seed' | 'lr', value: number): string {
  const doc = JSON.parse(xorText);
  if (key === 'lr') doc.training.optimizer.lr = value;
  else doc.training.seed = value;
  return writeTemp(tempDir(), `${key}.bpnn`, JSON.stringify(doc));
}

/** examples/xor.bpnn with trained weights, written to a temp folder (trained here, not by a child process). */
function trainedXor(epochs: number, change?: (doc: { graph: { nodes: { id: string; params: Record<string, unknown> }[] } }) => void): string {
  const parsed = parseProject(xorText);
  if (!parsed.ok) throw new Error('xor');
  const p = parsed.project;
  const r = createTrainingSession({ spec: projectToSpec(p), dataset: p.dataset, settings: { ...p.training, epochs } }, { now: () => 0 });
  if (!r.ok) throw new Error('session');
  r.session.runBatches(Infinity);
  const saved = serializeProject({ ...p, weights: r.session.weights() });
  if (!saved.ok) throw new Error(saved.message);
  const doc = JSON.parse(saved.text);
  change?.(doc);
  return writeTemp(tempDir(), 'trained.bpnn', JSON.stringify(doc));
}

describe('bpnn predict on points far outside the training data', () => {
  it('N4 names the row whose output is not finite, and prints no NaN', () => {
    const points = writeTemp(tempDir(), 'points.csv', 'x1,x2\n0.1,0.9\n1e308,-1e308\n');
    // Fully trained, its weights are large enough that 1e308 times them overflows: Infinity − Infinity is NaN.
    const r = bpnn(['predict', trainedXor(5000), '--input', points]);
    expectOneLineError(
      r,
      1,
      /points\.csv: row 3: the network's output is not finite \(NaN\): the inputs 1e\+308, -1e\+308 are far outside the range it was trained on \(-?[\d.]+ to [\d.]+\); scale them like the training data$/,
      expect,
    );
    expect(r.stdout).toBe('');
  });
});

describe('bpnn validate and stored weights', () => {
  it('reports weights for 32 hidden units when the graph now says 16, naming the node and the shapes, as train does', () => {
    const path = trainedXor(20, (doc) => {
      doc.graph.nodes.find((n) => n.id === 'fc1')!.params.outFeatures = 16;
    });
    const v = bpnn(['validate', path]);
    expect(v.code).toBe(1);
    expect(v.lines).toContain(
      "weights.fc1: The stored weight of Linear node 'fc1' has shape [32, 2] but the network needs [16, 2]; the layer changed since training, so reset the weights.",
    );
    expect(v.lines.some((l) => l.startsWith("weights.fc2: The stored weight of Linear node 'fc2' has shape [32, 32] but the network needs [32, 16]"))).toBe(true);
    expect(v.lines).not.toContain('ok');
    // The same check, the same words, as `bpnn train` refuses it with.
    expectOneLineError(bpnn(['train', path]), 1, /weights\.fc1: The stored weight of Linear node 'fc1' has shape \[32, 2\] but the network needs \[16, 2\]/, expect);
  });

  it('says ok for a trained project whose weights fit', () => {
    expect(bpnn(['validate', trainedXor(20)]).lines).toEqual(expect.arrayContaining(['ok']));
  });
});

describe('one set of bounds at every way in (N4)', () => {
  it('a learning rate of 1000: the project file, a sweep value', () => {
    expect(bpnn(['validate', xorWith('lr', 1000)]).lines[0]).toBe('training.optimizer.lr: optimizer.lr must be a number above 0 and at most 100 (got 1000).');
    expectOneLineError(bpnn(['sweep', 'examples/xor.bpnn', '--vary', 'lr=0.05,1000']), 2, /--vary lr: value 2: A learning rate must be a number above 0 and at most 100 \(got '1000'\)\.$/, expect);
  });

  it('a seed of 2^31: the project file, the --seed option, a sweep value', () => {
    expect(bpnn(['validate', xorWith('seed', 2 ** 31)]).lines[0]).toBe('training.seed: seed must be a whole number from -2147483647 to 2147483647 (got 2147483648).');
    expectOneLineError(bpnn(['train', 'examples/xor.bpnn', '--seed', '2147483648']), 2, /--seed must be a whole number from -2147483647 to 2147483647, not '2147483648'\.$/, expect);
    expectOneLineError(bpnn(['sweep', 'examples/xor.bpnn', '--vary', 'seed=1,2147483648']), 2, /A seed must be a whole number from -2147483647 to 2147483647 \(got '2147483648'\)\.$/, expect);
  });

  it('--epochs reads plain decimals only: 0x10 is not 16', () => {
    expectOneLineError(bpnn(['train', 'examples/xor.bpnn', '--epochs', '0x10']), 2, /--epochs must be a whole number from 1 to 1000000, not '0x10'\.$/, expect);
  });
});
