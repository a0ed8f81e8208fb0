import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GENERATORS, SEED_BOUND, boundText, datasetInputShape, makeDataset, type Dataset, type DatasetSpec, type GeneratorName, type GeneratorParams } from '../../../core/index';

function make(generator: GeneratorName, params: GeneratorParams = {}, seed = 1): Dataset {
  const r = makeDataset({ kind: 'generator', generator, params, seed });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.dataset;
}

function counts(d: Dataset): number[] {
  const c = new Array<number>(d.numClasses).fill(0);
  for (const y of d.y) c[y]++;
  return c;
}

describe('generators are seeded', () => {
  it.each(GENERATORS.filter((g) => g !== 'xor'))('%s: same seed gives the same data, another seed differs', (g) => {
    const a = make(g, {}, 7);
    const b = make(g, {}, 7);
    const c = make(g, {}, 8);
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
    expect(Array.from(c.x)).not.toEqual(Array.from(a.x));
  });

  it.each(GENERATORS)('%s: every feature is finite and every label a class index', (g) => {
    const d = make(g, { noise: 0.5 });
    expect(d.x.length).toBe(d.n * d.inputShape.reduce((a, b) => a * b, 1));
    expect(d.x.every(Number.isFinite)).toBe(true);
    expect(d.y.every((y) => Number.isInteger(y) && y >= 0 && y < d.numClasses)).toBe(true);
    expect(d.classNames).toHaveLength(d.numClasses);
    expect(d.featureNames).toHaveLength(d.inputShape.reduce((a, b) => a * b, 1));
  });
});

describe('xor', () => {
  it("is exactly the lab's 21 points in the lab's order", () => {
    const d = make('xor');
    const pts: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i <= 10; i++) {
      pts.push(0.1 * i, 0.1 * i);
      labels.push(0);
      if (i !== 5) {
        pts.push(0.1 * i, 1 - 0.1 * i);
        labels.push(1);
      }
    }
    expect(d.n).toBe(21);
    expect(Array.from(d.x)).toEqual(pts);
    expect(Array.from(d.y)).toEqual(labels);
    expect(d.inputShape).toEqual([2]);
    expect(d.classNames).toEqual(['0', '1']);
    expect(d.featureNames).toEqual(['x1', 'x2']);
  });

  it('is the same whatever the seed and n when noise is 0', () => {
    expect(Array.from(make('xor', { n: 500 }, 99).x)).toEqual(Array.from(make('xor').x));
  });

  it('jitters the points when noise is set, keeping the labels', () => {
    const d = make('xor', { noise: 0.5 });
    expect(Array.from(d.x)).not.toEqual(Array.from(make('xor').x));
    expect(Array.from(d.y)).toEqual(Array.from(make('xor').y));
  });
});

describe('linear', () => {
  it('draws 100 points in [0,1]² by default, label 1 exactly when x1 < x2', () => {
    const d = make('linear');
    expect(d.n).toBe(100);
    for (let i = 0; i < d.n; i++) {
      const [x1, x2] = [d.x[2 * i], d.x[2 * i + 1]];
      expect(x1 >= 0 && x1 < 1 && x2 >= 0 && x2 < 1).toBe(true);
      expect(d.y[i]).toBe(x1 < x2 ? 1 : 0);
    }
    const [zeros, ones] = counts(d);
    expect(zeros).toBeGreaterThan(25);
    expect(ones).toBeGreaterThan(25);
  });

  it('with noise, some points end up on the other side of the line', () => {
    const d = make('linear', { n: 2000, noise: 1 });
    let crossed = 0;
    for (let i = 0; i < d.n; i++) if ((d.x[2 * i] < d.x[2 * i + 1] ? 1 : 0) !== d.y[i]) crossed++;
    expect(crossed).toBeGreaterThan(0);
  });
});

describe('circle', () => {
  it('is balanced, label 1 inside the inner radius and 0 in the outer ring', () => {
    const d = make('circle', { n: 201 });
    expect(counts(d)).toEqual([101, 100]);
    expect(d.classNames).toEqual(['outside', 'inside']);
    for (let i = 0; i < d.n; i++) {
      const r = Math.hypot(d.x[2 * i], d.x[2 * i + 1]);
      if (d.y[i] === 1) expect(r).toBeLessThanOrEqual(0.45);
      else expect(r >= 0.55 && r <= 1).toBe(true);
    }
  });
});

describe('spiral and gaussian', () => {
  it.each([['spiral'], ['gaussian']] as const)('%s has 3 balanced classes by default and k when asked', (g) => {
    expect(counts(make(g, { n: 300 }))).toEqual([100, 100, 100]);
    const five = make(g, { n: 100, classes: 5 });
    expect(five.numClasses).toBe(5);
    expect(counts(five)).toEqual([20, 20, 20, 20, 20]);
  });

  it('gaussian blobs sit around their centres on the unit circle', () => {
    const d = make('gaussian', { n: 3000, classes: 4 });
    for (let c = 0; c < 4; c++) {
      let sx = 0;
      let sy = 0;
      let m = 0;
      for (let i = 0; i < d.n; i++) if (d.y[i] === c) [sx, sy, m] = [sx + d.x[2 * i], sy + d.x[2 * i + 1], m + 1];
      const MEAN_TOLERANCE = 0.05;
      expect(Math.abs(sx / m - Math.cos((2 * Math.PI * c) / 4))).toBeLessThan(MEAN_TOLERANCE);
      expect(Math.abs(sy / m - Math.sin((2 * Math.PI * c) / 4))).toBeLessThan(MEAN_TOLERANCE);
    }
  });

  it('spiral points lie within the unit disc when noise is 0', () => {
    const d = make('spiral');
    for (let i = 0; i < d.n; i++) expect(Math.hypot(d.x[2 * i], d.x[2 * i + 1])).toBeLessThanOrEqual(1);
  });
});

