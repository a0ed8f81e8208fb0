// makeDataset: a dataset spec (whatever it holds) in, the data or the problems out. Never throws.
import type { TrainProblem } from '../train/session-types';
import { createRng } from '../random';
import { SEED_BOUND, inBound } from '../train/settings';
import { GENERATORS, type Dataset, type DatasetSpec, type GeneratorName } from './types';
import type { Generator } from './generated';
import { internalErrorSaid, valueText } from '../graph/describe';
import { say } from '../messages/text';
import { saying, type Said } from '../messages/said';
import { boundSaid } from './params';
import { resolveParams } from './params';
import { inlineDataset } from './inline';
import { linear } from './linear';
import { xor } from './xor';
import { circle } from './circle';
import { spiral } from './spiral';
import { gaussian } from './gaussian';
import { waves } from './waves';

export { datasetInputShape } from './shape';
export { parseCsv, type CsvProblem, type ParseCsvResult, type ParseCsvOptions } from './csv';

const GENERATOR_FNS: Record<GeneratorName, Generator> = { linear, xor, circle, spiral, gaussian, waves };

export type MakeDatasetResult =
  | { ok: true; dataset: Dataset; warnings: Said[] }
  | { ok: false; problems: TrainProblem[] };

export function makeDataset(spec: DatasetSpec): MakeDatasetResult {
  try {
    return make(spec);
  } catch (e) {
    return { ok: false, problems: [{ code: 'bad-data', ...saying(internalErrorSaid(say('data.make.internal'), e)) }] };
  }
}

function make(spec: DatasetSpec): MakeDatasetResult {
  const s: unknown = spec;
  if (s === null || typeof s !== 'object') {
    return { ok: false, problems: [{ code: 'bad-data', ...saying(say('data.make.none')) }] };
  }
  if (spec.kind === 'inline') return inlineDataset(spec);
  if (spec.kind !== 'generator') {
    return { ok: false, problems: [{ code: 'bad-setting', field: 'dataset.kind', ...saying(say('data.make.unknownKind', { kind: valueText((spec as { kind: unknown }).kind) })) }] };
  }
  const problems: TrainProblem[] = [];
  const name = spec.generator;
  if (!(GENERATORS as readonly unknown[]).includes(name)) {
    problems.push({ code: 'bad-setting', field: 'dataset.generator', ...saying(say('data.make.unknownGenerator', { name: valueText(name), names: GENERATORS.join(', ') })) });
  }
  // The training seed's bound: one range of seeds everywhere a student types one.
  if (!inBound(spec.seed, SEED_BOUND)) {
    const value = spec.seed === undefined ? say('data.make.missing') : valueText(spec.seed);
    problems.push({ code: 'bad-setting', field: 'dataset.seed', ...saying(say('data.make.badSeed', { value, bound: boundSaid(SEED_BOUND) })) });
  }
  if (problems.length > 0) return { ok: false, problems };
  const params = resolveParams(name, spec.params, problems);
  if (problems.length > 0) return { ok: false, problems };
  const g = GENERATOR_FNS[name](params, createRng(spec.seed));
  return {
    ok: true,
    warnings: [],
    dataset: {
      x: g.x,
      y: g.y,
      n: g.y.length,
      inputShape: g.inputShape,
      numClasses: g.classNames.length,
      classNames: g.classNames,
      featureNames: g.featureNames,
    },
  };
}
