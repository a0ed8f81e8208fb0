// The CSV of points `bpnn predict` reads: one sample per row, plain decimal numbers only, as
// many columns as the network has inputs; the first row may be a header. Problems name the row
// (the file's line number) and the column.
import { readDecimal } from '../core/index';
import { CliError } from './errors';
import { cliText } from './text';

export interface Points {
  x: Float64Array;
  n: number;
  /** The file line of each point, for messages about a point. */
  lines: number[];
}

function splitRow(line: string): string[] {
  return line.split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

/** Words a number-like cell may hold that are still not names: they are refused, never read as a header. */
const NOT_NAMES = /^[+-]?(nan|inf|infinity)$/i;

/**
 * The header rule (docs/cli.md): the first row is a header when every cell in it is a name,
 * i.e. starts with a letter or an underscore (x1, "petal length", _id) and is not NaN, Inf or
 * Infinity. Any other first row is a point, so a typo or an Infinity in it is reported
 * instead of being dropped as a header.
 */
export function isHeaderRow(cells: readonly string[]): boolean {
  return cells.length > 0 && cells.every((c) => /^[\p{L}_]/u.test(c) && !NOT_NAMES.test(c));
}

// The catalog quotes it, in the marks of its language.
const shortened = (c: string): string => (c.length > 40 ? `${c.slice(0, 40)}…` : c);

/** Parse `text` into n rows of `width` numbers. `file` is only used in messages. */
export function parsePoints(text: string, width: number, file: string): Points {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: { line: number; cells: string[] }[] = [];
  lines.forEach((l, i) => {
    if (l.trim() !== '') rows.push({ line: i + 1, cells: splitRow(l) });
  });
  if (rows.length === 0) throw new CliError(cliText('predict.noRows', { file, count: width }));
  if (isHeaderRow(rows[0].cells)) rows.shift();
  if (rows.length === 0) throw new CliError(cliText('predict.headerOnly', { file }));
  const x = new Float64Array(rows.length * width);
  rows.forEach(({ line, cells }, r) => {
    if (cells.length !== width) {
      throw new CliError(cliText('predict.width', { file, row: line, count: cells.length, width }));
    }
    cells.forEach((c, col) => {
      const v = readDecimal(c);
      if (!v.ok) {
        const key = v.reason === 'too-large' ? 'predict.tooLargeCell' : v.reason === 'empty' ? 'predict.emptyCell' : 'predict.notNumber';
        throw new CliError(cliText(key, { file, row: line, column: col + 1, cell: shortened(c) }));
      }
      x[r * width + col] = v.value;
    });
  });
  return { x, n: rows.length, lines: rows.map((r) => r.line) };
}
