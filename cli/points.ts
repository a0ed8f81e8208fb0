// The CSV of points `bpnn predict` reads: one sample per row, numbers only, as many columns
// as the network has inputs; the first row may be a header. Problems name row and column.
import { CliError } from './errors';

export interface Points {
  x: Float64Array;
  n: number;
}

function splitRow(line: string): string[] {
  return line.split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

/** Parse `text` into n rows of `width` numbers. `file` is only used in messages. */
export function parsePoints(text: string, width: number, file: string): Points {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: { line: number; cells: string[] }[] = [];
  lines.forEach((l, i) => {
    if (l.trim() !== '') rows.push({ line: i + 1, cells: splitRow(l) });
  });
  if (rows.length === 0) throw new CliError(`${file}: the file has no rows; put one point per row, ${width} number${width === 1 ? '' : 's'} each`);
  // A first row with any non-number is a header.
  const isNumber = (s: string): boolean => s !== '' && Number.isFinite(Number(s));
  if (!rows[0].cells.every(isNumber)) rows.shift();
  if (rows.length === 0) throw new CliError(`${file}: the file has a header but no points`);
  const x = new Float64Array(rows.length * width);
  rows.forEach(({ line, cells }, r) => {
    if (cells.length !== width) {
      throw new CliError(`${file}: row ${line} has ${cells.length} value${cells.length === 1 ? '' : 's'} but the network takes ${width} per point`);
    }
    cells.forEach((c, col) => {
      const v = Number(c);
      if (!isNumber(c)) throw new CliError(`${file}: row ${line}, column ${col + 1}: '${c.length > 40 ? `${c.slice(0, 40)}…` : c}' is not a number`);
      x[r * width + col] = v;
    });
  });
  return { x, n: rows.length };
}
