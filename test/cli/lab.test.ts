// `bpnn lab`: the lab's findings on the project's task, each over seeds, one JSON line per
// finding; the report gets the findings table. Short runs: verdicts that need the full 5000
// epochs come from a full `bpnn lab` run, not from tests.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGLISH_LOCALE, ROOT, bpnn, expectOneLineError, tempDir, writeTemp } from './run';

const shortXor = () => writeTemp(tempDir(), 'xor.bpnn', readFileSync('examples/xor.bpnn', 'utf8').replace('"epochs": 5000', '"epochs": 200'));

describe('bpnn lab', () => {
  it('prints one JSON line per finding: no activation cannot learn XOR on any seed (finding 6)', () => {
    const dir = tempDir();
    const report = join(dir, 'lab.html');
    const r = bpnn(['lab', shortXor(), '--seeds', '2', '--findings', '6', '--json', '--report', report], ROOT, ENGLISH_LOCALE);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    const line = JSON.parse(r.lines[0]) as Record<string, unknown>;
    expect(line).toMatchObject({ event: 'finding', finding: 6, task: 'xor', verdict: 'held', heldOn: 2, seeds: 2, text: 'held on 2 of 2 seeds' });
    expect(line.claim).toMatch(/a linear map cannot separate XOR/);
    expect(line.details).toEqual([expect.stringMatching(/^Sigmoid: final loss/), expect.stringMatching(/^Identity \(no activation\): .* 100% on 0 of 2 seeds$/)]);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain("The lab&#39;s findings");
    expect(html.match(/<tr data-finding="6">/g)).toHaveLength(1);
    expect(html).toContain('held on 2 of 2 seeds');
    expect(html).not.toMatch(/<script/i);
  });

  it('writes the report in Traditional Chinese when the shell’s locale is zh_TW, the engine’s verdicts too', () => {
    const report = join(tempDir(), 'lab.html');
    const r = bpnn(['lab', shortXor(), '--seeds', '1', '--findings', '6', '--json', '--report', report], ROOT, { LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_TW.UTF-8' });
    expect(r.code).toBe(0);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<html lang="zh-TW">');
    expect(html).toContain('<h2>1. 網路</h2>');
    expect(html).toContain('. 實驗課的發現</h2>');
    expect(html).not.toContain('findings</h2>');
    expect(html).toContain('1 個種子中有 1 個成立');
    expect(html).not.toContain('held on');
  });

  it('runs every finding of the task by default, in the lab order, with a line of words each', () => {
    const r = bpnn(['lab', shortXor(), '--seeds', '1']);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^Repeating 5 of the lab's findings on XOR over 1 seed each \(22 runs on \d+ workers?\)…$/);
    expect(r.lines.filter((l) => l.startsWith('Finding ')).map((l) => l.replace(/:.*/, ''))).toEqual([
      'Finding 2, Learning rates on XOR',
      'Finding 4, Hidden units on XOR',
      'Finding 6, No activation on XOR',
      'Finding 8, Optimizers on XOR',
      'Finding 10, Activations on XOR',
    ]);
  });

  it('refuses a project the lab did not use, and a finding of the other task', () => {
    expectOneLineError(bpnn(['lab', 'examples/spiral-softmax.bpnn']), 1, /bpnn lab repeats the lab's findings on XOR and on the linear data, and this project trains on the spiral data/, expect);
    expectOneLineError(bpnn(['lab', 'examples/xor.bpnn', '--findings', '3']), 2, /--findings: '3' is not one of the lab's findings on XOR \(2, 4, 6, 8, 10\)/, expect);
  });
});