describe('waves', () => {
  it('makes [1, 32] signals named sine/square/triangle, balanced', () => {
    const d = make('waves');
    expect(d.inputShape).toEqual([1, 32]);
    expect(d.classNames).toEqual(['sine', 'square', 'triangle']);
    expect(d.featureNames[0]).toBe('t0');
    expect(d.featureNames[31]).toBe('t31');
    expect(counts(d)).toEqual([100, 100, 100]);
  });

  it('without noise, square waves take only two levels and sines do not', () => {
    const d = make('waves', { n: 30, noise: 0, length: 64 });
    for (let i = 0; i < d.n; i++) {
      const row = Array.from(d.x.subarray(i * 64, (i + 1) * 64));
      const levels = new Set(row.map((v) => Math.abs(v).toFixed(9)));
      if (d.y[i] === 1) expect(levels.size).toBe(1);
      else expect(levels.size).toBeGreaterThan(2);
    }
  });

  it('honours length and classes, up to sawtooth', () => {
    const d = make('waves', { n: 8, length: 16, classes: 4 });
    expect(d.inputShape).toEqual([1, 16]);
    expect(d.classNames).toEqual(['sine', 'square', 'triangle', 'sawtooth']);
  });
});

describe('generator params are checked', () => {
  it.each([
    [{ n: 0 }, 'dataset.params.n', /n \(number of samples\) is 0: it must be a whole number from 1 to 100000/],
    [{ n: 2.5 }, 'dataset.params.n', /whole number/],
    [{ n: 1e7 }, 'dataset.params.n', /from 1 to 100000/],
    [{ noise: -0.1 }, 'dataset.params.noise', /noise level\) is -0.1: it must be a number from 0 to 1/],
    [{ noise: Number.NaN }, 'dataset.params.noise', /NaN/],
    [{ classes: 1 }, 'dataset.params.classes', /from 2 to 10/],
  ])('rejects %j on spiral with field %s', (params, field, pattern) => {
    const r = makeDataset({ kind: 'generator', generator: 'spiral', params: params as GeneratorParams, seed: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'bad-setting', field });
    expect(r.problems[0].message).toMatch(pattern);
  });

  it('rejects a waves set too big for memory, stating the limit', () => {
    const r = makeDataset({ kind: 'generator', generator: 'waves', params: { n: 100000, length: 4096 }, seed: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/above the limit of 4,000,000/);
  });

  it('rejects an unknown generator and a non-integer seed', () => {
    const r = makeDataset({ kind: 'generator', generator: 'moons' as GeneratorName, params: {}, seed: 0.5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => (p.code === 'bad-setting' ? p.field : p.code))).toEqual(['dataset.generator', 'dataset.seed']);
  });

  it('takes the data seed from the same range as the training seed (SEED_BOUND), and says the range', () => {
    for (const seed of [SEED_BOUND.min, 0, SEED_BOUND.max]) expect(makeDataset({ kind: 'generator', generator: 'circle', params: {}, seed }).ok).toBe(true);
    for (const seed of [SEED_BOUND.max + 1, 2 ** 40, SEED_BOUND.min - 1]) {
      const r = makeDataset({ kind: 'generator', generator: 'circle', params: {}, seed });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0].message).toContain(boundText(SEED_BOUND));
    }
  });

  it('never throws on junk specs', () => {
    for (const junk of [null, 3, 'x', {}, { kind: 'generator' }, { kind: 'generator', generator: 'xor', params: null, seed: 1 }, { kind: 'inline' }, { kind: 'other' }]) {
      const r = makeDataset(junk as never);
      expect(typeof r.ok).toBe('boolean');
    }
  });
});

describe('makeDataset fuzz', () => {
  const nastyKey = fc.oneof(fc.string(), fc.constantFrom('toString', 'valueOf', '__proto__', 'kind', 'generator', 'params', 'seed', 'n', 'features', 'labels'));
  const anything = fc.anything({ key: nastyKey, withBigInt: true });
  const spec = fc.oneof(
    anything,
    fc.record({ kind: fc.constant('generator'), generator: fc.oneof(fc.constantFrom(...GENERATORS), anything), params: fc.oneof(anything, fc.record({ n: fc.oneof(fc.integer({ min: -5, max: 50 }), anything), noise: anything, classes: anything, length: anything })), seed: fc.oneof(fc.integer(), anything) }),
    fc.record({
      kind: fc.constant('inline'),
      name: anything,
      featureNames: fc.oneof(anything, fc.array(fc.string(), { maxLength: 3 })),
      features: fc.oneof(anything, fc.array(fc.array(fc.oneof(fc.double(), anything), { maxLength: 3 }), { maxLength: 5 })),
      labels: fc.oneof(anything, fc.array(fc.oneof(fc.integer({ min: -1, max: 3 }), anything), { maxLength: 5 })),
      classNames: fc.oneof(anything, fc.array(fc.string(), { maxLength: 3 })),
      inputShape: anything,
    }),
  );

  it('never throws and only returns well-formed data', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const r = makeDataset(s as DatasetSpec);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) expect(p.message).not.toMatch(/This is a bug/);
          return;
        }
        const d = r.dataset;
        expect(d.x.length).toBe(d.n * d.inputShape.reduce((a, b) => a * b, 1));
        expect(d.x.every(Number.isFinite)).toBe(true);
        expect(d.y.every((y) => Number.isInteger(y) && y >= 0 && y < d.numClasses)).toBe(true);
        expect(datasetInputShape(s as DatasetSpec)).toEqual(d.inputShape);
      }),
      { numRuns: 500 },
    );
  });
});
