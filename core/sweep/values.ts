// Reading sweep values: text in, a checked value (or a message naming the value and what is
// allowed) out. Names are matched without regard to case, so "sigmoid" and "adam" work on the
// command line; the canonical spelling is what the run record stores.
import { MAX_UNITS } from '../graph/limits';
import { parseDecimal } from '../numbers';
import { INITS, LR_BOUND, MAX_BATCH_SIZE, OPTIMIZERS, SEED_BOUND, boundText, inBound } from '../train/settings';
import { SKIP_VALUES, SWEEP_ACTIVATIONS, SWEEP_SETTINGS, type SweepSetting, type SweepValue } from './types';

/** The value of a plain decimal number, or NaN (which every range check below refuses). */
const decimal = (text: string): number => parseDecimal(text) ?? NaN;

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
    skip: 'skip',
    skipconnection: 'skip',
    residual: 'skip',
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
      const v = decimal(text);
      if (!inBound(v, LR_BOUND)) return { ok: false, message: `A learning rate must be ${boundText(LR_BOUND)} (got ${shown}).` };
      return { ok: true, text: String(v), value: { setting, value: v } };
    }
    case 'hidden': {
      const v = decimal(text);
      if (!(Number.isSafeInteger(v) && v >= 1 && v <= MAX_UNITS)) return { ok: false, message: `Hidden units must be a whole number from 1 to ${MAX_UNITS} (got ${shown}).` };
      return { ok: true, text: String(v), value: { setting, value: v } };
    }
    case 'batchSize': {
      const v = text.toLowerCase() === 'full' ? 0 : decimal(text);
      if (!(Number.isSafeInteger(v) && v >= 0 && v <= MAX_BATCH_SIZE)) return { ok: false, message: `A batch size must be a whole number from 0 (the full batch) to ${MAX_BATCH_SIZE} (got ${shown}).` };
      return { ok: true, text: String(v), value: { setting, value: v } };
    }
    case 'seed': {
      const v = decimal(text);
      if (!inBound(v, SEED_BOUND)) return { ok: false, message: `A seed must be ${boundText(SEED_BOUND)} (got ${shown}).` };
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
    case 'skip': {
      const lower = text.toLowerCase();
      const v = ['residual', 'skip', 'with', 'on'].includes(lower) ? 'residual' : ['plain', 'noskip', 'no-skip', 'without', 'off'].includes(lower) ? 'plain' : null;
      if (!v) return { ok: false, message: `${shown} is not a skip value; choose ${SKIP_VALUES.join(' (with the skip) or ')} (without).` };
      return { ok: true, text: v, value: { setting, value: v === 'residual' } };
    }
    case 'init': {
      const lower = text.toLowerCase();
      const v = lower === 'randn' || lower === 'standard normal' ? 'normal' : lower === 'glorot' ? 'xavier' : lower === 'kaiming' ? 'he' : pick(INITS, text);
      if (!v) return { ok: false, message: `${shown} is not a weight initialisation; choose ${INITS.join(', ')}.` };
      return { ok: true, text: v, value: { setting, value: v } };
    }
  }
}
