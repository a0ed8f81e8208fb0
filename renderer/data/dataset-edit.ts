// Pure helpers of the dataset panel: switching generator, editing one param, and turning CSV
// problems into lines that name the row and column.
import type { CsvProblem, DatasetSpec, GeneratorName, GeneratorParams } from '../../core/index';

export const GENERATOR_LABELS: Record<GeneratorName, string> = {
  linear: 'Linear (two separable blobs)',
  xor: 'XOR (the lab\u2019s 21 points)',
  circle: 'Circle (ring around a disc)',
  spiral: 'Spiral',
  gaussian: 'Gaussian clusters',
  waves: 'Waves (1-D signals)',
};

/** Which params each generator reads (the others are ignored by core). */
export const GENERATOR_PARAMS: Record<GeneratorName, readonly (keyof GeneratorParams)[]> = {
  linear: ['n', 'noise'],
  xor: ['noise'],
  circle: ['n', 'noise'],
  spiral: ['n', 'noise', 'classes'],
  gaussian: ['n', 'noise', 'classes'],
  waves: ['n', 'noise', 'classes', 'length'],
};

/** A new generator keeps the seed (so the data stays reproducible) and starts from its own defaults. */
export function switchGenerator(current: DatasetSpec, generator: GeneratorName): DatasetSpec {
  if (current.kind === 'generator' && current.generator === generator) return current;
  const seed = current.kind === 'generator' ? current.seed : 1;
  return { kind: 'generator', generator, params: {}, seed };
}

/** Sets one param; null goes back to the generator's default. */
export function setGeneratorParam(current: DatasetSpec, key: keyof GeneratorParams, value: number | null): DatasetSpec {
  if (current.kind !== 'generator') return current;
  const params: GeneratorParams = { ...current.params };
  if (value === null) delete params[key];
  else params[key] = value;
  return { ...current, params };
}

export function csvProblemLine(p: CsvProblem): string {
  const where = [p.row !== undefined ? `Row ${p.row}` : '', p.column !== undefined ? `column '${p.column}'` : ''].filter(Boolean).join(', ');
  return where ? `${where}: ${p.message}` : p.message;
}
