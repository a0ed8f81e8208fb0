// Pure helpers of the dataset panel: switching generator, editing one param, and turning CSV
// problems into lines that name the row and column. The generators' names are in renderer/locales.
import type { DatasetSpec, GeneratorName, GeneratorParams, Said } from '../../core/index';

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

/**
 * A CSV problem as one line. Core's message already names the row (with its line in the file)
 * and the column, so nothing is put in front of it: a prefix made from `row` and `column` said
 * them twice ("Row 2, column 'x2': Row 2 (line 3), column 'x2' is empty…").
 */
export function csvProblemLine(p: Said & { row?: number; column?: string }): string {
  return p.message;
}
