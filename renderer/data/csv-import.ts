// Importing a CSV file into the dataset, without React: the bytes the user picked become a
// dataset, or lines that say what is wrong. The bytes are decoded by core's decodeText, as the
// desktop and the CLI read files: a UTF-16 export from a spreadsheet would otherwise give
// NUL-filled column names and "'0.1' is not a number", and Latin-1 would turn é into U+FFFD.
import { decodeText, parseCsv, type DatasetSpec } from '../../core/index';
import { csvProblemLine } from './dataset-edit';

export type CsvImport = { ok: true; dataset: DatasetSpec } | { ok: false; lines: string[] };

/** `labelColumn` as typed in the panel: a column name, a 0-based position, or blank for the default. */
export function importCsvBytes(bytes: Uint8Array, fileName: string, labelColumn: string): CsvImport {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, lines: [`${decoded.message[0].toUpperCase()}${decoded.message.slice(1)}.`] };
  const col = labelColumn.trim();
  const parsed = parseCsv(decoded.text, { name: fileName, ...(col ? { labelColumn: /^\d+$/.test(col) ? Number(col) : col } : {}) });
  if (!parsed.ok) return { ok: false, lines: parsed.problems.map(csvProblemLine) };
  return { ok: true, dataset: parsed.dataset };
}
