// Builds the Electron bundles with the real build script into a private temp folder, so each
// test file exercises real bundled files without racing other files on dist/.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildElectron, ELECTRON_ENTRIES } from '../../../scripts/build-electron.mjs';

export async function buildBundles(entries: Record<string, string>): Promise<Record<string, string>> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'bpnn-bundle-'));
  await buildElectron({ outdir, entries });
  return Object.fromEntries(Object.keys(entries).map((name) => [name, path.join(outdir, `${name}.cjs`)]));
}

export const FAKE_WORKER_ENTRY = { 'fake-training-worker': 'test/electron/fixtures/fake-training-worker.ts' };
export const REAL_ENTRIES = ELECTRON_ENTRIES;
