// A run's data is written once per distinct dataset (format 2). Each run records the data it
// trained on, and for imported data that is up to 63.5 MiB: a copy per run would make a project
// with large data unsaveable after its first run. So the writer puts a reference where a run's
// imported data equals the project's ({ "kind": "project" }) or an earlier run's ({ "kind":
// "run", "id": … }), and the loader puts the very same object back, so the rest of the app never
// sees a reference and the data is in memory once. Generator specs are a few bytes and are
// always written out.
//
// The writer decides by value, not by which object a run holds, so a project that was saved and
// opened again writes the same references, byte for byte (docs/reliability.md F7).
import { shortenKey } from './json-path';
import type { ProblemList } from './problems';
import { say } from '../messages/text';
import type { DatasetSpec } from '../data/types';
import type { DatasetRef, Project, RunRecord, StoredProject } from './types';

type Loose = Record<string, unknown>;

const PROJECT_REF: DatasetRef = { kind: 'project' };
/** The fields an inline dataset may have; a value with any other is never replaced by a reference, so the schema still sees it. */
const INLINE_KEYS: ReadonlySet<string> = new Set(['kind', 'name', 'featureNames', 'features', 'labels', 'classNames', 'inputShape']);

const isObject = (v: unknown): v is Loose => v !== null && typeof v === 'object' && !Array.isArray(v);
const isInline = (v: unknown): v is Loose => isObject(v) && v.kind === 'inline';

/** Element by element with ===, so -0 and 0 agree (both are written 0) and so do equal strings. */
function sameList(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function onlyInlineKeys(d: Loose): boolean {
  for (const key of Object.keys(d)) if (!INLINE_KEYS.has(key)) return false;
  return true;
}

/**
 * Whether two values are the same inline dataset, as written: the same object, or the same
 * name, columns, classes, shape, labels and rows. Takes unchecked values (validateProjectValue
 * calls it before the schema), so anything unexpected is simply "not the same".
 */
export function sameInlineDataset(a: unknown, b: unknown): boolean {
  if (!isInline(a) || !isInline(b)) return false;
  if (a === b) return true;
  if (!onlyInlineKeys(a) || !onlyInlineKeys(b)) return false;
  if (a.name !== b.name || !sameList(a.featureNames, b.featureNames) || !sameList(a.classNames, b.classNames)) return false;
  if ((a.inputShape !== undefined || b.inputShape !== undefined) && !sameList(a.inputShape, b.inputShape)) return false;
  if (!sameList(a.labels, b.labels)) return false;
  const [rowsA, rowsB] = [a.features, b.features];
  if (rowsA === rowsB) return true;
  if (!Array.isArray(rowsA) || !Array.isArray(rowsB) || rowsA.length !== rowsB.length) return false;
  // Rows are usually shared objects (a copy of a project keeps its row arrays), so most
  // comparisons end at the identity check inside sameList.
  for (let i = 0; i < rowsA.length; i++) if (!sameList(rowsA[i], rowsB[i])) return false;
  return true;
}

/**
 * The project as the file writes it: a run whose imported data equals the project's, or an
 * earlier run's that is written out, gets a reference instead of a copy. Never mutates its
 * argument; returns it unchanged when nothing is shared. Takes unchecked values too (what is not
 * a project is returned as it is, for the checks that follow to refuse).
 */
export function storedForm(project: Project): StoredProject;
export function storedForm(value: unknown): unknown;
export function storedForm(value: unknown): unknown {
  if (!isObject(value) || !Array.isArray(value.runs)) return value;
  const runs: unknown[] = value.runs;
  /** Runs whose imported data is written out and that a later run may name. */
  const written: { id: string; dataset: unknown }[] = [];
  const ids = new Set<string>();
  let out: unknown[] | null = null;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    if (!isObject(run)) continue;
    // A reference names the first run with an id; a later run with the same id cannot be named.
    const id = typeof run.id === 'string' && !ids.has(run.id) ? run.id : null;
    if (typeof run.id === 'string') ids.add(run.id);
    const data = run.dataset;
    if (!isInline(data)) continue;
    let ref: DatasetRef | null = null;
    if (sameInlineDataset(data, value.dataset)) ref = PROJECT_REF;
    else {
      const earlier = written.find((w) => sameInlineDataset(data, w.dataset));
      if (earlier !== undefined) ref = { kind: 'run', id: earlier.id };
    }
    if (ref === null) {
      if (id !== null) written.push({ id, dataset: data });
      continue;
    }
    out ??= runs.slice();
    out[i] = { ...run, dataset: ref };
  }
  return out === null ? value : { ...value, runs: out };
}

/**
 * The project with each reference replaced by the dataset it names (the same object), or null
 * when a reference names nothing it may: a missing run, itself or a later run, or a run whose
 * own reference failed. Each such problem is added with its path.
 */
export function resolveDatasetRefs(stored: StoredProject, problems: ProblemList): Project | null {
  const firstIndex = new Map<string, number>();
  stored.runs.forEach((run, i) => {
    if (!firstIndex.has(run.id)) firstIndex.set(run.id, i);
  });
  const resolved: (DatasetSpec | null)[] = [];
  const runs = stored.runs.map((run, i): RunRecord | null => {
    const d = run.dataset;
    let data: DatasetSpec | null = null;
    if (d.kind === 'project') data = stored.dataset;
    else if (d.kind !== 'run') data = d;
    else {
      const j = firstIndex.get(d.id);
      const name = say('describe.quoted', { name: shortenKey(d.id) });
      const at = `runs[${i}].dataset.id`;
      if (j === undefined) problems.say(at, say('file.refs.missing', { name }));
      else if (j === i) problems.say(at, say('file.refs.itself', { name }));
      else if (j > i) problems.say(at, say('file.refs.later', { name, at: `runs[${j}]` }));
      else if (resolved[j] === null) problems.say(at, say('file.refs.broken', { name, at: `runs[${j}]` }));
      else data = resolved[j];
    }
    resolved.push(data);
    if (data === null) return null;
    return data === d ? (run as RunRecord) : { ...run, dataset: data };
  });
  if (resolved.includes(null)) return null;
  return { ...stored, runs: runs as RunRecord[] };
}
