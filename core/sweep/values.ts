// Reading sweep values: text in, a checked value (or a message naming the value and what is
// allowed) out. Names are matched without regard to case, so "sigmoid" and "adam" work on the
// command line; the canonical spelling is what the run record stores.
import { MAX_UNITS } from '../graph/limits';
import { INITS, MAX_BATCH_SIZE, OPTIMIZERS } from '../train/settings';
import { SWEEP_ACTIVATIONS, SWEEP_SETTINGS, type SweepSetting, type SweepValue } from './types';

/** The largest learning rate a sweep accepts; beyond it every run diverges at once. */
export const MAX_SWEEP_LR = 1000;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const INTEGER = /^[+-]?\d+$/;

function pick<T extends string>(options: readonly T[], text: string): T | null {
  const lower = text.toLowerCase();
  return options.find((o) => o.toLowerCase() === lower) ?? null;
}

/** Accepts a setting name as typed ("LR", "batch-size", "hidden"); null when unknown. */
export function parseSweepSetting(text: string): SweepSetting | null {
  const t = text.trim().toLowerCase().replace(/[-_\s]/g, '');
  const aliases: Record<string, SweepSetting> = {
    lr: 'lr',
    learningrate: 'lr',
    hidden: 'hidden',
    hiddenunits: 'hidden',
    units: 'hidden',
    activation: 'activation',
    optimizer: 'optimizer',
    optim: 'optimizer',
    init: 'init',
    initialisation: 'init',
    initialization: 'init',
    batchsize: 'batchSize',
    batch: 'batchSize',
    seed: 'seed',
  };
  return aliases[t] ?? null;
}

export function unknownSettingMessage(text: string): string {
  return `'${text}' is not a setting a sweep can vary; choose one of ${SWEEP_SETTINGS.join(', ')}.`;
}

/** The value in its canonical text and typed form, or the reason it is refused. */
export function parseSweepValue(setting: SweepSetting, raw: string): { ok: true; text: string; value: SweepValue } | { ok: false; message: string } {
  const text = raw.trim();
  const shown = text === '' ? 'an empty value' : `'${text}'`;
  switch (setting) {
    case 'lr': {
      const v = NUMBER.test(text) ? Number(text) : NaN;
      if (!(Number.isFinite(v) && v > 0 && v <= MAX_SWEEP_LR)) return { ok: false, message: `A learning rate must be a number above 0 and at most ${MAX_SWEEP_LR} (got ${shown}).` };
      return { ok: true, text: String(v), value: { setting, value: v } };
    }
    case 'hidden': {
      const v = INTEGER.test(text) ? Number(text) : NaN;
      if (!(Number.isSafeInteger(v) && v >= 1 && v <= MAX_UNITS)) return { ok: false, message: `Hidden units must be a whole number from 1 to ${MAX_UNITS} (got ${shown}).` };
      return { ok: true, text: String(v), value: { setting, value: v } };
    }
    case 'batchSize': {
      const v = INTEGER.test(text) ? Number(text) : text.toLowerCase() === 'full' ? 0 : NaN;
      if (!(Number.isSafeInteger(v) && v >= 0 && v <= MAX_BATCH_SIZE)) return { ok: false, message: `A batch size must be a whole number from 0 (the full batch) to ${MAX_BATCH_SIZE} (got ${shown}).` };
      return { ok: true, text: String(v), value: { setting, value: v } };
    }
    case 'seed': {
      const v = INTEGER.test(text) ? Number(text) : NaN;
      if (!(Number.isSafeInteger(v) && Math.abs(v) <= 2 ** 31 - 1)) return { ok: false, message: `A seed must be a whole number from ${-(2 ** 31 - 1)} to ${2 ** 31 - 1} (got ${shown}).` };
      return { ok: true, text: String(v), value: { setting, value: v } };
    }
    case 'activation': {
      const lower = text.toLowerCase();
      const v = lower === 'none' || lower === 'linear' ? 'Identity' : pick(SWEEP_ACTIVATIONS, text);
      if (!v) return { ok: false, message: `${shown} is not an activation a sweep can use; choose ${SWEEP_ACTIVATIONS.join(', ')} (Identity = no activation).` };
      return { ok: true, text: v, value: { setting, value: v } };
    }
    case 'optimizer': {
      const v = pick(OPTIMIZERS, text);
      if (!v) return { ok: false, message: `${shown} is not an optimizer; choose ${OPTIMIZERS.join(', ')}.` };
      return { ok: true, text: v, value: { setting, value: v } };
    }
    case 'init': {
      const lower = text.toLowerCase();
      const v = lower === 'randn' || lower === 'standard normal' ? 'normal' : lower === 'glorot' ? 'xavier' : lower === 'kaiming' ? 'he' : pick(INITS, text);
      if (!v) return { ok: false, message: `${shown} is not a weight initialisation; choose ${INITS.join(', ')}.` };
      return { ok: true, text: v, value: { setting, value: v } };
    }
  }
}
