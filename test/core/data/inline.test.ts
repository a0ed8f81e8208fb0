import { describe, expect, it } from 'vitest';
import { datasetInputShape, makeDataset, type DatasetSpec, type TrainProblem } from '../../../core/index';

type Inline = Extract<DatasetSpec, { kind: 'inline' }>;

const base = (over: Partial<Inline> = {}): Inline => ({
  kind: 'inline',
  name: 'points.csv',
  featureNames: ['x1', 'x2', 'x3'],
  features: [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
  labels: [0, 1, 0],
  classNames: ['a', 'b'],
  ...over,
});

function problemsOf(spec: DatasetSpec): TrainProblem[] {
  const r = makeDataset(spec);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('inline datasets', () => {
  it('turns rows into flat float64 data with the class count', () => {
    const r = makeDataset(base());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(Array.from(r.dataset.x)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(r.dataset.y)).toEqual([0, 1, 0]);
    expect(r.dataset).toMatchObject({ n: 3, inputShape: [3], numClasses: 2, classNames: ['a', 'b'] });
    expect(r.warnings).toEqual([]);
  });

  it('N4: names the row and column of a NaN ("Row 17, column \'x3\' is not a number")', () => {
    const features = Array.from({ length: 20 }, () => [1, 2, 3]);
    features[16] = [1, 2, Number.NaN];
    const [p] = problemsOf(base({ features, labels: new Array(20).fill(0) }));
    expect(p).toMatchObject({ code: 'bad-data', row: 17, column: 'x3' });
    expect(p.message).toMatch(/^Row 17, column 'x3' is not a number/);
  });

  it('N4: names a string cell', () => {
    const [p] = problemsOf(base({ features: [[1, 2, 3], [4, 'five' as unknown as number, 6], [7, 8, 9]] }));
    expect(p).toMatchObject({ row: 2, column: 'x2' });
  });

  it('N4: names a label outside the class range', () => {
    const [p] = problemsOf(base({ labels: [0, 2, 0] }));
    expect(p).toMatchObject({ code: 'bad-data', row: 2 });
    expect(p.message).toBe('Row 2 has label 2, but the classes are numbered 0 to 1: fix the label.');
  });

  it('N4: features around 1e6 give a non-blocking warning suggesting normalization', () => {
    const r = makeDataset(base({ features: [[1, 2e6, 3], [4, 1.5e6, 6], [7, 8, 9]] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].message).toMatch(/'x2' reaches 2\.0e\+6.*Normalize the data/);
  });

  it('reports ragged rows and a label count that differs from the row count', () => {
    const ps = problemsOf(base({ features: [[1, 2, 3], [4, 5]], labels: [0] }));
    expect(ps.map((p) => p.message)).toEqual([
      'The dataset has 2 rows but 1 labels: every row needs exactly one label.',
      'Row 2 has 2 values, but the data has 3 feature columns: every row needs one value per column.',
    ]);
  });

  it('reports no rows, and too many', () => {
    expect(problemsOf(base({ features: [], labels: [] }))[0].message).toMatch(/no rows/);
    const many = Array.from({ length: 100_001 }, () => [0]);
    expect(problemsOf(base({ featureNames: ['x'], features: many, labels: many.map(() => 0) }))[0].message).toMatch(/limit of 100000/);
  });

  it('checks a declared signal shape against the columns', () => {
    const r = makeDataset(base({ featureNames: ['t0', 't1', 't2', 't3'], features: [[1, 2, 3, 4]], labels: [0], inputShape: [2, 2] }));
    expect(r.ok && r.dataset.inputShape).toEqual([2, 2]);
    expect(problemsOf(base({ inputShape: [2, 2] }))[0].message).toMatch(/input shape \[2, 2\] does not match its 3 feature columns/);
  });

  it('warns about a class no row has and about a single class', () => {
    const r1 = makeDataset(base({ classNames: ['a', 'b', 'c'] }));
    expect(r1.ok && r1.warnings[0].message).toMatch(/No row has class 'c'/);
    const r2 = makeDataset(base({ labels: [0, 0, 0], classNames: ['a'] }));
    expect(r2.ok && r2.warnings[0].message).toMatch(/only one class/);
  });
});

describe('datasetInputShape', () => {
  it('gives the shape without generating the data', () => {
    expect(datasetInputShape({ kind: 'generator', generator: 'xor', params: {}, seed: 1 })).toEqual([2]);
    expect(datasetInputShape({ kind: 'generator', generator: 'waves', params: {}, seed: 1 })).toEqual([1, 32]);
    expect(datasetInputShape({ kind: 'generator', generator: 'waves', params: { length: 64 }, seed: 1 })).toEqual([1, 64]);
    expect(datasetInputShape(base())).toEqual([3]);
    expect(datasetInputShape(base({ inputShape: [1, 3] }))).toEqual([1, 3]);
  });

  it('matches what makeDataset produces for every generator', () => {
    for (const generator of ['linear', 'xor', 'circle', 'spiral', 'gaussian', 'waves'] as const) {
      const spec: DatasetSpec = { kind: 'generator', generator, params: { n: 10, length: 16 }, seed: 3 };
      const r = makeDataset(spec);
      expect(r.ok && r.dataset.inputShape).toEqual(datasetInputShape(spec));
    }
  });
});
