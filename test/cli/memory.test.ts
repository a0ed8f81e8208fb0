// The memory budget on the command line (docs/reliability.md B5): the memory-bomb project (976
// signals of 4096 steps, Conv1d with 244 channels, full batch) is refused by `bpnn validate`
// and `bpnn train` with the same one message, before anything is allocated, and --memory-limit
// reads sizes the way people write them.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { automaticMemoryBudget, estimateRequestMemory, parseProject, projectToSpec } from '../../core/index';
import { BIN, bpnn, expectOneLineError, ROOT, tempDir, writeTemp } from './run';

const BOMB = 'test/fixtures/memory-bomb.bpnn';

function bombEstimate(): number {
  const parsed = parseProject(readFileSync(BOMB, 'utf8'));
  if (!parsed.ok) throw new Error('the fixture does not load');
  const p = parsed.project;
  const e = estimateRequestMemory({ spec: projectToSpec(p), dataset: p.dataset, settings: p.training });
  if (!e) throw new Error('no estimate');
  return e.bytes;
}

/** Runs bpnn and samples the child's peak resident memory (VmHWM) from /proc while it lives. */
function bpnnPeak(args: string[]): Promise<{ code: number | null; stderr: string; peakKb: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let peakKb = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // Gone between the check and the read.
      }
    };
    const timer = setInterval(sample, 10);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, stderr, peakKb });
    });
  });
}

const REFUSAL = /memory: This run needs about \d+ GB of memory; your memory limit is 6 GB\. Most of it is the activations of 'relu1' for a batch of 976 samples: \d+ GB\. Set the batch size to \d+ or less \(it is the full batch of 976 now\), or use fewer channels in 'conv1', or shorter signals\. Or raise your memory limit\.$/;

describe('the memory-bomb project (B5)', () => {
  it('B5: bpnn train refuses it with exit 1 and one line that says what it needs and what to change', () => {
    const r = bpnn(['train', BOMB, '--memory-limit', '6GB']);
    expectOneLineError(r, 1, REFUSAL, expect);
    expect(r.stderr).toMatch(/^bpnn: test\/fixtures\/memory-bomb\.bpnn: memory: /);
    expect(r.stdout).toBe('');
  });

  it('B5: bpnn validate reports the same problem on stdout and exits 1', () => {
    const v = bpnn(['validate', BOMB, '--memory-limit', '6GB']);
    const t = bpnn(['train', BOMB, '--memory-limit', '6GB']);
    expect(v.code).toBe(1);
    expect(v.lines).toHaveLength(1);
    expect(v.lines[0]).toMatch(REFUSAL);
    // One verdict, two commands: the very same text.
    expect(t.stderr.trim().endsWith(v.lines[0])).toBe(true);
  });

  it.runIf(bombEstimate() > automaticMemoryBudget(totalmem(), 'computer').bytes)('B5: without --memory-limit, half of this computer’s memory is the limit', () => {
    const r = bpnn(['train', BOMB]);
    expectOneLineError(r, 1, /memory: This run needs about \d+ GB of memory; this computer allows [\d.]+ GB for training\. /, expect);
  });

  it.runIf(existsSync('/proc/self/status'))('B5: the refusal comes before the allocation: train and validate stay far below one layer’s activations (7 GB)', async () => {
    for (const command of ['train', 'validate']) {
      const r = await bpnnPeak([command, BOMB, '--memory-limit', '6GB']);
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.peakKb).toBeGreaterThan(0);
      expect(r.peakKb).toBeLessThan(1024 * 1024);
    }
  }, 600_000);
});

describe('--memory-limit and the memory line', () => {
  it('bpnn validate prints the estimate and the verdict before ok', () => {
    const r = bpnn(['validate', 'examples/waves-conv1d.bpnn', '--memory-limit', '512MB']);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([expect.stringMatching(/^memory: needs about [\d.]+ (KB|MB) for a batch of 32 \(limit 512 MB\): ok$/), 'ok']);
  });

  it('a limit below what the run needs refuses a run that fits by default, naming the data set when it dominates', () => {
    const waves = readFileSync('examples/waves-conv1d.bpnn', 'utf8').replace('"n": 1200', '"n": 20000');
    const path = writeTemp(tempDir(), 'many-waves.bpnn', waves);
    expect(bpnn(['validate', path]).code).toBe(0);
    const r = bpnn(['train', path, '--memory-limit', '1MB']);
    expectOneLineError(r, 1, /memory: This run needs about [\d.]+ MB of memory; your memory limit is 1 MB\. Most of it is the data set \(20000 samples\) and its training and test copies: [\d.]+ MB\. Use fewer samples, or shorter signals\. Or raise your memory limit\.$/, expect);
  });

  it.each(['lots', '0', '2 parsecs'])('refuses --memory-limit %j as a usage error that shows how to write a size', (value) => {
    const r = bpnn(['validate', 'examples/xor.bpnn', '--memory-limit', value]);
    expectOneLineError(r, 2, /--memory-limit: .*(512MB, 2GB|from 1 MB to 32 GB)/, expect);
  });

  it('bpnn sweep refuses a value whose run cannot fit, naming it, before any worker starts', () => {
    const dir = tempDir();
    const path = writeTemp(dir, 'bomb.bpnn', readFileSync(BOMB, 'utf8'));
    const r = bpnn(['sweep', path, '--vary', 'batchSize=8,0', '--memory-limit', '6GB']);
    expectOneLineError(r, 1, /memory: the run with batch size full batch: This run needs about \d+ GB of memory; your memory limit is 6 GB\./, expect);
  });
});
