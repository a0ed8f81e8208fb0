// CSV import: a header row, numeric feature columns and one label column. Handles quoted
// fields ("a, b" and "" inside quotes), CRLF, a UTF-8 BOM, blank lines and comma, tab or
// semicolon separators. Every problem names its row (data rows counted from 1 below the
// header, with the file line) and column. Never throws.
//
// Labels: when every label is a whole number ≥ 0 it is the class index itself ("0", "1",
// … — so a 0/1 file keeps its meaning); other numbers are sorted ascending (−1, 1 → 0, 1);
// text labels are numbered in order of first appearance (setosa, versicolor, …).
import type { DatasetSpec } from './types';
import type { Text } from '../messages/text';
import { MAX_SAMPLES } from './params';
import { MAX_INLINE_CLASSES, MAX_LISTED_PROBLEMS } from './inline';
import { internalErrorText } from '../graph/describe';
import { isDecimalText, readDecimal } from '../numbers';
import { MAX_PROJECT_BYTES } from '../project/limits';
import { checkDatasetFits } from '../project/savable';

/**
 * Longest CSV text read at all: an imported dataset lives inside the project, so no more text
 * than a project file can hold. Whether the data fits is then measured exactly (checkDatasetFits).
 */
export const MAX_CSV_CHARS = MAX_PROJECT_BYTES;
export const MAX_CSV_ROWS = MAX_SAMPLES;
export const MAX_CSV_COLUMNS = 10_000;
/** Column names that mark the label when no label column is given. */
export const LABEL_NAMES = ['label', 'class', 'target', 'y'];

export interface CsvProblem {
  row?: number;
  column?: string;
  message: string;
  text?: Text;
}
export interface ParseCsvOptions {
  name: string;
  /** The label column by name, or by 0-based position. Default: see LABEL_NAMES, else the last column. */
  labelColumn?: string | number;
}
export type ParseCsvResult = { ok: true; dataset: DatasetSpec } | { ok: false; problems: CsvProblem[] };

interface CsvRecord {
  fields: string[];
  line: number;
}


function detectSeparator(text: string): string {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  if (header.includes(',')) return ',';
  if (header.includes('\t')) return '\t';
  if (header.includes(';')) return ';';
  return ',';
}

/** Splits text into records; blank lines are skipped. Stops early past `maxRecords`. */
function tokenize(text: string, sep: string, maxRecords: number): { records: CsvRecord[]; error: CsvProblem | null; truncated: boolean } {
  const records: CsvRecord[] = [];
  const sepCode = sep.charCodeAt(0);
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ fields, line: recordLine });
    fields = [];
    field = '';
  };
  const n = text.length;
  let i = 0;
  // Fields are sliced out of the text, never built a character at a time: a 60 MB file has
  // millions of cells, and appending each character made an import take tens of seconds.
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 && field.trim() === '') {
      // A quoted field: "" inside it is one quote; newlines inside it are part of the field.
      const quoteLine = line;
      field = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          return { records, error: { message: `Line ${quoteLine} opens a quote (") that is never closed: close it or remove it.` }, truncated: false };
        }
        const part = text.slice(j, q);
        for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) line++;
        field += part;
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else if (c === sepCode) {
      fields.push(field);
      field = '';
      i++;
    } else if (c === 10 || c === 13) {
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      endRecord();
      line++;
      recordLine = line;
      if (records.length > maxRecords) return { records, error: null, truncated: true };
    } else {
      // Up to the next separator, line end or quote (a quote inside a field is kept as text).
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === sepCode || d === 10 || d === 13 || d === 34) break;
        j++;
      }
      field = field === '' ? text.slice(i, j) : field + text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { records, error: null, truncated: records.length > maxRecords };
}

function chooseLabel(header: string[], wanted: string | number | undefined): number | CsvProblem {
  const list = header.map((h) => `'${h}'`).join(', ');
  if (typeof wanted === 'number') {
    if (Number.isInteger(wanted) && wanted >= 0 && wanted < header.length) return wanted;
    return { message: `Label column ${wanted} does not exist: the file has ${header.length} columns (numbered from 0): ${list}.` };
  }
  if (typeof wanted === 'string') {
    const exact = header.indexOf(wanted);
    if (exact >= 0) return exact;
    const loose = header.findIndex((h) => h.toLowerCase() === wanted.trim().toLowerCase());
    if (loose >= 0) return loose;
    return { column: wanted, message: `No column is named '${wanted}': the columns are ${list}. Choose one of them as the label.` };
  }
  const named = header.findIndex((h) => LABEL_NAMES.includes(h.toLowerCase()));
  return named >= 0 ? named : header.length - 1;
}

/** Maps label texts to class indices (see the file comment for the rule). */
function mapLabels(raw: string[]): { labels: number[]; classNames: string[] } {
  if (raw.every((s) => /^\+?\d+(\.0*)?$/.test(s))) {
    const labels = raw.map((s) => Math.round(Number(s)));
    const k = labels.reduce((a, b) => Math.max(a, b), 0) + 1;
    if (k <= MAX_INLINE_CLASSES) return { labels, classNames: Array.from({ length: k }, (_, c) => String(c)) };
  }
  // Large or non-integer codes (1000/2000, −1/1, 0.5): number the distinct values in ascending order.
  if (raw.every(isDecimalText)) {
    const byValue = new Map<number, string>();
    for (const s of raw) if (!byValue.has(Number(s))) byValue.set(Number(s), s);
    const values = [...byValue.keys()].sort((a, b) => a - b);
    const index = new Map(values.map((v, i) => [v, i]));
    return { labels: raw.map((s) => index.get(Number(s)) as number), classNames: values.map((v) => byValue.get(v) as string) };
  }
  const index = new Map<string, number>();
  for (const s of raw) if (!index.has(s)) index.set(s, index.size);
  return { labels: raw.map((s) => index.get(s) as number), classNames: [...index.keys()] };
}

