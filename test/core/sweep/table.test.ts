import { describe, expect, it } from 'vitest';
import { buildRunRecord, epochReaching, resultRow, rowsToCsv, sortRows, type EpochMetrics, type ResultRow, type RunRecord } from '../../../core/index';
import { defaultSettingsRecord } from './records';

const metric = (epoch: number, loss: number, accuracy: number): EpochMetrics => ({ epoch, loss, accuracy, testLoss: null, testAccuracy: null, lr: 0.05 });

describe('results table', () => {
  it('finds the first epoch at which accuracy reached the target, tolerating float sums', () => {
    expect(epochReaching([0.5, 0.9, 0.9999999999999999, 1], 1)).toBe(3);
    expect(epochReaching([0.5, 0.6], 1)).toBeNull();
    expect(epochReaching([0.5, 0.95, 0.96], 0.95)).toBe(2);
  });

  it('builds a row from a run record: final loss, accuracies, epoch to 100%, diverged, time', () => {
    const run = defaultSettingsRecord('a', [metric(1, 0.7, 0.5), metric(2, 0.3, 1)], { state: 'done', epochs: 2, loss: 0.3, accuracy: 1, testAccuracy: null, ms: 12 });
    const row = resultRow({ ...run, sweep: { id: 's', setting: 'lr', value: '0.5' } }, 'lr 0.5');
    expect(row).toMatchObject({ value: '0.5', label: 'lr 0.5', finalLoss: 0.3, trainAccuracy: 1, testAccuracy: null, epochToTarget: 2, diverged: false, ms: 12, epochs: 2 });
  });

  it('sorts by any column with missing values last, keeping the sweep order for ties', () => {
    const rows = [
      { label: 'a', finalLoss: 0.2, epochToTarget: null },
      { label: 'b', finalLoss: 0.1, epochToTarget: 40 },
      { label: 'c', finalLoss: 0.2, epochToTarget: 10 },
    ] as ResultRow[];
    expect(sortRows(rows, 'finalLoss', 'asc').map((r) => r.label)).toEqual(['b', 'a', 'c']);
    expect(sortRows(rows, 'epochToTarget', 'asc').map((r) => r.label)).toEqual(['c', 'b', 'a']);
    expect(sortRows(rows, 'epochToTarget', 'desc').map((r) => r.label)).toEqual(['b', 'c', 'a']);
    expect(sortRows(rows, 'label', 'desc').map((r) => r.label)).toEqual(['c', 'b', 'a']);
  });

  it('writes CSV with a header, quoting commas and quotes and defusing spreadsheet formulas', () => {
    const run = defaultSettingsRecord('=HYPERLINK("x"), run', [metric(1, 0.5, 1)], { state: 'done', epochs: 1, loss: 0.5, accuracy: 1, testAccuracy: null, ms: 3 });
    const csv = rowsToCsv([resultRow(run)]);
    const [header, line] = csv.trimEnd().split('\r\n');
    expect(header).toBe('run,value,state,final loss,train accuracy,test accuracy,epoch reaching target,diverged,epochs,time (ms)');
    expect(line).toBe(`"'=HYPERLINK(""x""), run","'=HYPERLINK(""x""), run",done,0.5,1,,1,false,1,3`);
  });
});

describe('run records', () => {
  it('keeps curves up to the last finite epoch and turns non-finite results into null', () => {
    const rec: RunRecord = buildRunRecord({
      id: 'r',
      name: 'Run 1',
      createdAt: '2026-01-01T00:00:00.000Z',
      settings: defaultSettingsRecord('x', [], { state: 'done', epochs: 0, loss: null, accuracy: null, testAccuracy: null, ms: 0 }).settings,
      dataset: { kind: 'generator', generator: 'xor', params: {}, seed: 1 },
      metrics: [metric(1, 0.7, 0.5), metric(2, NaN, 0.5), metric(3, 0.1, 1)],
      result: { state: 'diverged', epochs: 2, loss: NaN, accuracy: 0.5, testAccuracy: null, ms: Infinity },
      sweep: { id: 's', setting: 'lr', value: '100' },
    });
    expect(rec.curves.loss).toEqual([0.7]);
    expect(rec.result.loss).toBeNull();
    expect(rec.result.ms).toBe(0);
    expect(rec.sweep).toEqual({ id: 's', setting: 'lr', value: '100' });
  });
});
