// Inline data (from a CSV or a saved project) checked into a Dataset. Every bad cell is
// named by row and column; a scale that will make training diverge is a warning (N4).
import type { TrainProblem } from '../train/session-types';
import type { Dataset } from './types';
import { MAX_SAMPLES, MAX_VALUES } from './params';
import { shapeText, valueText } from '../graph/describe';
import { say, type Param as TextParam, type Text } from '../messages/text';
import { saying, type Said } from '../messages/said';

/** Most classes in inline data: beyond this it is almost surely a numeric column chosen as label by mistake. */
export const MAX_INLINE_CLASSES = 1_000;
/** A feature whose magnitude reaches this saturates sigmoids and explodes gradients; suggest normalizing. */
export const LARGE_FEATURE = 1_000;
/** Stop listing cell problems after this many: one or two examples say enough. */
export const MAX_LISTED_PROBLEMS = 20;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

type Result = { ok: true; dataset: Dataset; warnings: Said[] } | { ok: false; problems: TrainProblem[] };

function bad(text: Text, where: { row?: number; column?: string } = {}): TrainProblem {
  return { code: 'bad-data', ...where, ...saying(text) };
}

export function inlineDataset(spec: unknown): Result {
  if (!isRecord(spec)) return { ok: false, problems: [bad(say('data.inline.missing'))] };
  const problems: TrainProblem[] = [];
  const features = spec.features;
  const labels = spec.labels;
  if (!Array.isArray(features) || features.length === 0) {
    return { ok: false, problems: [bad(say('data.inline.noRows'))] };
  }
  if (features.length > MAX_SAMPLES) {
    return { ok: false, problems: [bad(say('data.inline.tooManyRows', { rows: features.length, limit: MAX_SAMPLES }))] };
  }
  const first = features[0];
  const width = Array.isArray(spec.featureNames) ? spec.featureNames.length : Array.isArray(first) ? first.length : 0;
  if (width === 0) return { ok: false, problems: [bad(say('data.inline.noFeatures'))] };
  if (features.length * width > MAX_VALUES) {
    return { ok: false, problems: [bad(say('data.inline.tooManyValues', { values: (features.length * width).toLocaleString('en-US'), limit: MAX_VALUES.toLocaleString('en-US') }))] };
  }
  const featureNames: string[] = Array.from({ length: width }, (_, j) => {
    const name = Array.isArray(spec.featureNames) ? spec.featureNames[j] : undefined;
    return typeof name === 'string' && name !== '' ? name : `x${j + 1}`;
  });
  const classNames: string[] = Array.isArray(spec.classNames)
    ? spec.classNames.map((c: unknown, i: number) => (typeof c === 'string' ? c : String(i)))
    : [];
  if (classNames.length === 0) problems.push(bad(say('data.inline.noClasses')));
  if (classNames.length > MAX_INLINE_CLASSES) {
    problems.push(bad(say('data.inline.tooManyClasses', { classes: classNames.length, limit: MAX_INLINE_CLASSES })));
  }

  let inputShape: number[] = [width];
  if (spec.inputShape !== undefined && spec.inputShape !== null) {
    const s = spec.inputShape;
    const valid = Array.isArray(s) && (s.length === 1 || s.length === 2) && s.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 1);
    if (!valid || (s as number[]).reduce((a, b) => a * b, 1) !== width) {
      problems.push(bad(say('data.inline.badShape', { shape: shapeText(s), width })));
    } else {
      inputShape = [...(s as number[])];
    }
  }

  const n = features.length;
  if (!Array.isArray(labels) || labels.length !== n) {
    problems.push(bad(Array.isArray(labels) ? say('data.inline.labelCount', { rows: n, labels: labels.length }) : say('data.inline.labelCountNone', { rows: n })));
  }
  const x = new Float64Array(n * width);
  const y = new Float64Array(n);
  const maxAbs = new Float64Array(width);
  let cellProblems = 0;
  const cell = (p: TrainProblem): void => {
    if (cellProblems++ < MAX_LISTED_PROBLEMS) problems.push(p);
  };
  for (let i = 0; i < n; i++) {
    const row: unknown = features[i];
    if (!Array.isArray(row) || row.length !== width) {
      const text = Array.isArray(row) ? say('data.inline.rowWidth', { row: i + 1, have: row.length, width }) : say('data.inline.rowWidthNone', { row: i + 1, width });
      cell(bad(text, { row: i + 1 }));
      continue;
    }
    for (let j = 0; j < width; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        const at = { row: i + 1, column: featureNames[j] };
        const text =
          typeof v === 'number'
            ? Number.isNaN(v)
              ? say('data.inline.cellNaN', at)
              : say('data.inline.cellInfinite', { ...at, value: String(v) })
            : v === null || v === undefined || v === ''
              ? say('data.inline.cellEmpty', at)
              : say('data.inline.cellNotNumber', at);
        cell(bad(text, at));
        continue;
      }
      x[i * width + j] = v;
      if (Math.abs(v) > maxAbs[j]) maxAbs[j] = Math.abs(v);
    }
    if (Array.isArray(labels) && i < labels.length) {
      const l: unknown = labels[i];
      if (typeof l !== 'number' || !Number.isInteger(l) || l < 0 || l >= classNames.length) {
        cell(bad(say('data.inline.badLabel', { row: i + 1, label: valueText(l), last: classNames.length - 1 }), { row: i + 1, column: 'label' }));
      } else {
        y[i] = l;
      }
    }
  }
  if (cellProblems > MAX_LISTED_PROBLEMS) {
    problems.push(bad(say('data.inline.andMore', { n: cellProblems - MAX_LISTED_PROBLEMS })));
  }
  if (problems.length > 0) return { ok: false, problems };

  const warnings: Said[] = [];
  // Up to five names, quoted the reader's way, then how many more.
  const named = (names: string[]): TextParam => {
    const [head, ...rest] = names.slice(0, 5).map((name) => say('describe.quoted', { name }));
    const shown = rest.reduce<TextParam>((first, next) => say('describe.series', { first, next }), head);
    return names.length > 5 ? say('data.warn.andMore', { names: shown, n: names.length - 5 }) : shown;
  };
  const large = featureNames.filter((_, j) => maxAbs[j] >= LARGE_FEATURE);
  if (large.length > 0) {
    const worst = Math.max(...maxAbs);
    warnings.push(saying(say('data.warn.large', { count: large.length, names: named(large), worst: worst.toExponential(1) })));
  }
  const counts = new Array<number>(classNames.length).fill(0);
  for (let i = 0; i < n; i++) counts[y[i]]++;
  const empty = classNames.filter((_, c) => counts[c] === 0);
  if (classNames.length < 2) warnings.push(saying(say('data.warn.oneClass')));
  else if (empty.length > 0) warnings.push(saying(say('data.warn.emptyClass', { count: empty.length, names: named(empty) })));

  return {
    ok: true,
    warnings,
    dataset: { x, y, n, inputShape, numClasses: classNames.length, classNames, featureNames },
  };
}
