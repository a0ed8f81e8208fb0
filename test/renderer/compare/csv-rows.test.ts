// Issue 13 §6: the sweep CSV keeps full precision but no float noise, and whole milliseconds.
import { describe, expect, it } from 'vitest';
import { rowsToCsv, type ResultRow } from '../../../core/index';
import { csvRows } from '../../../renderer/compare/export';

const row: ResultRow = {
  runId: 'r1',
  name: 'lr 0.1',
  value: '0.1',
  label: 'lr 0.1',
  state: 'done',
  finalLoss: 0.1 + 0.2,
  trainAccuracy: 0.9523809523809523,
  testAccuracy: null,
  epochToTarget: 12,
  diverged: false,
  epochs: 100,
  ms: 2200.6999999999534,
};

describe('the sweep CSV', () => {
  it('writes whole milliseconds and values without float noise, every real digit kept', () => {
    const csv = rowsToCsv(csvRows([row]));
    const cells = csv.split('\r\n')[1].split(',');
    expect(cells).toContain('2201');
    expect(cells).toContain('0.3');
    expect(cells).toContain('0.952380952380952');
    expect(csv).not.toContain('2200.69');
    expect(csv).not.toContain('0.30000000000000004');
  });
});
