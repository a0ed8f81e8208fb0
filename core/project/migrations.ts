// Stepwise migration of project documents, the way nbformat upgrades notebooks: one pure
// function per version step (n → n+1), applied in order until the current version.
import { PROJECT_VERSION } from './types';
import { render, say, type Text } from '../messages/text';
import { saying } from '../messages/said';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Turns a version-n document into a version-(n+1) document. Must not mutate its argument. */
export type MigrationStep = (doc: JsonObject) => JsonObject;

/**
 * Format 2 lets a run name data written elsewhere in the file instead of repeating it
 * (dataset-refs.ts). A format 1 file writes every run's data out, which format 2 still reads,
 * so the step changes only the version.
 */
const v1ToV2: MigrationStep = (doc) => ({ ...doc, version: 2 });

/** MIGRATIONS[n] upgrades format n to n+1. */
export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = { 1: v1ToV2 };

export type MigrateResult = { ok: true; doc: JsonObject; from: number } | { ok: false; message: string; text: Text };

/** A deep copy of a JSON value (depth is bounded by the scanner, so recursion is safe). */
export function cloneJson<T extends JsonValue>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => cloneJson(x)) as T;
  const out: JsonObject = {};
  for (const k of Object.keys(v)) out[k] = cloneJson(v[k]);
  return out as T;
}

export function futureVersionSaid(version: number): Text {
  return say('file.version.future', { version });
}

export function futureVersionMessage(version: number): string {
  return render(futureVersionSaid(version));
}

/**
 * Bring `doc` (whose `version` says which format it is in) up to `current`. Never mutates
 * `doc`; on a current-version document it returns an equal copy, so it is idempotent.
 * `steps` and `current` are parameters so the stepping itself can be tested.
 */
export function migrateDocument(
  doc: JsonObject,
  steps: Readonly<Record<number, MigrationStep>> = MIGRATIONS,
  current: number = PROJECT_VERSION,
): MigrateResult {
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const value = JSON.stringify(version) ?? say('file.version.nothing');
    return { ok: false, ...saying(say('file.version.notWhole', { current, value })) };
  }
  if (version > current) return { ok: false, ...saying(futureVersionSaid(version)) };
  // A current file needs no step: a shallow copy keeps the promise (a new object, `doc`
  // untouched) without copying every number of a 60 MiB dataset. Steps get a deep copy, so
  // a step that forgot its purity still cannot reach the caller's document.
  if (version === current) return { ok: true, doc: { ...doc }, from: version };
  let out = cloneJson(doc);
  for (let v = version; v < current; v++) {
    const step = steps[v];
    if (step === undefined) return { ok: false, ...saying(say('file.version.noMigration', { from: v, to: v + 1 })) };
    out = step(out);
    if (out.version !== v + 1) return { ok: false, ...saying(say('file.version.badMigration', { from: v, to: v + 1 })) };
  }
  return { ok: true, doc: out, from: version };
}
