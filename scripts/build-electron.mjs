#!/usr/bin/env node
// Bundles the Electron side with esbuild: main, preload, the training worker and its helper thread (a second core), each one
// CommonJS file in dist/electron/ (package.json "main" points at main.cjs). The preload runs
// sandboxed, so it must be a single file that requires nothing but 'electron'.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ELECTRON_ENTRIES = {
  main: 'electron/main/index.ts',
  preload: 'electron/preload/index.ts',
  'training-worker': 'runtime/training-worker.ts',
  'dense-helper': 'runtime/node-worker-helper-thread.ts',
};

/**
 * Build the given entries (name → source path relative to the repo) into outdir as name.cjs.
 * Tests call this with their own outdir so parallel test files never race on dist/.
 */
export async function buildElectron({ outdir = path.join(root, 'dist/electron'), entries = ELECTRON_ENTRIES, minify = false } = {}) {
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, src]) => [name, path.join(root, src)])),
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    sourcemap: 'linked',
    minify,
    logLevel: 'warning',
    legalComments: 'none',
  });
  return outdir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildElectron({ minify: process.argv.includes('--minify') });
  console.log(`electron bundles written to ${path.relative(root, out)}/`);
}
