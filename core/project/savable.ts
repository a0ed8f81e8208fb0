// Saving never writes what opening would refuse (docs/reliability.md F1). The text a save is
// about to write goes through the loader's own checks on text: the size in bytes (what hosts
// measure on disk before reading), then the scanner's depth, value, string and key limits.
// serializeProject runs it, so every save site gets it without a copy: the desktop save and
// hot-exit backup, the browser's download and recovery copy, and `bpnn train --out`.
//
// An imported dataset is checked against the data budget in limits.ts, which is the project
// limits minus a reserve, so that what a CSV import accepts is always a project that saves and
// opens again. The check measures the dataset as the writer will write it rather than estimating
// from the CSV text: "1e20" in a CSV is 21 characters in JSON, "0.50" only 3.
import type { DatasetSpec } from '../data/types';
import { DATA_RESERVE_BYTES, MAX_DATA_BYTES, MAX_DATA_VALUES, MAX_PROJECT_BYTES, MAX_STRING_CHARS, MAX_VALUES, groupDigits } from './limits';
import { ROOT_PATH } from './json-path';
import { scanJson } from './scan';
import { stringifyStable } from './stringify';
import type { StoredProject } from './types';
import { say, type Param, type Text } from '../messages/text';
import { saying } from '../messages/said';

export type SavableResult = { ok: true } | { ok: false; message: string; text: Text };

const MIB = 1024 * 1024;
/** 66.8 MiB, 64 MiB: one decimal, none when it is 0. */
const mib = (bytes: number): string => (bytes / MIB).toFixed(1).replace(/\.0$/, '');

/** A size and its limit as text that shows the difference: in MiB, or in bytes when the MiB round alike. */
function sizes(bytes: number, limit: number): [Text, Text] {
  const [a, b] = [mib(bytes), mib(limit)];
  return a !== b
    ? [say('file.save.mib', { n: a }), say('file.save.mib', { n: b })]
    : [say('file.save.bytes', { n: groupDigits(bytes) }), say('file.save.bytesMib', { n: groupDigits(limit), mib: b })];
}
/** The dataset, the runs and the weights sit one level into the project, indented this much. */
const FIELD_INDENT = '  ';

/** The UTF-8 size of `text`, counted without building the bytes (a project may be 64 MiB). */
export function utf8Length(text: string): number {
  // Numbers and punctuation are ASCII, one byte each; a native search finds where the first
  // other character is, so a data file's 60 million characters are not walked one by one.
  // eslint-disable-next-line no-control-regex
  const start = text.search(/[^\x00-\x7f]/);
  if (start < 0) return text.length;
  let bytes = text.length;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: two UTF-16 units, four bytes.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * Whether `text` would open: the loader's size limit (in bytes, as on disk) and its scanner.
 * Given the project the text was written from, as written (runs' shared data as references,
 * dataset-refs.ts storedForm), a size problem also says where the bytes go.
 */
export function checkSavable(text: string, project?: StoredProject): SavableResult {
  const bytes = utf8Length(text);
  if (bytes > MAX_PROJECT_BYTES) {
    const where = project === undefined ? '' : breakdown(project, BYTES);
    const [size, limit] = sizes(bytes, MAX_PROJECT_BYTES);
    return { ok: false, ...saying(say('file.save.tooLarge', { size, limit, where })) };
  }
  const scanned = scanJson(text);
  if (scanned.size === 0) return { ok: true };
  const first = scanned.shown[0];
  const said = first.text ?? say('file.schema.other', { message: first.message });
  return { ok: false, ...saying(first.path === ROOT_PATH ? said : say('file.atPath', { path: first.path, message: said })) };
}

/** How one part of a project is measured and written in a message. */
interface Measure {
  of(part: unknown): number;
  text(amount: number): Param;
  /** "its dataset takes 3 MiB", "its weights hold 200 000": a part, its verb (plural or not) and its amount. */
  verb(what: Text, plural: boolean, amount: Param): Text;
  /** Parts smaller than this are not worth naming. */
  least: number;
}

const BYTES: Measure = {
  of: (part) => utf8Length(stringifyStable(part, FIELD_INDENT)),
  text: (n) => say('file.save.mib', { n: mib(n) }),
  verb: (what, plural, amount) => say(plural ? 'file.save.takePlural' : 'file.save.takes', { what, amount }),
  least: MIB / 10,
};
/** Counting stops here: enough to say where the values are, and bounded for any value handed in. */
const VALUES_COUNTED = 4 * MAX_VALUES;
const VALUES: Measure = {
  of: (part) => countValues(part, VALUES_COUNTED),
  text: (n) => groupDigits(n),
  verb: (what, plural, amount) => say(plural ? 'file.save.holdPlural' : 'file.save.holds', { what, amount }),
  least: MAX_VALUES / 100,
};

/** ": its 2 runs take 66.1 MiB and its dataset 62.0 MiB. To make it fit, …": the parts worth acting on, largest first. */
function breakdown(p: StoredProject, measure: Measure): Text | string {
  const runs = p.runs.length;
  // A run on the project's data, or on data an earlier run wrote, holds a reference to it; only
  // the first run on each other imported dataset holds a copy, and deleting runs gives that back.
  const copies = p.runs.some((r) => r.dataset.kind === 'inline');
  const parts = [
    { what: say('file.save.dataset'), plural: false, amount: measure.of(p.dataset), advice: say('file.save.smallerSample') },
    {
      what: say('file.save.runs', { count: runs }),
      plural: runs !== 1,
      amount: measure.of(p.runs),
      advice: copies ? say('file.save.deleteRunsCopies') : say('file.save.deleteRuns'),
    },
    { what: say('file.save.weights'), plural: true, amount: measure.of(p.weights), advice: say('file.save.smallerLayers') },
  ];
  const big = parts.filter((x) => x.amount >= measure.least).sort((a, b) => b.amount - a.amount);
  if (big.length === 0) return '';
  const named = big.map((x, i) => (i === 0 ? measure.verb(x.what, x.plural, measure.text(x.amount)) : say('file.save.part', { what: x.what, amount: measure.text(x.amount) })));
  const listed = named.length === 1 ? named[0] : say('describe.and', { first: named.slice(1, -1).reduce<Text>((first, next) => say('describe.series', { first, next }), named[0]), last: named[named.length - 1] });
  const advice = big.slice(1).reduce<Text>((first, x) => say('file.save.or', { first, next: x.advice }), big[0].advice);
  return say('file.save.breakdown', { parts: listed, advice });
}

/**
 * How many values the scanner counts for `root` once written: every number, text, literal,
 * list and object. Stops past `cap`, so a value that refers to itself cannot loop.
 */
function countValues(root: unknown, cap: number): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0 && count <= cap) {
    const v = stack.pop();
    count++;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const el of v as unknown[]) {
        if (el !== null && typeof el === 'object') stack.push(el);
        else count++;
      }
      continue;
    }
    for (const child of Object.values(v)) if (child !== undefined) stack.push(child);
  }
  return count;
}

