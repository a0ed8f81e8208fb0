import { describe, expect, it } from 'vitest';
import { defaultSettings, regimeOf, stepBatchSize, validateSettings, withBatchSize, withRegime } from '../../../core/train/settings';
import type { TrainingSettings } from '../../../core/train/types';

function withChange(change: (s: TrainingSettings) => void): TrainingSettings {
  const s = defaultSettings();
  change(s);
  return s;
}

function fields(s: TrainingSettings): string[] {
  return validateSettings(s).map((p) => (p.code === 'bad-setting' ? p.field : p.code));
}

describe('training settings', () => {
  it("defaults to the lab's settings, which are valid", () => {
    expect(defaultSettings()).toEqual({
      loss: 'bce',
      optimizer: { type: 'SGD', lr: 0.05 },
      schedule: { type: 'constant' },
      epochs: 5000,
      batchSize: 0,
      testSplit: 0,
      seed: 1,
      init: 'normal',
      clipNorm: null,
      shuffle: true,
    });
    expect(validateSettings(defaultSettings())).toEqual([]);
  });

  it('N4 says "optimizer.lr must be a number above 0 and at most 100" for 0, negative, NaN, Infinity and 1000', () => {
    for (const lr of [0, -0.1, NaN, Infinity, 100.5, 1000, 1e6]) {
      const problems = validateSettings(withChange((s) => (s.optimizer.lr = lr)));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ code: 'bad-setting', field: 'optimizer.lr' });
      expect(problems[0].message).toBe(`optimizer.lr must be a number above 0 and at most 100 (got ${lr}).`);
    }
    expect(validateSettings(withChange((s) => (s.optimizer.lr = 100)))).toEqual([]);
  });

  it('N4 refuses a gamma above 1 (the rate would grow to Infinity) for step and exponential decay', () => {
    for (const gamma of [1.5, 1e308, 0]) {
      for (const schedule of [{ type: 'exponential' as const, gamma }, { type: 'step' as const, stepSize: 10, gamma }]) {
        const problems = validateSettings(withChange((s) => (s.schedule = schedule)));
        expect(problems.map((p) => p.message)).toEqual([`schedule.gamma must be a number above 0 and at most 1 (got ${gamma}).`]);
      }
    }
    expect(validateSettings(withChange((s) => (s.schedule = { type: 'exponential', gamma: 1 })))).toEqual([]);
  });

  it('N4 takes a seed the RNG tells apart: a whole number within ±(2^31 − 1)', () => {
    for (const seed of [2 ** 31, -(2 ** 31), 2 ** 40, 1.5]) {
      expect(validateSettings(withChange((s) => (s.seed = seed))).map((p) => p.message)).toEqual([
        `seed must be a whole number from -2147483647 to 2147483647 (got ${seed}).`,
      ]);
    }
    for (const seed of [0, -5, 2 ** 31 - 1, -(2 ** 31 - 1)]) expect(validateSettings(withChange((s) => (s.seed = seed)))).toEqual([]);
  });


  it('rejects clipNorm ≤ 0, NaN and Infinity, and accepts null or a positive number (N3)', () => {
    for (const c of [0, -1, NaN, Infinity]) expect(fields(withChange((s) => (s.clipNorm = c)))).toEqual(['clipNorm']);
    expect(fields(withChange((s) => (s.clipNorm = 1)))).toEqual([]);
    expect(fields(withChange((s) => (s.clipNorm = null)))).toEqual([]);
  });

  it.each([
    ['epochs', (s: TrainingSettings) => (s.epochs = 0)],
    ['epochs', (s: TrainingSettings) => (s.epochs = 2.5)],
    ['epochs', (s: TrainingSettings) => (s.epochs = 1e6 + 1)],
    ['batchSize', (s: TrainingSettings) => (s.batchSize = -1)],
    ['batchSize', (s: TrainingSettings) => (s.batchSize = 1.5)],
    ['testSplit', (s: TrainingSettings) => (s.testSplit = 0.95)],
    ['testSplit', (s: TrainingSettings) => (s.testSplit = -0.1)],
    ['seed', (s: TrainingSettings) => (s.seed = 0.5)],
    ['init', (s: TrainingSettings) => ((s as { init: string }).init = 'zeros')],
    ['loss', (s: TrainingSettings) => ((s as { loss: string }).loss = 'hinge')],
    ['shuffle', (s: TrainingSettings) => ((s as { shuffle: unknown }).shuffle = 'yes')],
    ['optimizer.momentum', (s: TrainingSettings) => (s.optimizer = { type: 'Momentum', lr: 0.1, momentum: 1 })],
    ['optimizer.alpha', (s: TrainingSettings) => (s.optimizer = { type: 'RMSProp', lr: 0.1, alpha: -0.5, eps: 1e-8 })],
    ['optimizer.eps', (s: TrainingSettings) => (s.optimizer = { type: 'RMSProp', lr: 0.1, alpha: 0.9, eps: 0 })],
    ['optimizer.beta2', (s: TrainingSettings) => (s.optimizer = { type: 'Adam', lr: 0.1, beta1: 0.9, beta2: 1, eps: 1e-8 })],
    ['optimizer.type', (s: TrainingSettings) => ((s.optimizer as { type: string }).type = 'LBFGS')],
    ['schedule.stepSize', (s: TrainingSettings) => (s.schedule = { type: 'step', stepSize: 0, gamma: 0.5 })],
    ['schedule.gamma', (s: TrainingSettings) => (s.schedule = { type: 'exponential', gamma: NaN })],
    ['schedule.minLr', (s: TrainingSettings) => (s.schedule = { type: 'cosine', minLr: 1 })],
  ])('names the field %s when it is out of range', (field, change) => {
    const problems = validateSettings(withChange(change));
    expect(problems.map((p) => (p.code === 'bad-setting' ? p.field : ''))).toEqual([field]);
    expect(problems[0].message.startsWith(field) || problems[0].message.includes(field)).toBe(true);
  });

  it('accepts batchSize 0 (the full batch) and the largest split', () => {
    expect(validateSettings(withChange((s) => ((s.batchSize = 0), (s.testSplit = 0.9))))).toEqual([]);
  });

  it('an explicit update regime and the batch size must agree, or the field to change is named', () => {
    const perSample = withRegime(defaultSettings(), 'perSample');
    expect(perSample).toMatchObject({ regime: 'perSample', batchSize: 1, shuffle: false });
    expect(validateSettings(perSample)).toEqual([]);
    const messages = (s: TrainingSettings) => validateSettings(s).map((p) => (p.code === 'bad-setting' ? `${p.field}: ${p.message}` : p.code));
    expect(messages({ ...perSample, batchSize: 16 })).toEqual([
      'batchSize: batchSize must be 1 with one step per sample (regime perSample; got 16); for larger batches choose the regime miniBatch.',
    ]);
    expect(messages({ ...perSample, shuffle: true })).toEqual([
      'shuffle: shuffle must be false with one step per sample in order (regime perSample); for shuffled single samples choose miniBatch with batchSize 1.',
    ]);
    expect(messages({ ...defaultSettings(), regime: 'fullBatch', batchSize: 8 })[0]).toMatch(/^batchSize: batchSize must be 0 with the full batch/);
    expect(messages({ ...defaultSettings(), regime: 'miniBatch', batchSize: 0 })[0]).toMatch(/^batchSize: batchSize must be at least 1 with mini-batches/);
    expect(messages({ ...defaultSettings(), regime: 'everySecond' as never })[0]).toMatch(/^regime: regime must be one of perSample, miniBatch, fullBatch/);
  });

  it('reads the regime of files written before it existed from their batch size, so they train as before', () => {
    expect(regimeOf(defaultSettings())).toBe('fullBatch');
    expect(regimeOf({ batchSize: 16, shuffle: true })).toBe('miniBatch');
    expect(regimeOf({ batchSize: 1, shuffle: true })).toBe('miniBatch');
    expect(regimeOf({ batchSize: 1, shuffle: false })).toBe('perSample');
    expect(stepBatchSize({ batchSize: 0 }, 21)).toBe(21);
    expect(stepBatchSize({ batchSize: 64 }, 21)).toBe(21);
    expect(stepBatchSize(withRegime(defaultSettings(), 'perSample'), 100)).toBe(1);
  });

  it('switching regime or batch size keeps the settings consistent', () => {
    const mini = withRegime(withRegime(defaultSettings(), 'perSample'), 'miniBatch');
    expect(mini).toMatchObject({ regime: 'miniBatch', batchSize: 16, shuffle: true });
    expect(withRegime({ ...mini, batchSize: 32, shuffle: false }, 'miniBatch')).toMatchObject({ batchSize: 32, shuffle: false });
    expect(withRegime(mini, 'fullBatch')).toMatchObject({ regime: 'fullBatch', batchSize: 0 });
    const per = withRegime(defaultSettings(), 'perSample');
    expect(withBatchSize(per, 8)).toMatchObject({ regime: 'miniBatch', batchSize: 8 });
    expect(withBatchSize(per, 0)).toMatchObject({ regime: 'fullBatch', batchSize: 0 });
    expect(withBatchSize(per, 1)).toMatchObject({ regime: 'perSample', batchSize: 1 });
    expect(withBatchSize(defaultSettings(), 8).regime).toBeUndefined();
    for (const s of [mini, per, withBatchSize(per, 8), withBatchSize(per, 0)]) expect(validateSettings(s)).toEqual([]);
  });

  it("takes the lab's BCE clip (1e-6) and refuses one that is 0, negative or would clip every prediction", () => {
    expect(validateSettings(withChange((s) => (s.bceClip = 1e-6)))).toEqual([]);
    expect(validateSettings(withChange((s) => (s.bceClip = null)))).toEqual([]);
    for (const c of [0, -1e-6, 0.5, NaN]) expect(fields(withChange((s) => (s.bceClip = c)))).toEqual(['bceClip']);
  });

  it('reports a missing optimizer and schedule instead of throwing', () => {
    const s = { ...defaultSettings(), optimizer: null, schedule: undefined } as unknown as TrainingSettings;
    expect(fields(s)).toEqual(['optimizer', 'schedule']);
    expect(fields(null as unknown as TrainingSettings)).toEqual(['settings']);
  });
});
