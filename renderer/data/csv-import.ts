// Importing a CSV file into the dataset, without React: the bytes the user picked become a
// dataset, or the problems that say what is wrong. The bytes are decoded by core's decodeText, as
// the desktop and the CLI read files: a UTF-16 export from a spreadsheet would otherwise give
// NUL-filled column names and "'0.1' is not a number", and Latin-1 would turn é into U+FFFD.
// Problems stay values (English and a catalog Text), so the Data tab shows them in whatever
// language the app is in when it renders, including after a switch.
import { decodeSentence, decodeText, parseCsv, saying, type DatasetSpec, type Said } from '../../core/index';
import { csvProblemLine } from './dataset-edit';

export type CsvImportProblems = { ok: true; dataset: DatasetSpec } | { ok: false; problems: Said[] };
export type CsvImport = { ok: true; dataset: DatasetSpec } | { ok: false; lines: string[] };

/** `labelColumn` as typed in the panel: a column name, a 0-based position, or blank for the default. */
export function readCsvImport(bytes: Uint8Array, fileName: string, labelColumn: string): CsvImportProblems {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problems: [saying(decodeSentence(decoded.text))] };
  const col = labelColumn.trim();
  const parsed = parseCsv(decoded.text, { name: fileName, ...(col ? { labelColumn: /^\d+$/.test(col) ? Number(col) : col } : {}) });
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  return { ok: true, dataset: parsed.dataset };
}

/** readCsvImport with its problems as English lines (logs, tests). */
export function importCsvBytes(bytes: Uint8Array, fileName: string, labelColumn: string): CsvImport {
  const r = readCsvImport(bytes, fileName, labelColumn);
  return r.ok ? r : { ok: false, lines: r.problems.map(csvProblemLine) };
}
