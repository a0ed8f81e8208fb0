// F5: versioned migration is stepwise, pure and idempotent, and refuses files from the future.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { migrateDocument, parseProject, serializeProject, PROJECT_VERSION, type MigrationStep } from '../../../core/index';
import { ROOT, goldenText, readText } from './helpers';

describe('migrations (F5)', () => {
  it('F5 every golden fixture migrates to the current version and validates', () => {
    const files = readdirSync(`${ROOT}test/fixtures/projects`).filter((f) => f.endsWith('.bpnn'));
    expect(files).toContain('v1-golden.bpnn');
    for (const f of files) {
      const r = parseProject(readText(`test/fixtures/projects/${f}`));
      expect(r.ok, f).toBe(true);
      if (r.ok) expect(r.project.version).toBe(PROJECT_VERSION);
    }
  });

  it('F5 v1 → v1 is the identity, does not mutate its input and is idempotent', () => {
    const doc = JSON.parse(goldenText());
    const before = JSON.stringify(doc);
    const once = migrateDocument(doc);
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    expect(JSON.stringify(doc)).toBe(before);
    expect(once.doc).toEqual(doc);
    expect(once.doc).not.toBe(doc);
    const twice = migrateDocument(once.doc);
    expect(twice.ok && twice.doc).toEqual(once.doc);
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
    expect(migrateDocument({ version: 1 }, {}, 2)).toEqual({ ok: false, message: 'No migration from format 1 to 2; this file cannot be opened by this app' });
  });

  it('F5 refuses a file from a newer app with the update message', () => {
    const r = parseProject(goldenText().replace('"version": 1', '"version": 2'));
    expect(r).toEqual({ ok: false, more: 0, problems: [{ path: 'version', message: 'This project was made with a newer BPNN Studio (format 2). Update the app to open it.' }] });
  });

  it.each([['0'], ['1.5'], ['"1"'], ['null']])('F5 refuses version %s as not a format version', (v) => {
    const r = parseProject(goldenText().replace('"version": 1', `"version": ${v}`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/^The format version must be a whole number from 1 up \(this app writes 1\)/);
  });

  it('F5 saving writes the current version', () => {
    const r = parseProject(goldenText());
    const s = r.ok ? serializeProject(r.project) : null;
    expect(s?.ok && JSON.parse(s.text).version).toBe(PROJECT_VERSION);
  });
});
