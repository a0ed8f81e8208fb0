// F1: the import, save and open limits agree. Whatever a CSV import accepts saves within the
// project limits and opens again; save refuses, before anything is written, what open would refuse.
import { describe, expect, it } from 'vitest';
import {
  MAX_DATA_BYTES,
  MAX_DATA_VALUES,
  MAX_PROJECT_BYTES,
  buildRunRecord,
  checkSavable,
  newProject,
  parseCsv,
  parseProject,
  serializeProject,
  utf8Length,
  type DatasetSpec,
  type Project,
  type RunRecord,
} from '../../../core/index';
import { largestWideRows, narrowCsv, wideCsv, wideDataset } from '../../helpers/big-data';
import { english } from './helpers';

/** Tests at the limits handle 60 MiB of text several times; a loaded 2-core machine needs the room. */
const BIG_TIMEOUT_MS = 120_000;

function imported(text: string): DatasetSpec {
  const r = parseCsv(text, { name: 'big.csv' });
  if (!r.ok) throw new Error(r.problems[0].message);
  return r.dataset;
}

/** The text without its last data row. */
const withoutLastRow = (csv: string): string => csv.slice(0, csv.lastIndexOf('\n', csv.length - 2) + 1);

/** A finished one-epoch run on `dataset`, as the app records one. */
function runOn(dataset: DatasetSpec, i: number, p: Project): RunRecord {
  return buildRunRecord({
    id: `r${i}`,
    name: `Run ${i}`,
    createdAt: '2026-11-27T12:00:00.000Z',
    settings: p.training,
    dataset,
    metrics: [{ epoch: 1, loss: 0.5, accuracy: 1, testLoss: null, testAccuracy: null, lr: 0.05 }],
    result: { state: 'done', epochs: 1, loss: 0.5, accuracy: 1, testAccuracy: null, ms: 1 },
  });
}

function saveAndOpen(dataset: DatasetSpec): { bytes: number; project: Project } {
  const saved = serializeProject({ ...newProject(), dataset });
  if (!saved.ok) throw new Error(saved.message);
  const opened = parseProject(saved.text);
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  return { bytes: utf8Length(saved.text), project: opened.project };
}

describe('import, save and open agree on the size limits (F1)', () => {
  it(
    'F1 the largest CSV that fits imports, saves within 64 MiB and opens again; one row more is refused at import, naming the limit',
    () => {
      // Every row takes the same bytes in the project, so the largest file that fits follows
      // from the size of two small ones (largestWideRows).
      expect(imported(wideCsv(1000))).toEqual(wideDataset(1000));
      const most = largestWideRows();
      expect(most).toBeLessThan(100_000); // the byte limit binds, not the row limit

      const over = wideCsv(most + 1);
      const refused = parseCsv(over, { name: 'big.csv' });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.problems).toHaveLength(1);
        // One row over: the sizes differ by less than 0.1 MiB, so the message gives them in bytes.
        expect(refused.problems[0].message).toMatch(/^The data \([\d ]+ rows × 41 columns\) would take 66 58\d \d{3} bytes in the project, more than the 66 584 576 bytes \(63\.5 MiB\) a project can hold for its data/);
        expect(refused.problems[0].message).toContain('a project file is at most 64 MiB');
      }

      const dataset = imported(withoutLastRow(over));
      expect(dataset.kind === 'inline' && dataset.features.length).toBe(most);
      const { bytes, project } = saveAndOpen(dataset);
      expect(bytes).toBeGreaterThan(MAX_DATA_BYTES - 1000); // within about a row of the data limit
      expect(bytes).toBeLessThanOrEqual(MAX_PROJECT_BYTES);
      expect(project.dataset).toEqual(dataset);
    },
    BIG_TIMEOUT_MS,
  );

  it(
    'F1 the largest CSV that fits, with 3 runs trained on it, still saves within 64 MiB and opens with every run on the project’s data',
    () => {
      // Before format 2 each run wrote its own copy of the data: this project came to 254 MiB.
      const dataset = imported(wideCsv(largestWideRows()));
      const p: Project = { ...newProject(), dataset };
      const untrained = serializeProject(p);
      if (!untrained.ok) throw new Error(untrained.message);
      // Two runs hold the project's own object; the third an equal copy (as a run that came back
      // from a worker holds one), which the writer finds equal by value.
      const trained: Project = { ...p, runs: [runOn(dataset, 1, p), runOn(dataset, 2, p), runOn({ ...dataset }, 3, p)] };
      const saved = serializeProject(trained);
      if (!saved.ok) throw new Error(saved.message);
      const bytes = utf8Length(saved.text);
      expect(bytes).toBeLessThanOrEqual(MAX_PROJECT_BYTES);
      expect(bytes - utf8Length(untrained.text)).toBeLessThan(10_000); // the runs' records, not their data
      const opened = parseProject(saved.text);
      if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
      expect(opened.project.dataset).toEqual(dataset);
      for (const run of opened.project.runs) expect(run.dataset).toBe(opened.project.dataset);
    },
    BIG_TIMEOUT_MS,
  );

  it(
    'F1 the CSV with the most values that fits imports, saves and opens again; one row more is refused at import, naming the limit',
    () => {
      // 37 one-digit features and a 0/1 label: the dataset holds 48 + 39 × rows values (each
      // row is a list of 37 numbers, plus its label), so 99 998 rows fit in MAX_DATA_VALUES.
      const features = 37;
      const most = Math.floor((MAX_DATA_VALUES - 48) / (features + 2));
      expect(most).toBe(99_998);

      const refused = parseCsv(narrowCsv(most + 1, features), { name: 'big.csv' });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.problems[0].message).toBe(
          'The data (99 999 rows × 38 columns) makes 3 900 009 values to store, more than the 3 900 000 a project can hold for its data: use fewer rows or columns.',
        );
      }

      const dataset = imported(narrowCsv(most, features));
      const { project } = saveAndOpen(dataset);
      expect(project.dataset.kind === 'inline' && project.dataset.features.length).toBe(most);
    },
    BIG_TIMEOUT_MS,
  );
});

