// Runs the real `bpnn` entry point as a child process, the way a user's shell does.
import { afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'bpnn.mjs');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
}

/** Locale variables for a test that reads the CLI's English whatever the machine's locale (cli/language.ts). */
export const ENGLISH_LOCALE = { LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' };

/** Runs `bpnn args`; in English unless `locale` (LANG, LC_ALL…) asks otherwise, whatever the locale of whoever runs the tests. */
export function bpnn(args: string[], cwd = ROOT, locale: Record<string, string> = { LANG: 'C' }): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.LANG;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...env, ...locale }, timeout: 600_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter((l) => l !== '') };
}

const made: string[] = [];
// Every test file that makes temp folders imports this module: remove them when its tests are done.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bpnn-cli-'));
  made.push(dir);
  return dir;
}

export function writeTemp(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The error contract: exactly one line on stderr, prefixed, and nothing that looks like a stack trace. */
export function expectOneLineError(r: Run, code: number, pattern: RegExp, expectFn: (v: unknown) => { toBe(v: unknown): void; toMatch(v: RegExp): void }): void {
  expectFn(r.code).toBe(code);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expectFn(lines.length).toBe(1);
  expectFn(lines[0]).toMatch(/^bpnn: /);
  expectFn(lines[0]).toMatch(pattern);
  expectFn(/\n\s+at /.test(r.stderr)).toBe(false);
}
