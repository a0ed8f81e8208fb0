// The results table of a sweep (or any set of runs): one row per run, sortable, as CSV.
import type { RunRecord } from '../project/types';
import type { RunState } from '../train/types';

/** Accuracy counts as reached when it is within this of the target (float sums of 1/n). */
export const TARGET_TOLERANCE = 1e-9;
export const DEFAULT_TARGET_ACCURACY = 1;

export interface ResultRow {
  runId: string;
  name: string;
  /** The swept value's canonical text, or null for a run outside a sweep. */
  value: string | null;
  label: string;
  state: RunState;
  finalLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** First epoch (1-based) whose training accuracy reached the target; null when it never did. */
  epochToTarget: number | null;
  diverged: boolean;
  epochs: number;
  ms: number;
}

export function epochReaching(accuracy: readonly number[], target: number): number | null {
  for (let i = 0; i < accuracy.length; i++) if (accuracy[i] >= target - TARGET_TOLERANCE) return i + 1;
  return null;
}

/** What a row is computed from: a saved run record, or a run still in memory. */
export interface RowSource {
  id: string;
  name: string;
  value: string | null;
  /** Training accuracy and loss per epoch. */
  accuracy: readonly number[];
  loss: readonly number[];
  result: RunRecord['result'];
}

export function rowOf(src: RowSource, label?: string, target = DEFAULT_TARGET_ACCURACY): ResultRow {
  const r = src.result;
  const lastLoss = src.loss.length ? src.loss[src.loss.length - 1] : null;
  return {
    runId: src.id,
    name: src.name,
    value: src.value,
    label: label ?? src.value ?? src.name,
    state: r.state,
    finalLoss: r.loss !== null && Number.isFinite(r.loss) ? r.loss : lastLoss !== null && Number.isFinite(lastLoss) ? lastLoss : null,
    trainAccuracy: r.accuracy !== null && Number.isFinite(r.accuracy) ? r.accuracy : null,
    testAccuracy: r.testAccuracy !== null && Number.isFinite(r.testAccuracy) ? r.testAccuracy : null,
    epochToTarget: epochReaching(src.accuracy, target),
    diverged: r.state === 'diverged',
    epochs: r.epochs,
    ms: Number.isFinite(r.ms) ? r.ms : 0,
  };
}

export function resultRow(run: RunRecord, label?: string, target = DEFAULT_TARGET_ACCURACY): ResultRow {
  return rowOf({ id: run.id, name: run.name, value: run.sweep?.value ?? null, accuracy: run.curves.accuracy, loss: run.curves.loss, result: run.result }, label, target);
}

export type RowKey = Exclude<keyof ResultRow, 'runId'>;

/** Sorted copy; nulls last either way, ties keep the sweep's order. */
export function sortRows(rows: readonly ResultRow[], key: RowKey, direction: 'asc' | 'desc'): ResultRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      const x = a.row[key];
      const y = b.row[key];
      if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
      return c !== 0 ? sign * c : a.i - b.i;
    })
    .map((e) => e.row);
}

export const CSV_COLUMNS: readonly { key: RowKey; title: string }[] = [
  { key: 'name', title: 'run' },
  { key: 'label', title: 'value' },
  { key: 'state', title: 'state' },
  { key: 'finalLoss', title: 'final loss' },
  { key: 'trainAccuracy', title: 'train accuracy' },
  { key: 'testAccuracy', title: 'test accuracy' },
  { key: 'epochToTarget', title: 'epoch reaching target' },
  { key: 'diverged', title: 'diverged' },
  { key: 'epochs', title: 'epochs' },
  { key: 'ms', title: 'time (ms)' },
];

function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : String(v);
  // Quote anything a spreadsheet could misread; a leading = + - @ would run as a formula.
  const guarded = /^[=+\-@\t\r]/.test(s) && typeof v !== 'number' ? `'${s}` : s;
  return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function rowsToCsv(rows: readonly ResultRow[]): string {
  const lines = [CSV_COLUMNS.map((c) => c.title).join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c.key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Percent with one decimal ("100.0%"), or an en dash for none. */
export function formatPercent(v: number | null): string {
  return v === null ? '–' : `${(v * 100).toFixed(1)}%`;
}

export function formatLoss(v: number | null): string {
  if (v === null) return '–';
  return Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(2);
}
