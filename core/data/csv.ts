// CSV import: a header row, numeric feature columns and one label column. Handles quoted
// fields ("a, b" and "" inside quotes), CRLF, a UTF-8 BOM, blank lines and comma, tab or
// semicolon separators. Every problem names its row (data rows counted from 1 below the
// header, with the file line) and column. Never throws.
//
// Labels: when every label is a whole number ≥ 0 it is the class index itself ("0", "1",
// … — so a 0/1 file keeps its meaning); other numbers are sorted ascending (−1, 1 → 0, 1);
// text labels are numbered in order of first appearance (setosa, versicolor, …).
import type { DatasetSpec } from './types';
import { say, type Text } from '../messages/text';
import { saying } from '../messages/said';
import { MAX_SAMPLES } from './params';
import { MAX_INLINE_CLASSES, MAX_LISTED_PROBLEMS } from './inline';
import { internalErrorSaid } from '../graph/describe';
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

/** A CSV problem that says `text`, at a row and column when given. */
const said = (text: Text, where: { row?: number; column?: string } = {}): CsvProblem => ({ ...where, ...saying(text) });
/** 'a', 'b', 'c' in the reader's quotes and separator. */
const columnsSaid = (names: readonly string[]): Text | string =>
  names.length === 0 ? '' : names.slice(1).reduce<Text>((first, name) => say('describe.series', { first, next: say('data.quoted', { name }) }), say('data.quoted', { name: names[0] }));

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
          return { records, error: said(say('data.csv.unclosedQuote', { line: quoteLine })), truncated: false };
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
  const list = columnsSaid(header);
  if (typeof wanted === 'number') {
    if (Number.isInteger(wanted) && wanted >= 0 && wanted < header.length) return wanted;
    return said(say('data.csv.noLabelColumnAt', { wanted, count: header.length, list }));
  }
  if (typeof wanted === 'string') {
    const exact = header.indexOf(wanted);
    if (exact >= 0) return exact;
    const loose = header.findIndex((h) => h.toLowerCase() === wanted.trim().toLowerCase());
    if (loose >= 0) return loose;
    return said(say('data.csv.noLabelColumnNamed', { wanted, list }), { column: wanted });
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
    return { ok: false, problems: [said(internalErrorSaid(say('data.csv.internal'), e))] };
  }
}

function parse(text: string, opts: ParseCsvOptions): ParseCsvResult {
  const fail = (p: CsvProblem): ParseCsvResult => ({ ok: false, problems: [p] });
  if (typeof text !== 'string') return fail(said(say('data.csv.notText')));
  if (text.length > MAX_CSV_CHARS) {
    return fail(said(say('data.csv.tooLarge', { size: (text.length / 1024 / 1024).toFixed(0), limit: MAX_CSV_CHARS / 1024 / 1024 })));
  }
  const empty = fail(said(say('data.csv.empty')));
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return empty;
  const { records, error, truncated } = tokenize(body, detectSeparator(body), MAX_CSV_ROWS + 1);
  if (error) return fail(error);
  if (records.length === 0) return empty;
  if (truncated) return fail(said(say('data.csv.tooManyRows', { limit: MAX_CSV_ROWS })));

  const header = records[0].fields.map((h) => h.trim());
  if (header.length > MAX_CSV_COLUMNS) {
    return fail(said(say('data.csv.tooManyColumns', { count: header.length, limit: MAX_CSV_COLUMNS }), { row: 0 }));
  }
  const headerProblems: CsvProblem[] = [];
  header.forEach((h, j) => {
    if (h === '') headerProblems.push(said(say('data.csv.unnamedColumn', { column: j + 1, line: records[0].line }), { row: 0 }));
    else if (header.indexOf(h) !== j) headerProblems.push(said(say('data.csv.sameName', { name: h }), { row: 0, column: h }));
  });
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };
  if (header.length < 2) {
    return fail(said(say('data.csv.oneColumn', { column: columnsSaid(header) }), { row: 0 }));
  }
  if (records.length === 1) return fail(said(say('data.csv.noRows')));

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
    const where = say('data.csv.where', { row: r, line });
    if (fields.length !== header.length) {
      report(said(say('data.csv.rowWidth', { where, count: fields.length, columns: header.length }), { row: r }));
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
      const at = { row: r, column: header[j] };
      if (read.reason === 'empty') report(said(say('data.csv.emptyCell', { where, column: header[j] }), at));
      else if (read.reason === 'not-a-number') report(said(say('data.csv.notNumber', { where, column: header[j], cell: cell.slice(0, 40) }), at));
      else report(said(say('data.csv.tooLargeNumber', { where, column: header[j], cell: cell.slice(0, 40) }), at));
    }
    const label = fields[chosen].trim();
    if (label === '') report(said(say('data.csv.emptyLabel', { where, column: labelName }), { row: r, column: labelName }));
    features.push(row);
    rawLabels.push(label);
  }
  if (count > MAX_LISTED_PROBLEMS) problems.push(said(say('data.csv.andMore', { n: count - MAX_LISTED_PROBLEMS })));
  if (problems.length > 0) return { ok: false, problems };

  const { labels, classNames } = mapLabels(rawLabels);
  if (classNames.length > MAX_INLINE_CLASSES) {
    return fail(said(say('data.csv.tooManyClasses', { column: labelName, classes: classNames.length, limit: MAX_INLINE_CLASSES }), { column: labelName }));
  }
  const dataset: DatasetSpec = { kind: 'inline', name: typeof opts?.name === 'string' ? opts.name : 'data.csv', featureNames, features, labels, classNames, inputShape: [featureNames.length] };
  // Refuse here what the project could not save and open again (docs/reliability.md F1).
  const fits = checkDatasetFits(dataset);
  if (!fits.ok) return fail(said(fits.text));
  return { ok: true, dataset };
}
