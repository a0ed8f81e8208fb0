// `bpnn sweep` over seeds: each value repeated over N seeds (5 unless told), a second --vary
// seed=… makes the grid, any other second --vary is refused (never ignored), --new-data gives
// every seed its own points, and the per-value summary says how many seeds reached 100 %.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bpnn, expectOneLineError, tempDir, writeTemp } from './run';

const shortXor = () => writeTemp(tempDir(), 'short.bpnn', readFileSync('examples/xor.bpnn', 'utf8').replace('"epochs": 5000', '"epochs": 30'));
const lines = (stdout: string) => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('bpnn sweep over seeds', () => {
  it('--vary lr=… --vary seed=… runs the grid: every value with every seed, then one line per value', () => {
    const r = bpnn(['sweep', shortXor(), '--vary', 'lr=0.05,0.5', '--vary', 'seed=3,4', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const all = lines(r.stdout);
    expect(all.filter((l) => l.event === 'run').map((l) => [l.value, l.seed])).toEqual([
      ['0.05', 3],
      ['0.05', 4],
      ['0.5', 3],
      ['0.5', 4],
    ]);
    const values = all.filter((l) => l.event === 'value');
    expect(values.map((v) => [v.value, v.seeds])).toEqual([
      ['0.05', 2],
      ['0.5', 2],
    ]);
    expect(values[0]).toMatchObject({ finalLoss: { median: expect.any(Number), min: expect.any(Number), max: expect.any(Number) }, reached: expect.any(Number) });
    expect(all[all.length - 1]).toMatchObject({ event: 'summary', values: ['0.05', '0.5'], seeds: [3, 4], runs: 4 });
  });

  it('repeats each value over 5 seeds from the project\'s seed unless told, and prints the table per value', () => {
    const r = bpnn(['sweep', shortXor(), '--vary', 'lr=0.5']);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^Sweeping learning rate over 1 value × 5 seeds on \d+ workers?…$/);
    const at = r.lines.findIndex((l) => l.startsWith('Over 5 seeds (1, 2, 3, 4, 5): median (range)'));
    expect(at).toBeGreaterThan(0);
    expect(r.lines[at + 1]).toMatch(/^Learning rate\s+final loss\s+train acc\s+seeds at 100%\s+epoch @100%$/);
    expect(r.lines[at + 3]).toMatch(/^lr 0\.5\s+\S+.*\s+\d of 5\s/);
  });

  it('refuses a second --vary that is not the seed, and seeds given twice, instead of ignoring one', () => {
    expectOneLineError(
      bpnn(['sweep', 'examples/xor.bpnn', '--vary', 'lr=0.05', '--vary', 'hidden=4,8']),
      2,
      /varies one setting at a time, repeated over seeds: .* got --vary lr, --vary hidden\.$/,
      expect,
    );
    expectOneLineError(bpnn(['sweep', 'examples/xor.bpnn', '--vary', 'lr=0.05', '--vary', 'seed=1,2', '--seeds', '3']), 2, /Give the seeds once/, expect);
    expectOneLineError(bpnn(['sweep', 'examples/xor.bpnn', '--vary', 'lr=0.05', '--seeds', '0']), 2, /--seeds must be a whole number from 1 to 20/, expect);
  });

  it('--new-data gives every seed its own points (generated data), and is refused for imported data', () => {
    const dir = tempDir();
    const linear = writeTemp(dir, 'linear.bpnn', readFileSync('examples/linear.bpnn', 'utf8').replace('"epochs": 5000', '"epochs": 5'));
    const out = join(dir, 'runs.bpnn');
    expect(bpnn(['sweep', linear, '--vary', 'lr=0.05', '--seeds', '2', '--new-data', '--out', out]).code).toBe(0);
    const saved = JSON.parse(readFileSync(out, 'utf8')) as { runs: { name: string; settings: { seed: number }; dataset: { seed: number } }[] };
    expect(saved.runs.map((r) => [r.name, r.settings.seed, r.dataset.seed])).toEqual([
      ['Learning rate 0.05, seed 1', 1, 1],
      ['Learning rate 0.05, seed 2', 2, 2],
    ]);
    const doc = JSON.parse(readFileSync('examples/xor.bpnn', 'utf8'));
    doc.dataset = { kind: 'inline', name: 'four', featureNames: ['a', 'b'], features: [[0, 0], [0, 1], [1, 0], [1, 1]], labels: [0, 1, 1, 0], classNames: ['0', '1'] };
    const inline = writeTemp(dir, 'inline.bpnn', JSON.stringify(doc));
    expectOneLineError(bpnn(['sweep', inline, '--vary', 'lr=0.05', '--new-data']), 2, /--new-data: New data for every seed needs a generated data set/, expect);
  });
});
