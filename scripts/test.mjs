#!/usr/bin/env node
// `npm test`: lint + type-check, then every Vitest project. The browser suite needs Chromium;
// without it the rest still runs and we say so loudly. BPNN_REQUIRE_BROWSER=1 (set by .ci/run)
// turns that skip into a failure. Extra arguments go to Vitest (e.g. `npm test -- core`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const args = process.argv.slice(2);
const requireBrowser = process.env.BPNN_REQUIRE_BROWSER === '1';
const chromium = findChromium();
const banner = (lines) => {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = '!'.repeat(width);
  console.log(`\n${bar}\n${lines.map((l) => `! ${l.padEnd(width - 4)} !`).join('\n')}\n${bar}\n`);
};
const skipMessage = [
  'BROWSER TESTS SKIPPED: Chromium was not found.',
  'The end-to-end tests of the editor (test/e2e) and of the desktop window (test/desktop) did not run.',
  'Install it with:  sudo apt-get install -y chromium',
  'or point BPNN_CHROMIUM at a Chromium/Chrome executable.',
];

if (!chromium) {
  if (requireBrowser) {
    banner(['BPNN_REQUIRE_BROWSER=1 but Chromium was not found.', ...skipMessage.slice(2)]);
    process.exit(1);
  }
  banner(skipMessage);
}

const run = (cmd, cmdArgs, env = {}) => {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
};

if (!args.length) {
  console.log('> lint and type-check');
  if (run('npx', ['eslint', '.']) !== 0) process.exit(1);
  if (run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0) process.exit(1);
  if (run('npx', ['tsc', '-p', 'core/tsconfig.json', '--noEmit']) !== 0) process.exit(1);
}

mkdirSync('test-results', { recursive: true });
const json = 'test-results/vitest.json';
const status = run(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`, ...args],
  chromium ? { BPNN_CHROMIUM: chromium } : { BPNN_SKIP_BROWSER: '1' },
);

if (existsSync(json)) {
  try {
    const r = JSON.parse(readFileSync(json, 'utf8'));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    // A plain closing line that any CI reader understands.
    console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  } catch {
    /* the Vitest output above already says what went wrong */
  }
}
if (!chromium) banner(skipMessage);
process.exit(status);
