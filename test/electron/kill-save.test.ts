// D2 (docs/reliability.md): a child process saves ever newer versions of a large project in a
// loop and is SIGKILLed at moments fast-check picks. Every save writes distinct text (a version
// counter that keeps rising across kills), the child reports each save as it starts and ends, and
// after every kill the file must be exactly the last completed version or the one in flight, with
// `.bak` holding the version the file held before. A writer that stopped replacing the file, or
// that kept a stale backup, fails here.
import { describe, expect, it, beforeAll } from 'vitest';
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseProject } from '../../core/index';
import { atomicWrite, sweepTemps } from '../../node/files/atomic-write';
import { buildBundles } from './helpers/bundle';
import { versionText } from './fixtures/save-versions';

const XOR_PATH = path.resolve(__dirname, '../../examples/xor.bpnn');
/** Modest for a shared 2-core machine; each run is a fresh Node process. */
const KILL_RUNS = 25;
/** Kills timed from the first completed save land anywhere in the loop… */
const MAX_DELAY_MS = 250;
/** …and kills sent as a save starts land inside it (what this test must exercise). */
const MAX_DELAY_IN_SAVE_MS = 3;

let childScript = '';
beforeAll(async () => {
  childScript = (await buildBundles({ 'save-loop': 'test/electron/fixtures/save-loop.ts' }))['save-loop'];
}, 600_000);

interface Kill {
  /** 'saved': delay after the first completed save; 'saving': delay after the second save starts. */
  trigger: 'saved' | 'saving';
  delay: number;
}

/** What the child said before it died: the versions it finished and the one it was writing. */
interface Reported {
  completed: number[];
  inFlight: number | null;
}

function runAndKill(target: string, start: number, kill: Kill): Promise<Reported> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, target, XOR_PATH, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let pending = '';
    const completed: number[] = [];
    let started: number | null = null;
    let savingLines = 0;
    let killScheduled = false;
    const scheduleKill = () => {
      if (killScheduled) return;
      killScheduled = true;
      setTimeout(() => child.kill('SIGKILL'), kill.delay);
    };
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [word, n] = line.split(' ');
        if (word === 'saving') {
          started = Number(n);
          savingLines += 1;
          if (kill.trigger === 'saving' && savingLines === 2) scheduleKill();
        } else if (word === 'saved') {
          completed.push(Number(n));
          if (kill.trigger === 'saved') scheduleKill();
        }
      }
    });
    // 'close' comes after the pipes are drained: every line the child wrote has been read.
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`the saving process ended by itself (code ${code}): ${stderr}`));
        return;
      }
      const last = completed.at(-1) ?? null;
      resolve({ completed, inFlight: started !== null && started !== last ? started : null });
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
    'D2: after every SIGKILL the file is the last completed or the in-flight version, .bak the one before it, and temps are swept',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'bpnn-kill-'));
      const target = path.join(dir, 'project.bpnn');
      // Version 0 is on disk before the first child starts, so every child save has a file to back up.
      await atomicWrite(target, versionText(XOR_PATH, 0));
      /** The version the file held, and the one it held before that (what .bak must keep). */
      let fileVersion = 0;
      let highest = 0;
      let killsInsideASave = 0;
      let killsAfterRename = 0;
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              fc.record({ trigger: fc.constant<'saved'>('saved'), delay: fc.integer({ min: 0, max: MAX_DELAY_MS }) }),
              fc.record({ trigger: fc.constant<'saving'>('saving'), delay: fc.integer({ min: 0, max: MAX_DELAY_IN_SAVE_MS }) }),
            ),
            async (kill) => {
              const before = fileVersion;
              const start = highest + 1;
              const { completed, inFlight } = await runAndKill(target, start, kill);
              expect(completed.length).toBeGreaterThan(0);
              // The child saved start, start+1, … in order, each once.
              expect(completed).toEqual(completed.map((_, i) => start + i));
              const last = completed.at(-1)!;
              highest = Math.max(last, inFlight ?? 0);

              const text = readFileSync(target, 'utf8');
              expect(text.length).toBeGreaterThan(0);
              const v = versionOf(text);
              expect(text).toBe(versionText(XOR_PATH, v));
              // Exactly the last completed save, or the one in flight if its rename had happened.
              expect(inFlight === null ? [last] : [last, inFlight]).toContain(v);

              const bak = readFileSync(`${target}.bak`, 'utf8');
              expect(bak).toBe(versionText(XOR_PATH, versionOf(bak)));
              const prevOfLast = completed.length > 1 ? last - 1 : before;
              if (v === inFlight) {
                killsAfterRename += 1;
                expect(versionOf(bak)).toBe(last);
              } else if (inFlight !== null) {
                // The in-flight save may already have copied the current file to .bak.
                expect([prevOfLast, last]).toContain(versionOf(bak));
              } else {
                expect(versionOf(bak)).toBe(prevOfLast);
              }
              if (inFlight !== null) killsInsideASave += 1;
              fileVersion = v;

              await sweepTemps(target);
              expect(readdirSync(dir).filter((n) => n.endsWith('.bpnn-tmp'))).toEqual([]);
            },
          ),
          { numRuns: KILL_RUNS },
        );
        // The property means something only if kills did land while a save was under way.
        expect(killsInsideASave).toBeGreaterThan(0);
        console.log(`D2: ${KILL_RUNS} kills, ${killsInsideASave} inside a save (${killsAfterRename} after its rename, before it reported)`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect(existsSync(dir)).toBe(false);
    },
    180_000,
  );
});
