// F5: versioned migration is stepwise, pure and idempotent, and refuses files from the future.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { migrateDocument, parseProject, serializeProject, PROJECT_VERSION, type MigrationStep } from '../../../core/index';
import { ROOT, goldenText, goldenV2Text, readText, english } from './helpers';

describe('migrations (F5)', () => {
  it('F5 every golden fixture migrates to the current version and validates', () => {
    const files = readdirSync(`${ROOT}test/fixtures/projects`).filter((f) => f.endsWith('.bpnn'));
    expect(files).toEqual(expect.arrayContaining(['v1-golden.bpnn', 'v2-golden.bpnn']));
    for (const f of files) {
      const r = parseProject(readText(`test/fixtures/projects/${f}`));
      expect(r.ok, f).toBe(true);
      if (r.ok) expect(r.project.version).toBe(PROJECT_VERSION);
    }
  });

  it('F5 v1 → v2 changes only the version, keeps the key order, does not mutate its input and is idempotent', () => {
    const doc = JSON.parse(goldenText());
    const before = JSON.stringify(doc);
    const once = migrateDocument(doc);
    expect(once).toMatchObject({ ok: true, from: 1 });
    if (!once.ok) return;
    expect(JSON.stringify(doc)).toBe(before);
    // A format 1 file writes every run's data out, which format 2 reads as it is.
    expect(once.doc).toEqual({ ...doc, version: 2 });
    expect(Object.keys(once.doc)).toEqual(Object.keys(doc));
    const twice = migrateDocument(once.doc);
    expect(twice).toEqual({ ok: true, from: 2, doc: once.doc });
    expect(twice.ok && twice.doc).not.toBe(once.doc);
  });

  it('F5 a v1 file whose run has its own copy of the project’s data opens, and saving it writes v2 with a reference instead of the copy', () => {
    const doc = JSON.parse(goldenText()) as { dataset: unknown; runs: { dataset: unknown }[] };
    doc.runs[0].dataset = structuredClone(doc.dataset);
    const opened = parseProject(JSON.stringify(doc, null, 2));
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    expect(opened.project.version).toBe(2);
    expect(opened.project.runs[0].dataset).toEqual(opened.project.dataset);
    const saved = serializeProject(opened.project);
    if (!saved.ok) throw new Error(saved.message);
    const written = JSON.parse(saved.text) as { version: number; runs: { dataset: unknown }[] };
    expect(written.version).toBe(2);
    expect(written.runs.map((r) => r.dataset)).toEqual([{ kind: 'project' }, { kind: 'generator', generator: 'xor', params: {}, seed: 1 }]);
  });

  it('F5 applies single steps in order (v1 → v2 → v3) without mutating the input', () => {
    const steps: Record<number, MigrationStep> = {
      1: (d) => ({ ...d, version: 2, renamed: d.name ?? null }),
      2: (d) => ({ ...d, version: 3, trail: `${String(d.renamed)}>v3` }),
    };
    const doc = { format: 'bpnn-project', version: 1, name: 'x' };
    const r = migrateDocument(doc, steps, 3);
    expect(r).toEqual({ ok: true, from: 1, doc: { format: 'bpnn-project', version: 3, name: 'x', renamed: 'x', trail: 'x>v3' } });
    expect(doc).toEqual({ format: 'bpnn-project', version: 1, name: 'x' });
    const again = migrateDocument(r.ok ? r.doc : {}, steps, 3);
    expect(again.ok && again.doc).toEqual(r.ok && r.doc);
  });

  it('F5 says which step is missing instead of loading a half-migrated file', () => {
    expect(english(migrateDocument({ version: 1 }, {}, 2))).toEqual({ ok: false, message: 'No migration from format 1 to 2; this file cannot be opened by this app' });
  });

  it('F5 refuses a file from a newer app with the update message', () => {
    const r = parseProject(goldenV2Text().replace('"version": 2', '"version": 3'));
    expect(english(r)).toEqual({ ok: false, more: 0, problems: [{ path: 'version', message: 'This project was made with a newer BPNN Studio (format 3). Update the app to open it.' }] });
  });

  it.each([['0'], ['1.5'], ['"1"'], ['null']])('F5 refuses version %s as not a format version', (v) => {
    const r = parseProject(goldenText().replace('"version": 1', `"version": ${v}`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/^The format version must be a whole number from 1 up \(this app writes 2\)/);
  });

  it('F5 saving writes the current version', () => {
    const r = parseProject(goldenText());
    const s = r.ok ? serializeProject(r.project) : null;
    expect(s?.ok && JSON.parse(s.text).version).toBe(PROJECT_VERSION);
  });
});
