// Inline data (from a CSV or a saved project) checked into a Dataset. Every bad cell is
// named by row and column; a scale that will make training diverge is a warning (N4).
import type { TrainProblem } from '../train/session-types';
import type { Dataset } from './types';
import { MAX_SAMPLES, MAX_VALUES } from './params';
import { shapeText, valueText } from '../graph/describe';

/** Most classes in inline data: beyond this it is almost surely a numeric column chosen as label by mistake. */
export const MAX_INLINE_CLASSES = 1_000;
/** A feature whose magnitude reaches this saturates sigmoids and explodes gradients; suggest normalizing. */
export const LARGE_FEATURE = 1_000;
/** Stop listing cell problems after this many: one or two examples say enough. */
export const MAX_LISTED_PROBLEMS = 20;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

type Result = { ok: true; dataset: Dataset; warnings: string[] } | { ok: false; problems: TrainProblem[] };

function bad(message: string, where: { row?: number; column?: string } = {}): TrainProblem {
  return { code: 'bad-data', ...where, message };
}

export function inlineDataset(spec: unknown): Result {
  if (!isRecord(spec)) return { ok: false, problems: [bad('The inline dataset is missing: import a CSV file or choose a built-in dataset.')] };
  const problems: TrainProblem[] = [];
  const features = spec.features;
  const labels = spec.labels;
  if (!Array.isArray(features) || features.length === 0) {
    return { ok: false, problems: [bad('The dataset has no rows: import a CSV file with at least one data row.')] };
  }
  if (features.length > MAX_SAMPLES) {
    return { ok: false, problems: [bad(`The dataset has ${features.length} rows, above the limit of ${MAX_SAMPLES}: use a sample of the data.`)] };
  }
  const first = features[0];
  const width = Array.isArray(spec.featureNames) ? spec.featureNames.length : Array.isArray(first) ? first.length : 0;
  if (width === 0) return { ok: false, problems: [bad('The dataset has no feature columns: it needs at least one numeric column besides the label.')] };
  if (features.length * width > MAX_VALUES) {
    return { ok: false, problems: [bad(`The dataset has ${(features.length * width).toLocaleString('en-US')} numbers, above the limit of ${MAX_VALUES.toLocaleString('en-US')} that fits in memory for training: use fewer rows or columns.`)] };
  }
  const featureNames: string[] = Array.from({ length: width }, (_, j) => {
    const name = Array.isArray(spec.featureNames) ? spec.featureNames[j] : undefined;
    return typeof name === 'string' && name !== '' ? name : `x${j + 1}`;
  });
  const classNames: string[] = Array.isArray(spec.classNames)
    ? spec.classNames.map((c: unknown, i: number) => (typeof c === 'string' ? c : String(i)))
    : [];
  if (classNames.length === 0) problems.push(bad('The dataset has no class names: it needs at least one class.'));
  if (classNames.length > MAX_INLINE_CLASSES) {
    problems.push(bad(`The dataset has ${classNames.length} classes, above the limit of ${MAX_INLINE_CLASSES}: is the label column really a class?`));
  }

  let inputShape: number[] = [width];
  if (spec.inputShape !== undefined && spec.inputShape !== null) {
    const s = spec.inputShape;
    const valid = Array.isArray(s) && (s.length === 1 || s.length === 2) && s.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 1);
    if (!valid || (s as number[]).reduce((a, b) => a * b, 1) !== width) {
      problems.push(bad(`The dataset's input shape ${shapeText(s)} does not match its ${width} feature columns: use [${width}], or [channels, length] with channels × length = ${width}.`));
    } else {
      inputShape = [...(s as number[])];
    }
  }

  const n = features.length;
  if (!Array.isArray(labels) || labels.length !== n) {
    problems.push(bad(`The dataset has ${n} rows but ${Array.isArray(labels) ? labels.length : 'no'} labels: every row needs exactly one label.`));
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
      cell(bad(`Row ${i + 1} has ${Array.isArray(row) ? row.length : 'no'} values, but the data has ${width} feature columns: every row needs one value per column.`, { row: i + 1 }));
      continue;
    }
    for (let j = 0; j < width; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        const what = typeof v === 'number' ? (Number.isNaN(v) ? 'is not a number (NaN)' : `is ${v}, not a finite number`) : v === null || v === undefined || v === '' ? 'is empty' : 'is not a number';
        cell(bad(`Row ${i + 1}, column '${featureNames[j]}' ${what}: fix or remove that row.`, { row: i + 1, column: featureNames[j] }));
        continue;
      }
      x[i * width + j] = v;
      if (Math.abs(v) > maxAbs[j]) maxAbs[j] = Math.abs(v);
    }
    if (Array.isArray(labels) && i < labels.length) {
      const l: unknown = labels[i];
      if (typeof l !== 'number' || !Number.isInteger(l) || l < 0 || l >= classNames.length) {
        cell(bad(`Row ${i + 1} has label ${valueText(l)}, but the classes are numbered 0 to ${classNames.length - 1}: fix the label.`, { row: i + 1, column: 'label' }));
      } else {
        y[i] = l;
      }
    }
  }
  if (cellProblems > MAX_LISTED_PROBLEMS) {
    problems.push(bad(`…and ${cellProblems - MAX_LISTED_PROBLEMS} more problems like these.`));
  }
  if (problems.length > 0) return { ok: false, problems };

  const warnings: string[] = [];
  const large = featureNames.filter((_, j) => maxAbs[j] >= LARGE_FEATURE);
  if (large.length > 0) {
    const worst = Math.max(...maxAbs);
    warnings.push(`Feature${large.length > 1 ? 's' : ''} ${large.slice(0, 5).map((c) => `'${c}'`).join(', ')}${large.length > 5 ? ` and ${large.length - 5} more` : ''} reach${large.length > 1 ? '' : 'es'} ${worst.toExponential(1)}: values this large make training diverge or stall. Normalize the data (scale each column to [0, 1], or to mean 0 and standard deviation 1).`);
  }
  const counts = new Array<number>(classNames.length).fill(0);
  for (let i = 0; i < n; i++) counts[y[i]]++;
  const empty = classNames.filter((_, c) => counts[c] === 0);
  if (classNames.length < 2) warnings.push('The data has only one class: a classifier needs at least two to learn anything.');
  else if (empty.length > 0) warnings.push(`No row has class ${empty.slice(0, 5).map((c) => `'${c}'`).join(', ')}: the network cannot learn ${empty.length > 1 ? 'those classes' : 'that class'}.`);

  return {
    ok: true,
    warnings,
    dataset: { x, y, n, inputShape, numClasses: classNames.length, classNames, featureNames },
  };
}
