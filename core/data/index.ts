// makeDataset: a dataset spec (whatever it holds) in, the data or the problems out. Never throws.
import type { TrainProblem } from '../train/session-types';
import { createRng } from '../random';
import { SEED_BOUND, boundText, inBound } from '../train/settings';
import { GENERATORS, type Dataset, type DatasetSpec, type GeneratorName } from './types';
import type { Generator } from './generated';
import { internalErrorText, valueText } from '../graph/describe';
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
  | { ok: true; dataset: Dataset; warnings: string[] }
  | { ok: false; problems: TrainProblem[] };

export function makeDataset(spec: DatasetSpec): MakeDatasetResult {
  try {
    return make(spec);
  } catch (e) {
    return { ok: false, problems: [{ code: 'bad-data', message: internalErrorText('make this dataset', e) }] };
  }
}

function make(spec: DatasetSpec): MakeDatasetResult {
  const s: unknown = spec;
  if (s === null || typeof s !== 'object') {
    return { ok: false, problems: [{ code: 'bad-data', message: 'No dataset is chosen: pick a built-in dataset or import a CSV file.' }] };
  }
  if (spec.kind === 'inline') return inlineDataset(spec);
  if (spec.kind !== 'generator') {
    return { ok: false, problems: [{ code: 'bad-setting', field: 'dataset.kind', message: `Unknown dataset kind ${valueText((spec as { kind: unknown }).kind)}: use a built-in generator or inline (CSV) data.` }] };
  }
  const problems: TrainProblem[] = [];
  const name = spec.generator;
  if (!(GENERATORS as readonly unknown[]).includes(name)) {
    problems.push({ code: 'bad-setting', field: 'dataset.generator', message: `Unknown dataset ${valueText(name)}: choose one of ${GENERATORS.join(', ')}.` });
  }
  // The training seed's bound: one range of seeds everywhere a student types one.
  if (!inBound(spec.seed, SEED_BOUND)) {
    problems.push({ code: 'bad-setting', field: 'dataset.seed', message: `The dataset's seed is ${spec.seed === undefined ? 'missing' : valueText(spec.seed)}: it must be ${boundText(SEED_BOUND)} (the same seed gives the same data).` });
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
