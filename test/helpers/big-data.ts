// Data generated at the size limits of an import (docs/reliability.md F1), so no large fixture
// is committed. Every cell is written back in the project exactly as in the CSV, so each row
// takes the same number of bytes and the largest file that fits can be worked out exactly.
import { MAX_DATA_BYTES, datasetBytes, type DatasetSpec } from '../../core/index';

/** Feature columns of the wide file: 40 numbers of 17 characters make rows of about 700 bytes. */
export const WIDE_FEATURES = 40;
/** Distinct rows; the data repeats them in turn. */
const POOL = 997;

interface Pool {
  lines: string[];
  rows: number[][];
}

let pool: Pool | null = null;

/** Rows of numbers such as 0.428571428571429 (15 significant digits, none zero, so JSON writes each back unchanged). */
function widePool(): Pool {
  if (pool) return pool;
  // A seeded generator (tests never use Math.random).
  let s = 1;
  const digit = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return 1 + (s % 9);
  };
  const lines: string[] = [];
  const rows: number[][] = [];
  for (let r = 0; r < POOL; r++) {
    const cells: string[] = [];
    for (let j = 0; j < WIDE_FEATURES; j++) {
      let cell = '0.';
      for (let k = 0; k < 15; k++) cell += String(digit());
      cells.push(cell);
    }
    rows.push(cells.map(Number));
    lines.push(`${cells.join(',')},${r % 2}`);
  }
  pool = { lines, rows };
  return pool;
}

const wideHeader = (): string => [...Array.from({ length: WIDE_FEATURES }, (_, j) => `x${j + 1}`), 'label'].join(',');

/** A header and `rows` rows of WIDE_FEATURES numbers and a 0/1 label. */
export function wideCsv(rows: number): string {
  const { lines } = widePool();
  const out = new Array<string>(rows + 1);
  out[0] = wideHeader();
  for (let r = 0; r < rows; r++) out[r + 1] = lines[r % POOL];
  return `${out.join('\n')}\n`;
}

/** What importing wideCsv(rows) as 'big.csv' gives, built without parsing 60 MB of text. */
export function wideDataset(rows: number): DatasetSpec {
  const p = widePool();
  return {
    kind: 'inline',
    name: 'big.csv',
    featureNames: Array.from({ length: WIDE_FEATURES }, (_, j) => `x${j + 1}`),
    features: Array.from({ length: rows }, (_, r) => p.rows[r % POOL]),
    labels: Array.from({ length: rows }, (_, r) => (r % POOL) % 2),
    classNames: ['0', '1'],
    inputShape: [WIDE_FEATURES],
  };
}

/** The most rows of wide data whose dataset fits MAX_DATA_BYTES: bytes grow by the same amount per row. */
export function largestWideRows(): number {
  const base = datasetBytes(wideDataset(1000));
  const perRow = (datasetBytes(wideDataset(2000)) - base) / 1000;
  return 1000 + Math.floor((MAX_DATA_BYTES - base) / perRow);
}

/** A header and `rows` rows of `features` one-digit numbers and a 0/1 label: many values, few bytes. */
export function narrowCsv(rows: number, features: number): string {
  const header = [...Array.from({ length: features }, (_, j) => `x${j + 1}`), 'label'].join(',');
  const even = `${new Array<string>(features).fill('1').join(',')},0`;
  const odd = `${new Array<string>(features).fill('2').join(',')},1`;
  const lines = new Array<string>(rows + 1);
  lines[0] = header;
  for (let r = 0; r < rows; r++) lines[r + 1] = r % 2 === 0 ? even : odd;
  return `${lines.join('\n')}\n`;
}
