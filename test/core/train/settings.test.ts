import { describe, expect, it } from 'vitest';
import { defaultSettings, validateSettings } from '../../../core/train/settings';
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

  it('says "lr must be a finite number > 0" for 0, negative, NaN and Infinity (N4)', () => {
    for (const lr of [0, -0.1, NaN, Infinity]) {
      const problems = validateSettings(withChange((s) => (s.optimizer.lr = lr)));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ code: 'bad-setting', field: 'optimizer.lr' });
      expect(problems[0].message).toContain('lr must be a finite number > 0');
      expect(problems[0].message).toContain(String(lr));
    }
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

  it('reports a missing optimizer and schedule instead of throwing', () => {
    const s = { ...defaultSettings(), optimizer: null, schedule: undefined } as unknown as TrainingSettings;
    expect(fields(s)).toEqual(['optimizer', 'schedule']);
    expect(fields(null as unknown as TrainingSettings)).toEqual(['settings']);
  });
});
