// Pure helpers behind the training and dataset panels' forms.
import { describe, expect, it } from 'vitest';
import { checkNumber } from '../../../renderer/training/fields';
import { i18next } from '../../../renderer/i18n';
import { formatDuration, switchOptimizer, switchSchedule } from '../../../renderer/training/settings-edit';
import { csvProblemLine, setGeneratorParam, switchGenerator } from '../../../renderer/data/dataset-edit';

describe('number fields', () => {
  it('accepts numbers inside the rule and refuses the rest with a reason', () => {
    expect(checkNumber(' 0.05 ', { min: 0, max: 1, exclusiveMin: true })).toEqual({ ok: true, value: 0.05 });
    expect(checkNumber('0', { min: 0, max: 1, exclusiveMin: true }, 'Gamma')).toEqual({ ok: false, message: 'Gamma must be a number above 0 and at most 1.' });
    expect(checkNumber('2.5', { min: 1, max: 10, integer: true }, 'Epochs')).toEqual({ ok: false, message: 'Epochs must be a whole number from 1 to 10.' });
    expect(checkNumber('abc', { min: 0, max: 1 }, 'Noise')).toEqual({ ok: false, message: "'abc' is not a number: Noise must be a number from 0 to 1." });
    expect(checkNumber('1e400', { min: 0, max: 1 }, 'Noise')).toEqual({ ok: false, message: "'1e400' is too large: Noise must be a number from 0 to 1." });
  });

  it('N4 reads plain decimal numbers only, as the inspector does: 0x10 is not 16, an empty field is not 0', () => {
    for (const text of ['0x10', '0b1', 'Infinity', '1,5', '1_000']) {
      expect(checkNumber(text, { min: 0, max: 100 }, 'Seed')).toEqual({ ok: false, message: `'${text}' is not a number: Seed must be a number from 0 to 100.` });
    }
    expect(checkNumber('.5', { min: 0, max: 1 })).toEqual({ ok: true, value: 0.5 });
  });

  it('says why in Chinese when the app is in Chinese, the range included', async () => {
    await i18next.changeLanguage('zh-TW');
    try {
      expect(checkNumber('abc', { min: 0, max: 1 }, '雜訊')).toEqual({ ok: false, message: '「abc」不是數字：雜訊必須是介於 0 到 1 之間的數。' });
      expect(checkNumber('2.5', { min: 1, max: 10, integer: true }, '訓練週期數（Epochs）')).toEqual({ ok: false, message: '訓練週期數（Epochs）必須是介於 1 到 10 之間的整數。' });
      expect(checkNumber(' ', { min: 0, max: 1 })).toEqual({ ok: false, message: '這個值是空的：請輸入介於 0 到 1 之間的數。' });
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it('turns an empty optional field into null (e.g. clipping off) and refuses an empty required one', () => {
    expect(checkNumber('', { min: 0, max: 1, optional: true })).toEqual({ ok: true, value: null });
    expect(checkNumber('  ', { min: 0, max: 1 }, 'Epochs')).toEqual({ ok: false, message: 'Epochs is empty: enter a number from 0 to 1.' });
  });
});

describe('switching optimizer and schedule', () => {
  it('keeps the learning rate and fills the new optimizer’s own params with defaults', () => {
    expect(switchOptimizer({ type: 'SGD', lr: 0.3 }, 'Adam')).toEqual({ type: 'Adam', lr: 0.3, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    const same = { type: 'Momentum' as const, lr: 0.1, momentum: 0.5 };
    expect(switchOptimizer(same, 'Momentum')).toBe(same);
  });

  it('gives a new schedule its defaults and leaves the same one alone', () => {
    expect(switchSchedule({ type: 'constant' }, 'step')).toEqual({ type: 'step', stepSize: 1000, gamma: 0.5 });
    const cos = { type: 'cosine' as const, minLr: 0.001 };
    expect(switchSchedule(cos, 'cosine')).toBe(cos);
  });

  it('writes durations a person reads at a glance', () => {
    expect(formatDuration(400)).toBe('<1 s');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 2 min');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('dataset edits', () => {
  it('switching generator keeps the seed and starts from the generator’s defaults', () => {
    const spiral = switchGenerator({ kind: 'generator', generator: 'xor', params: { noise: 0.1 }, seed: 7 }, 'spiral');
    expect(spiral).toEqual({ kind: 'generator', generator: 'spiral', params: {}, seed: 7 });
  });

  it('an emptied param goes back to the default', () => {
    const spec = { kind: 'generator' as const, generator: 'circle' as const, params: { n: 50, noise: 0.2 }, seed: 1 };
    expect(setGeneratorParam(spec, 'n', null)).toEqual({ ...spec, params: { noise: 0.2 } });
    expect(setGeneratorParam(spec, 'n', 80)).toEqual({ ...spec, params: { n: 80, noise: 0.2 } });
  });

  it('shows a CSV problem as core words it, naming the row and column once', () => {
    expect(csvProblemLine({ row: 17, column: 'x3', message: "Row 17 (line 18), column 'x3' is empty: fill it in or delete the row." })).toBe("Row 17 (line 18), column 'x3' is empty: fill it in or delete the row.");
    expect(csvProblemLine({ message: 'The file is empty.' })).toBe('The file is empty.');
  });
});