/** A project whose column names are long: many bytes, few values, cheap to build. */
function longNamesProject(columns: number, char: string): Project {
  const name = char.repeat(1_000_000);
  const dataset: DatasetSpec = {
    kind: 'inline',
    name: 'wide.csv',
    featureNames: Array.from({ length: columns }, (_, j) => `${name.slice(1)}${j % 10}`),
    features: [new Array<number>(columns).fill(0.5)],
    labels: [0],
    classNames: ['a', 'b'],
  };
  return { ...newProject(), dataset };
}

describe('save refuses what open would refuse (F1)', () => {
  it('F1 refuses a project over 64 MiB before writing it, and says what takes the room and what to do', { timeout: BIG_TIMEOUT_MS }, () => {
    const p = longNamesProject(40, 'x');
    // A run on older imported data (other column names) keeps its own copy of it.
    const withRun: Project = { ...p, runs: [runOn(longNamesProject(40, 'y').dataset, 1, p)] };
    const r = serializeProject(withRun);
    expect(english(r)).toEqual({
      ok: false,
      message:
        "The project would be 76.3 MiB, over the 64 MiB a project file may hold: its 1 run takes 38.1 MiB and its dataset 38.1 MiB. To make it fit, delete runs you no longer need (a run on imported data other than the project's keeps its own copy of that data), or use a smaller sample of the data; the project is not saved",
    });
    // Trained on the project's own data, the same run takes no room for it.
    expect(serializeProject({ ...p, runs: [runOn(p.dataset, 1, p)] }).ok).toBe(true);
  });

  it('F1 refuses a project whose run pushes it past 4 000 000 values, and says where they are', () => {
    // 21 000 rows of 100 numbers (one row array, shared: the count is what matters here).
    const row = new Array<number>(100).fill(0.5);
    const dataset: DatasetSpec = {
      kind: 'inline',
      name: 'wide.csv',
      featureNames: Array.from({ length: 100 }, (_, j) => `x${j}`),
      features: new Array<number[]>(21_000).fill(row),
      labels: new Array<number>(21_000).fill(0),
      classNames: ['a', 'b'],
    };
    const p: Project = { ...newProject(), dataset };
    expect(serializeProject(p).ok).toBe(true);
    // Counted as written: runs on the project's data name it, one on older data holds a copy.
    expect(serializeProject({ ...p, runs: [runOn(dataset, 1, p), runOn(dataset, 2, p)] }).ok).toBe(true);
    const older: DatasetSpec = { ...dataset, name: 'older.csv' };
    expect(english(serializeProject({ ...p, runs: [runOn(dataset, 1, p), runOn(older, 2, p)] }))).toEqual({
      ok: false,
      message:
        "The project would hold 4 284 319 values, over the 4 000 000 a project file may hold: its 2 runs hold 2 142 180 and its dataset 2 142 109. To make it fit, delete runs you no longer need (a run on imported data other than the project's keeps its own copy of that data), or use a smaller sample of the data; the project is not saved",
    });
  });

  it('F1 counts the size in bytes, as the file on disk has it, not in characters', { timeout: BIG_TIMEOUT_MS }, () => {
    // 24 names of a million '€' (3 bytes each in UTF-8): 24 M characters, which the loader's
    // character check alone would pass, but a 68.7 MiB file that opening refuses by its size.
    const p = longNamesProject(24, '€');
    const r = serializeProject(p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^The project would be 68\.7 MiB, over the 64 MiB a project file may hold: its dataset takes 68\.7 MiB\. To make it fit, use a smaller sample of the data; the project is not saved$/);
  });

  it('F1 a text of exactly 1 000 000 characters, line breaks included, saves and opens again; one more is refused by both', () => {
    // Saving measures the text as it is in memory; the loader measured the characters written
    // to the file, where each line break is the two characters \n.
    for (const description of ['x'.repeat(1_000_000), 'ab\n'.repeat(333_333) + 'a']) {
      const saved = serializeProject({ ...newProject(), description });
      expect(saved.ok).toBe(true);
      if (saved.ok) expect(parseProject(saved.text).ok).toBe(true);
    }
    const tooLong = serializeProject({ ...newProject(), description: '\n'.repeat(1_000_001) });
    expect(english(tooLong)).toEqual({ ok: false, message: 'description: A string is longer than the limit of 1 000 000 characters; the project is not saved' });
    const opened = parseProject(`{"format": "bpnn-project", "description": "${'\\n'.repeat(1_000_001)}"}`);
    expect(opened.ok === false && opened.problems[0].message).toBe('A string is longer than the limit of 1 000 000 characters');
  });

  it('checkSavable runs the loader’s own scanner on the text', () => {
    expect(english(checkSavable('{"a": 1}'))).toEqual({ ok: true });
    expect(english(checkSavable('{"a": 1, "a": 2}'))).toEqual({ ok: false, message: "'a' appears twice in (top level); JSON keeps only the last one, so remove the other" });
    expect(english(checkSavable(`{"a": ${'['.repeat(70)}${']'.repeat(70)}}`))).toEqual({ ok: false, message: 'a[0][0][0][0][0]…: File is too deeply nested (limit 64) at a[0][0][0][0][0]…' });
  });

  it('utf8Length agrees with TextEncoder, surrogate pairs and lone surrogates included', () => {
    for (const s of ['', 'plain', 'é€😀', 'a\uD800b', '\uDC00', `${'x'.repeat(1000)}ü`]) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

});
