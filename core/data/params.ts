// Generator params: defaults per generator and checks with limits a student can act on.
import type { TrainProblem } from '../train/session-types';
import type { GeneratorName } from './types';
import type { ResolvedParams } from './generated';
import { XOR_POINTS } from './xor';
import { WAVE_NAMES } from './waves';
import { valueText } from '../graph/describe';
import { say, type Text } from '../messages/text';
import { saying } from '../messages/said';
import type { NumberBound } from '../train/settings';

/** boundText (train/settings.ts) in the reader's language: "a whole number from 1 to 10". */
export function boundSaid(b: NumberBound): Text {
  const params = { min: b.min, max: b.max };
  if (b.exclusiveMin) return say(b.integer ? 'data.make.wholeAboveTo' : 'data.make.numberAboveTo', params);
  return say(b.integer ? 'data.make.wholeFromTo' : 'data.make.numberFromTo', params);
}

export const MAX_SAMPLES = 100_000;
export const MAX_CLASSES = 10;
export const MIN_WAVE_LENGTH = 8;
export const MAX_WAVE_LENGTH = 4_096;
/** Most numbers in one dataset: 4 million float64 values are 32 MB, and training copies them. */
export const MAX_VALUES = 4_000_000;

export const DEFAULT_N: Record<GeneratorName, number> = {
  linear: 100,
  xor: XOR_POINTS,
  circle: 200,
  spiral: 300,
  gaussian: 200,
  waves: 300,
};
/** Waves are noisy by default (a real signal is); the lab's sets are clean by default. */
export const DEFAULT_NOISE: Record<GeneratorName, number> = { linear: 0, xor: 0, circle: 0, spiral: 0, gaussian: 0, waves: 0.2 };
export const DEFAULT_CLASSES: Record<GeneratorName, number> = { linear: 2, xor: 2, circle: 2, spiral: 3, gaussian: 3, waves: 3 };
export const DEFAULT_WAVE_LENGTH = 32;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);


function readNumber(
  params: Record<string, unknown>,
  key: keyof ResolvedParams,
  fallback: number,
  rule: { min: number; max: number; integer: boolean; what: Text },
  problems: TrainProblem[],
): number {
  const v = params[key];
  if (v === undefined || v === null) return fallback;
  const ok = typeof v === 'number' && Number.isFinite(v) && v >= rule.min && v <= rule.max && (!rule.integer || Number.isInteger(v));
  if (ok) return v;
  problems.push({
    code: 'bad-setting',
    field: `dataset.params.${key}`,
    ...saying(say('data.params.bad', { key, what: rule.what, value: valueText(v), bound: boundSaid(rule) })),
  });
  return fallback;
}

/** Checks and completes a generator's params. Keys a generator does not use are ignored. */
export function resolveParams(generator: GeneratorName, raw: unknown, problems: TrainProblem[]): ResolvedParams {
  const params = isRecord(raw) ? raw : {};
  const n = generator === 'xor'
    ? XOR_POINTS
    : readNumber(params, 'n', DEFAULT_N[generator], { min: 1, max: MAX_SAMPLES, integer: true, what: say('data.params.n') }, problems);
  const noise = readNumber(params, 'noise', DEFAULT_NOISE[generator], { min: 0, max: 1, integer: false, what: say('data.params.noise') }, problems);
  let classes = DEFAULT_CLASSES[generator];
  if (generator === 'spiral' || generator === 'gaussian') {
    classes = readNumber(params, 'classes', classes, { min: 2, max: MAX_CLASSES, integer: true, what: say('data.params.classes') }, problems);
  } else if (generator === 'waves') {
    classes = readNumber(params, 'classes', classes, { min: 2, max: WAVE_NAMES.length, integer: true, what: say('data.params.waveClasses', { names: WAVE_NAMES.join(', ') }) }, problems);
  }
  let length = DEFAULT_WAVE_LENGTH;
  if (generator === 'waves') {
    length = readNumber(params, 'length', length, { min: MIN_WAVE_LENGTH, max: MAX_WAVE_LENGTH, integer: true, what: say('data.params.length') }, problems);
    if (n * length > MAX_VALUES) {
      problems.push({
        code: 'bad-setting',
        field: 'dataset.params.n',
        ...saying(say('data.params.tooManyValues', { n, length, values: (n * length).toLocaleString('en-US'), limit: MAX_VALUES.toLocaleString('en-US') })),
      });
    }
  }
  return { n, noise, classes, length };
}
