// Reading sweep values: text in, a checked value (or a message naming the value and what is
// allowed) out. Names are matched without regard to case, so "sigmoid" and "adam" work on the
// command line; the canonical spelling is what the run record stores.
import { MAX_UNITS } from '../graph/limits';
import { parseDecimal } from '../numbers';
import { INITS, LR_BOUND, MAX_BATCH_SIZE, OPTIMIZERS, SEED_BOUND, boundSaid, inBound } from '../train/settings';
import { render, say, type MessageKey, type Param, type Text } from '../messages/text';
import { saying } from '../messages/said';
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

export function unknownSettingSaid(text: string): Text {
  return say('sweep.problem.unknownSetting', { name: text, options: SWEEP_SETTINGS.join(', ') });
}

export function unknownSettingMessage(text: string): string {
  return render(unknownSettingSaid(text));
}

type Refused = { ok: false; message: string; text: Text };
const refuse = (key: MessageKey, params: Record<string, Param>): Refused => ({ ok: false, ...saying(say(key, params)) });

/** The value in its canonical text and typed form, or the reason it is refused. */
export function parseSweepValue(setting: SweepSetting, raw: string): { ok: true; text: string; value: SweepValue } | Refused {
  const text = raw.trim();
  const shown = text === '' ? say('sweep.problem.emptyValue') : say('sweep.problem.quoted', { text });
  switch (setting) {
    case 'lr': {
      const v = decimal(text);
      if (!inBound(v, LR_BOUND)) return refuse('sweep.problem.lr', { bound: boundSaid(LR_BOUND), value: shown });
      return { ok: true, text: String(v), value: { setting, value: v } };
    }
    case 'hidden': {
      const v = decimal(text);
      if (!(Number.isSafeInteger(v) && v >= 1 && v <= MAX_UNITS)) return refuse('sweep.problem.hidden', { max: MAX_UNITS, value: shown });
      return { ok: true, text: String(v), value: { setting, value: v } };
    }
    case 'batchSize': {
      const v = text.toLowerCase() === 'full' ? 0 : decimal(text);
      if (!(Number.isSafeInteger(v) && v >= 0 && v <= MAX_BATCH_SIZE)) return refuse('sweep.problem.batchSize', { max: MAX_BATCH_SIZE, value: shown });
      return { ok: true, text: String(v), value: { setting, value: v } };
    }
    case 'seed': {
      const v = decimal(text);
      if (!inBound(v, SEED_BOUND)) return refuse('sweep.problem.seed', { bound: boundSaid(SEED_BOUND), value: shown });
      return { ok: true, text: String(v), value: { setting, value: v } };
    }
    case 'activation': {
      const lower = text.toLowerCase();
      const v = lower === 'none' || lower === 'linear' ? 'Identity' : pick(SWEEP_ACTIVATIONS, text);
      if (!v) return refuse('sweep.problem.activation', { value: shown, options: SWEEP_ACTIVATIONS.join(', ') });
      return { ok: true, text: v, value: { setting, value: v } };
    }
    case 'optimizer': {
      const v = pick(OPTIMIZERS, text);
      if (!v) return refuse('sweep.problem.optimizer', { value: shown, options: OPTIMIZERS.join(', ') });
      return { ok: true, text: v, value: { setting, value: v } };
    }
    case 'skip': {
      const lower = text.toLowerCase();
      const v = ['residual', 'skip', 'with', 'on'].includes(lower) ? 'residual' : ['plain', 'noskip', 'no-skip', 'without', 'off'].includes(lower) ? 'plain' : null;
      if (!v) return refuse('sweep.problem.skip', { value: shown, residual: SKIP_VALUES[0], plain: SKIP_VALUES[1] });
      return { ok: true, text: v, value: { setting, value: v === 'residual' } };
    }
    case 'init': {
      const lower = text.toLowerCase();
      const v = lower === 'randn' || lower === 'standard normal' ? 'normal' : lower === 'glorot' ? 'xavier' : lower === 'kaiming' ? 'he' : pick(INITS, text);
      if (!v) return refuse('sweep.problem.init', { value: shown, options: INITS.join(', ') });
      return { ok: true, text: v, value: { setting, value: v } };
    }
  }
}
