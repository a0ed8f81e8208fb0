// The lab's findings and their judge: each seed is one repeat of the experiment, a finding
// "held on k of n seeds" counts the repeats that showed what the lab saw, and a ranking whose
// two contenders end within 1 % is a near-tie, whatever one seed says.
import { describe, expect, it } from 'vitest';
import { LAB_FINDINGS, earlyOscillation, judgeFinding, labFindingsFor, labSweep, labTaskOf, type LabRun, type ResultRow } from '../../../core/index';

function run(value: string, seed: number, accuracy: number, finalLoss: number, loss: number[] = [1, 0.5]): LabRun {
  const row: ResultRow = {
    runId: `${value}-${seed}`,
    name: value,
    value,
    label: value,
    state: 'done',
    finalLoss,
    trainAccuracy: accuracy,
    testAccuracy: null,
    epochToTarget: accuracy === 1 ? 10 : null,
    diverged: false,
    epochs: 100,
    ms: 1,
  };
  return { value, seed, row, loss };
}

const finding = (id: number) => LAB_FINDINGS.find((f) => f.id === id)!;
const seeds = [1, 2, 3, 4, 5];

describe("the lab's findings", () => {
  it('lists all twelve; the ten sweeps split between the linear data (odd) and XOR (even)', () => {
    expect(LAB_FINDINGS.map((f) => f.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(labFindingsFor('linear').map((f) => f.id)).toEqual([1, 3, 5, 7, 9]);
    expect(labFindingsFor('xor').map((f) => f.id)).toEqual([2, 4, 6, 8, 10]);
    expect(LAB_FINDINGS.filter((f) => f.sweep === null).map((f) => f.id)).toEqual([11, 12]);
    expect(labTaskOf({ kind: 'generator', generator: 'xor', params: {}, seed: 1 })).toBe('xor');
    expect(labTaskOf({ kind: 'generator', generator: 'spiral', params: {}, seed: 1 })).toBeNull();
    expect(labSweep(finding(2), 7, 3)).toEqual({ setting: 'lr', values: ['0.0005', '0.005', '0.05', '0.5', '1'], seeds: [7, 8, 9], newData: true });
    expect(labSweep(finding(11), 1)).toBeNull();
  });

  it('finding 2 holds on the seeds where every rate but 0.0005 reaches 100 %, and says so per seed', () => {
    const runs = seeds.flatMap((s) => [
      run('0.0005', s, 0.6, 0.69),
      run('0.005', s, s === 5 ? 0.8 : 1, 0.3),
      run('0.05', s, 1, 0.01),
      run('0.5', s, 1, 0.001),
      run('1', s, 1, 0.001),
    ]);
    const r = judgeFinding(finding(2), runs)!;
    expect(r).toMatchObject({ finding: 2, task: 'xor', verdict: 'held', heldOn: 4, seeds: 5, text: 'held on 4 of 5 seeds' });
    expect(r.details[1]).toBe('0.005: final loss 0.300 (median), accuracy 100.0%, 100% on 4 of 5 seeds');
    // Held on fewer than half the repeats: it did not hold.
    const few = judgeFinding(finding(2), runs.map((x) => (x.value === '0.005' && x.seed < 4 ? run('0.005', x.seed, 0.7, 0.4) : x)))!;
    expect(few).toMatchObject({ verdict: 'did-not-hold', heldOn: 1, text: 'did not hold (held on 1 of 5 seeds)' });
  });

  it('a seed with a value missing (stopped, failed) is not counted', () => {
    const runs = [1, 2].flatMap((s) => [run('Sigmoid', s, 1, 0.01), run('Identity', s, 0.52, 0.69)]).slice(0, 3);
    expect(judgeFinding(finding(6), runs)).toMatchObject({ verdict: 'held', heldOn: 1, seeds: 1 });
  });

  it('findings 9 and 10 are near-ties when the two lowest activations end within 1 %, whichever wins on each seed', () => {
    const runs = seeds.flatMap((s) => [
      run('Sigmoid', s, 1, 0.1),
      run('Tanh', s, 1, 0.01),
      run('ReLU', s, 1, s % 2 ? 0.00100 : 0.00101),
      run('LeakyReLU', s, 1, s % 2 ? 0.00101 : 0.00100),
    ]);
    const r = judgeFinding(finding(10), runs)!;
    expect(r.verdict).toBe('near-tie');
    expect(r.heldOn).toBe(2);
    expect(r.text).toMatch(/^near-tie: (ReLU and LeakyReLU|LeakyReLU and ReLU) end within 1% \(median final loss 0\.0010\d and 0\.0010\d\); as stated it held on 2 of 5 seeds$/);
    // Far apart, the ranking decides.
    const apart = judgeFinding(finding(10), runs.map((x) => (x.value === 'LeakyReLU' ? run('LeakyReLU', x.seed, 1, 0.0005) : x)))!;
    expect(apart).toMatchObject({ verdict: 'held', heldOn: 5 });
  });

  it('finding 7 needs all three to beat SGD and Adam and Momentum to be the best two', () => {
    const runs = seeds.flatMap((s) => [run('SGD', s, 1, 0.05), run('Momentum', s, 1, 0.002), run('RMSProp', s, 1, 0.01), run('Adam', s, 1, 0.001)]);
    expect(judgeFinding(finding(7), runs)).toMatchObject({ verdict: 'held', heldOn: 5 });
    const rmsBest = runs.map((x) => (x.value === 'RMSProp' ? run('RMSProp', x.seed, 1, 0.0001) : x));
    expect(judgeFinding(finding(7), rmsBest)).toMatchObject({ verdict: 'did-not-hold', heldOn: 0 });
  });

  it('reports the second half of a claim (early oscillation) as a count, outside the verdict', () => {
    expect(earlyOscillation([1, 0.5, 0.8, 0.4, 0.6, 0.3, 0.2, 0.1, 0.1, 0.1])).toBeCloseTo(0.5, 12);
    expect(earlyOscillation([1, 0.9, 0.8, 0.7])).toBe(0);
    const bumpy = [1, 0.4, 0.9, 0.3, 0.8, 0.2, 0.1, 0.1, 0.1, 0.1];
    const smooth = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1];
    const runs = seeds.flatMap((s) => ['0.0005', '0.005', '0.05', '0.5', '1'].map((v) => run(v, s, 1, 0.01, Number(v) >= 0.5 && s < 4 ? bumpy : smooth)));
    const r = judgeFinding(finding(1), runs)!;
    expect(r).toMatchObject({ verdict: 'held', heldOn: 5 });
    expect(r.details[r.details.length - 1]).toBe('rates ≥ 0.5 oscillated early more than the smaller rates on 3 of 5 seeds');
  });

  it('has no verdict for 11 and 12, which are not sweeps', () => {
    expect(judgeFinding(finding(11), [])).toBeNull();
  });
});
