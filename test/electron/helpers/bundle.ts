// Builds the Electron bundles with the real build script into a private temp folder, so each
// test file exercises real bundled files without racing other files on dist/. The folders are
// removed when the test file's tests are done (and, should a run be cut short, at exit), so
// test runs do not pile up /tmp/bpnn-bundle-* folders.
import { afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildElectron, ELECTRON_ENTRIES } from '../../../scripts/build-electron.mjs';

const built: string[] = [];

function removeBuilt(): void {
  for (const dir of built.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// Importing this helper is what a test file does to use it, so the clean-up hooks in here.
afterAll(removeBuilt);
process.once('exit', removeBuilt);

export async function buildBundles(entries: Record<string, string>): Promise<Record<string, string>> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'bpnn-bundle-'));
  built.push(outdir);
  await buildElectron({ outdir, entries });
  return Object.fromEntries(Object.keys(entries).map((name) => [name, path.join(outdir, `${name}.cjs`)]));
}

export const FAKE_WORKER_ENTRY = { 'fake-training-worker': 'test/runtime/fixtures/fake-training-worker.ts' };
export const REAL_ENTRIES = ELECTRON_ENTRIES;