/**
 * Whether `project` holds no more values than a file may (MAX_VALUES), and if it holds more,
 * where they are. Never throws: it is asked about projects that already failed validation.
 */
export function checkValueCount(project: StoredProject): SavableResult {
  try {
    const values = countValues(project, VALUES_COUNTED);
    if (values <= MAX_VALUES) return { ok: true };
    const total = values > VALUES_COUNTED ? say('file.save.moreThan', { n: groupDigits(VALUES_COUNTED) }) : groupDigits(values);
    return { ok: false, ...saying(say('file.save.tooManyValues', { total, limit: groupDigits(MAX_VALUES), where: breakdown(project, VALUES) })) };
  } catch {
    return { ok: true };
  }
}

/** The bytes `dataset` takes in a saved project, as the writer writes it. */
export function datasetBytes(dataset: DatasetSpec): number {
  return utf8Length(stringifyStable(dataset, FIELD_INDENT));
}

/**
 * Whether an inline dataset fits in a project with room to spare (limits.ts MAX_DATA_BYTES,
 * MAX_DATA_VALUES), so that importing it never makes a project that cannot be saved and opened.
 */
export function checkDatasetFits(dataset: DatasetSpec): SavableResult {
  if (dataset.kind !== 'inline') return { ok: true };
  const texts: ['data.fits.columnName' | 'data.fits.className', string][] = [
    ...dataset.featureNames.map((t): ['data.fits.columnName', string] => ['data.fits.columnName', t]),
    ...dataset.classNames.map((t): ['data.fits.className', string] => ['data.fits.className', t]),
  ];
  for (const [key, t] of texts) {
    if (t.length > MAX_STRING_CHARS) {
      return { ok: false, ...saying(say(key, { start: t.slice(0, 20), length: groupDigits(t.length), limit: groupDigits(MAX_STRING_CHARS) })) };
    }
  }
  const rows = dataset.features.length;
  const shape = say('data.fits.shape', { count: rows, rows: groupDigits(rows), columns: groupDigits(dataset.featureNames.length + 1) });
  // Counted in full: the message gives the count, and imported data is a tree (no cycles).
  const values = countValues(dataset, Infinity);
  if (values > MAX_DATA_VALUES) {
    return { ok: false, ...saying(say('data.fits.tooManyValues', { shape, values: groupDigits(values), limit: groupDigits(MAX_DATA_VALUES) })) };
  }
  const bytes = datasetBytes(dataset);
  if (bytes > MAX_DATA_BYTES) {
    const [size, limit] = sizes(bytes, MAX_DATA_BYTES);
    const [projectMib, reserveMib] = [MAX_PROJECT_BYTES / MIB, DATA_RESERVE_BYTES / MIB];
    return { ok: false, ...saying(say('data.fits.tooManyBytes', { shape, size, limit, projectMib, reserveMib })) };
  }
  return { ok: true };
}
