import { describe, expect, it } from 'vitest';
import { parseSweepSetting, parseSweepValue, SWEEP_PRESETS, SWEEP_SETTINGS, sweepValueLabel } from '../../../core/index';

describe('sweep settings and values as typed', () => {
  it('reads setting names in any case and common spellings', () => {
    expect(['LR', 'learning-rate', 'hidden', 'Activation', 'optim', 'init', 'batch_size', 'seed'].map(parseSweepSetting)).toEqual([
      'lr', 'lr', 'hidden', 'activation', 'optimizer', 'init', 'batchSize', 'seed',
    ]);
    expect(parseSweepSetting('colour')).toBeNull();
  });

  it('canonicalises values: case, none = Identity, 5e-4 = 0.0005, full batch = 0', () => {
    const text = (s: Parameters<typeof parseSweepValue>[0], v: string) => {
      const r = parseSweepValue(s, v);
      return r.ok ? r.text : r.message;
    };
    expect(text('activation', 'sigmoid')).toBe('Sigmoid');
    expect(text('activation', 'none')).toBe('Identity');
    expect(text('lr', '5e-4')).toBe('0.0005');
    expect(text('batchSize', 'full')).toBe('0');
    expect(text('optimizer', 'adam')).toBe('Adam');
    expect(text('init', 'Glorot')).toBe('xavier');
  });

  it('refuses values outside their range with a message saying what is allowed', () => {
    const msg = (s: Parameters<typeof parseSweepValue>[0], v: string) => {
      const r = parseSweepValue(s, v);
      return r.ok ? '' : r.message;
    };
    expect(msg('lr', '0')).toMatch(/above 0/);
    expect(msg('lr', 'Infinity')).toMatch(/above 0/);
    expect(msg('hidden', '2.5')).toMatch(/whole number from 1/);
    expect(msg('hidden', '0')).toMatch(/whole number from 1/);
    expect(msg('batchSize', '-1')).toMatch(/from 0 \(the full batch\)/);
    expect(msg('activation', 'Softmax')).toMatch(/choose Sigmoid, Tanh, ReLU, LeakyReLU, Identity/);
    expect(msg('seed', '')).toMatch(/an empty value/);
  });

  it('N4 takes the same bounds as a project and the app: lr at most 100, a seed within ±(2^31 − 1)', () => {
    const msg = (s: Parameters<typeof parseSweepValue>[0], v: string) => {
      const r = parseSweepValue(s, v);
      return r.ok ? '' : r.message;
    };
    expect(msg('lr', '1000')).toBe("A learning rate must be a number above 0 and at most 100 (got '1000').");
    expect(msg('lr', '100')).toBe('');
    expect(msg('seed', '2147483648')).toBe("A seed must be a whole number from -2147483647 to 2147483647 (got '2147483648').");
    expect(msg('seed', '-2147483647')).toBe('');
  });

  it('reads plain decimal numbers only: 0x10 is not 16', () => {
    for (const [setting, text] of [['lr', '0x1'], ['hidden', '0x10'], ['batchSize', '0b1'], ['seed', '1_000'], ['lr', '1,5']] as const) {
      expect(parseSweepValue(setting, text)).toMatchObject({ ok: false });
    }
    expect(parseSweepValue('hidden', '1e1')).toMatchObject({ ok: true, text: '10' });
  });

  it('every preset value is valid for its setting (the lab\'s experiments)', () => {
    for (const s of SWEEP_SETTINGS) for (const v of SWEEP_PRESETS[s]) expect(parseSweepValue(s, v).ok).toBe(true);
    expect(SWEEP_PRESETS.lr).toEqual(['0.0005', '0.005', '0.05', '0.5', '1']);
    expect(SWEEP_PRESETS.hidden).toEqual(['64', '32', '16', '8', '4', '2', '1']);
  });

  it('labels values the way a legend reads', () => {
    expect(sweepValueLabel('activation', 'Identity')).toBe('Identity (no activation)');
    expect(sweepValueLabel('batchSize', '0')).toBe('full batch');
    expect(sweepValueLabel('hidden', '1')).toBe('1 unit');
    expect(sweepValueLabel('lr', '0.05')).toBe('lr 0.05');
  });
});
