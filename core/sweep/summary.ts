// A sweep over seeds, read per value: the median final loss and accuracy with their range, how
// many seeds reached the target accuracy and when, and the curves as a median line inside the
// band every seed's curve lies in. One seed is an anecdote; these are what a finding rests on.
import { TARGET_TOLERANCE, DEFAULT_TARGET_ACCURACY, type ResultRow } from './table';

/** The middle value and the range of some numbers. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface ValueSummary {
  /** The value's canonical text (null for runs outside a sweep) and its label. */
  value: string | null;
  label: string;
  /** Runs of this value that ended with a result. */
  runs: number;
  finalLoss: Spread | null;
  accuracy: Spread | null;
  /** Seeds whose final training accuracy reached the target (100 % by default). */
  reached: number;
  /** The first epoch at 100 % on the curves of the seeds that reached it. */
  epochToTarget: Spread | null;
  diverged: number;
}

/** Median (the mean of the middle two for an even count) and range; null for no numbers. */
export function spreadOf(values: readonly number[]): Spread | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return { median: v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2, min: v[0], max: v[v.length - 1] };
}

const reachedTarget = (accuracy: number | null, target: number): boolean => accuracy !== null && accuracy >= target - TARGET_TOLERANCE;

/** One summary per value, in the order the values first appear. */
export function summarizeByValue(rows: readonly ResultRow[], target = DEFAULT_TARGET_ACCURACY): ValueSummary[] {
  const groups = new Map<string, ResultRow[]>();
  for (const row of rows) {
    const key = row.value ?? row.label;
    const g = groups.get(key);
    if (g) g.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((g) => {
    const won = g.filter((r) => reachedTarget(r.trainAccuracy, target));
    return {
      value: g[0].value,
      label: g[0].label,
      runs: g.length,
      finalLoss: spreadOf(g.flatMap((r) => (r.finalLoss === null ? [] : [r.finalLoss]))),
      accuracy: spreadOf(g.flatMap((r) => (r.trainAccuracy === null ? [] : [r.trainAccuracy]))),
      reached: won.length,
      epochToTarget: spreadOf(won.flatMap((r) => (r.epochToTarget === null ? [] : [r.epochToTarget]))),
      diverged: g.filter((r) => r.diverged).length,
    };
  });
}

/** Per epoch: the median of the curves that reach that epoch, and their lowest and highest value. */
export interface CurveBand {
  median: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
}

/** The band of several curves (epoch i at index i); as long as the longest curve. */
export function curveBand(curves: readonly ArrayLike<number>[]): CurveBand {
  const length = curves.reduce((m, c) => Math.max(m, c.length), 0);
  const median = new Float64Array(length);
  const lo = new Float64Array(length);
  const hi = new Float64Array(length);
  const column: number[] = [];
  for (let i = 0; i < length; i++) {
    column.length = 0;
    for (const c of curves) if (i < c.length && Number.isFinite(c[i])) column.push(c[i]);
    const s = spreadOf(column);
    median[i] = s ? s.median : NaN;
    lo[i] = s ? s.min : NaN;
    hi[i] = s ? s.max : NaN;
  }
  return { median, lo, hi };
}

/** "0.0012 (0.0009–0.0031)", or the one value when the range is a point; '–' for none. */
export function spreadText(s: Spread | null, format: (v: number) => string): string {
  if (!s) return '–';
  const m = format(s.median);
  const a = format(s.min);
  const b = format(s.max);
  return a === b ? m : `${m} (${a}–${b})`;
}
