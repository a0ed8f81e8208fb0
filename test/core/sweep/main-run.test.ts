// Which run stands for the project as it is (Charts tab, run bar, report): never simply the last
// run of a sweep, whose setting differs from the project's on purpose.
import { describe, expect, it } from 'vitest';
import { buildRunRecord, expandSweep, mainRun, type Project, type RunRecord } from '../../../core/index';
import { baseOf, example } from './fixtures';

const RESULT = { state: 'done', epochs: 1, ms: 0, loss: 0.5, accuracy: 0.5, testLoss: null, testAccuracy: null } as const;
const METRICS = [{ epoch: 1, loss: 0.5, accuracy: 0.5, lr: 0.05, testLoss: null, testAccuracy: null }];

function lrSweep(project: Project, values: string[]): RunRecord[] {
  const r = expandSweep(baseOf(project), { setting: 'lr', values });
  if (!r.ok) throw new Error(r.problems[0].message);
  return r.plan.runs.map((run) =>
    buildRunRecord({ id: `s-${run.index}`, name: run.value, createdAt: '2026-01-01T00:00:00.000Z', settings: run.request.settings, dataset: run.request.dataset, metrics: METRICS, result: RESULT, sweep: { id: 's', setting: 'lr', value: run.value } }),
  );
}

describe('mainRun', () => {
  const xor = example('xor');
  const single = (id: string): RunRecord => buildRunRecord({ id, name: id, createdAt: '2026-01-01T00:00:00.000Z', settings: xor.training, dataset: xor.dataset, metrics: METRICS, result: RESULT });

  it('is the latest single run, even when a sweep came after it', () => {
    const runs = [single('a'), single('b'), ...lrSweep(xor, ['0.5', '1'])];
    expect(mainRun({ ...xor, runs })?.id).toBe('b');
  });

  it('without single runs, is the sweep run whose value is the project’s own setting, else none', () => {
    expect(xor.training.optimizer.lr).toBe(0.05);
    expect(mainRun({ ...xor, runs: lrSweep(xor, ['0.5', '0.05', '1']) })?.sweep?.value).toBe('0.05');
    expect(mainRun({ ...xor, runs: lrSweep(xor, ['0.5', '1']) })).toBeNull();
    expect(mainRun({ ...xor, runs: [] })).toBeNull();
  });
});
