// D2: a child process saves versions of a large project in a loop and is SIGKILLed at moments
// fast-check picks. After every kill the file parses and is exactly one complete version.
import { describe, expect, it, beforeAll } from 'vitest';
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseProject } from '../../core/index';
import { sweepTemps } from '../../electron/main/services/atomic-write';
import { buildBundles } from './helpers/bundle';
import { versionText } from './fixtures/save-versions';

const XOR_PATH = path.resolve(__dirname, '../../examples/xor.bpnn');
/** Modest for a shared 2-core machine; each run is a fresh Node process. */
const KILL_RUNS = 25;
const MAX_DELAY_MS = 250;

let childScript = '';
beforeAll(async () => {
  childScript = (await buildBundles({ 'save-loop': 'test/electron/fixtures/save-loop.ts' }))['save-loop'];
}, 60_000);

function runAndKill(target: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, target, XOR_PATH], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('saved-first')) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the saving process ended by itself (code ${code}): ${stderr}`));
    });
  });
}

function versionOf(text: string): number {
  const parsed = parseProject(text);
  if (!parsed.ok) throw new Error(`torn file: ${parsed.problems[0]?.path}: ${parsed.problems[0]?.message}`);
  const m = /^Version (\d+)$/.exec(parsed.project.name);
  if (!m) throw new Error(`unexpected project name ${parsed.project.name}`);
  return Number(m[1]);
}

describe('D2: killing a save at random moments', () => {
  it(
    'D2: after every SIGKILL the file parses and equals one complete version, and leftover temps are swept',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'bpnn-kill-'));
      const target = path.join(dir, 'project.bpnn');
      try {
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 0, max: MAX_DELAY_MS }), async (delay) => {
            await runAndKill(target, delay);
            const text = readFileSync(target, 'utf8');
            expect(text.length).toBeGreaterThan(0);
            const v = versionOf(text);
            expect(text).toBe(versionText(XOR_PATH, v));
            // The very first kill may land before a second save made the .bak.
            if (existsSync(`${target}.bak`)) {
              const bak = readFileSync(`${target}.bak`, 'utf8');
              expect(bak).toBe(versionText(XOR_PATH, versionOf(bak)));
            }
            await sweepTemps(target);
            expect(readdirSync(dir).filter((n) => n.endsWith('.bpnn-tmp'))).toEqual([]);
          }),
          { numRuns: KILL_RUNS },
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
