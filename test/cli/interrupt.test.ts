// Ctrl-C during `bpnn train`: the run stops cleanly, reports "stopped", still writes --out,
// and exits with 130.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProject } from '../../core/index';
import { BIN, ROOT, tempDir } from './run';

describe('bpnn train interrupted', () => {
  it('stops on SIGINT, writes the stopped run to --out and exits 130', async () => {
    const out = join(tempDir(), 'stopped.bpnn');
    const child = spawn(process.execPath, [BIN, 'train', 'examples/linear.bpnn', '--epochs', '1000000', '--json', '--out', out], { cwd: ROOT });
    let stdout = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Interrupt once training is under way (the first progress event has arrived).
      if (!signalled && stdout.includes('"event":"progress"')) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    const lines = stdout.trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1]) as { event: string; epochs: number };
    expect(last.event).toBe('stopped');
    expect(last.epochs).toBeGreaterThan(0);
    const saved = parseProject(readFileSync(out, 'utf8'));
    expect(saved.ok && saved.project.runs[0].result.state).toBe('stopped');
  });
});