export function parseCsv(text: string, opts: ParseCsvOptions): ParseCsvResult {
  try {
    return parse(text, opts);
  } catch (e) {
    return { ok: false, problems: [{ message: internalErrorText('read this CSV file', e) }] };
  }
}

function parse(text: string, opts: ParseCsvOptions): ParseCsvResult {
  const fail = (p: CsvProblem): ParseCsvResult => ({ ok: false, problems: [p] });
  if (typeof text !== 'string') return fail({ message: 'The file could not be read as text.' });
  if (text.length > MAX_CSV_CHARS) {
    return fail({ message: `The file is ${(text.length / 1024 / 1024).toFixed(0)} MB, above the limit of ${MAX_CSV_CHARS / 1024 / 1024} MB: use a sample of the data.` });
  }
  const empty = fail({ message: 'The file is empty: a CSV needs a header row with column names, then one row per sample.' });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return empty;
  const { records, error, truncated } = tokenize(body, detectSeparator(body), MAX_CSV_ROWS + 1);
  if (error) return fail(error);
  if (records.length === 0) return empty;
  if (truncated) return fail({ message: `The file has more than ${MAX_CSV_ROWS} data rows, the limit: use a sample of the data.` });

  const header = records[0].fields.map((h) => h.trim());
  if (header.length > MAX_CSV_COLUMNS) {
    return fail({ row: 0, message: `The header has ${header.length} columns, above the limit of ${MAX_CSV_COLUMNS}: keep the columns the network needs.` });
  }
  const headerProblems: CsvProblem[] = [];
  header.forEach((h, j) => {
    if (h === '') headerProblems.push({ row: 0, message: `Column ${j + 1} has no name in the header row (line ${records[0].line}): every column needs a name.` });
    else if (header.indexOf(h) !== j) headerProblems.push({ row: 0, column: h, message: `Two columns are named '${h}' in the header row: give each column its own name.` });
  });
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };
  if (header.length < 2) {
    return fail({ row: 0, message: `The header has only the column ${header.map((h) => `'${h}'`).join('')}: a CSV needs at least one numeric feature column and a label column, separated by commas.` });
  }
  if (records.length === 1) return fail({ message: 'The file has a header row but no data rows: add one row per sample.' });

  const chosen = chooseLabel(header, opts?.labelColumn);
  if (typeof chosen !== 'number') return fail(chosen);
  const labelName = header[chosen];
  const featureCols = header.map((_, j) => j).filter((j) => j !== chosen);
  const featureNames = featureCols.map((j) => header[j]);

  const problems: CsvProblem[] = [];
  let count = 0;
  const report = (p: CsvProblem): void => {
    if (count++ < MAX_LISTED_PROBLEMS) problems.push(p);
  };
  const features: number[][] = [];
  const rawLabels: string[] = [];
  for (let r = 1; r < records.length; r++) {
    const { fields, line } = records[r];
    const where = `Row ${r} (line ${line})`;
    if (fields.length !== header.length) {
      report({ row: r, message: `${where} has ${fields.length} value${fields.length === 1 ? '' : 's'}, but the header has ${header.length} columns: every row needs one value per column.` });
      continue;
    }
    const row: number[] = [];
    for (const j of featureCols) {
      // One read per cell: a 60 MB file has millions of them.
      const read = readDecimal(fields[j]);
      if (read.ok) {
        row.push(read.value);
        continue;
      }
      const cell = fields[j].trim();
      if (read.reason === 'empty') report({ row: r, column: header[j], message: `${where}, column '${header[j]}' is empty: fill it in or delete the row.` });
      else if (read.reason === 'not-a-number') report({ row: r, column: header[j], message: `${where}, column '${header[j]}' is not a number: "${cell.slice(0, 40)}". Feature columns must hold numbers only.` });
      else report({ row: r, column: header[j], message: `${where}, column '${header[j]}' is too large to be a number: "${cell.slice(0, 40)}".` });
    }
    const label = fields[chosen].trim();
    if (label === '') report({ row: r, column: labelName, message: `${where}, label column '${labelName}' is empty: every row needs a class.` });
    features.push(row);
    rawLabels.push(label);
  }
  if (count > MAX_LISTED_PROBLEMS) problems.push({ message: `…and ${count - MAX_LISTED_PROBLEMS} more problems like these.` });
  if (problems.length > 0) return { ok: false, problems };

  const { labels, classNames } = mapLabels(rawLabels);
  if (classNames.length > MAX_INLINE_CLASSES) {
    return fail({ column: labelName, message: `The label column '${labelName}' has ${classNames.length} classes, above the limit of ${MAX_INLINE_CLASSES}: is '${labelName}' really the label? Choose the label column explicitly.` });
  }
  const dataset: DatasetSpec = { kind: 'inline', name: typeof opts?.name === 'string' ? opts.name : 'data.csv', featureNames, features, labels, classNames, inputShape: [featureNames.length] };
  // Refuse here what the project could not save and open again (docs/reliability.md F1).
  const fits = checkDatasetFits(dataset);
  if (!fits.ok) return fail({ message: fits.message });
  return { ok: true, dataset };
}
