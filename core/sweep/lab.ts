// The backprop lab's twelve findings as experiments the app can run again, and the judge that
// says, per finding, on how many seeds it held. Each seed is one full repeat of the lab's
// experiment (every value trained with that seed), so "held on 4 of 5 seeds" means four of five
// repeats showed what the lab saw. A finding that names a winner whose median final loss is
// within 1 % of the runner-up's is a near-tie: no single seed should pick that winner.
import type { DatasetSpec } from '../data/types';
import { seedsFrom } from './expand';
import { DEFAULT_SWEEP_SEEDS, type SweepDefinition, type SweepSetting } from './types';
import { spreadOf } from './summary';
import { TARGET_TOLERANCE, type ResultRow } from './table';
import { sweepValueLabel, sweepValueSaid } from './presets';
import type { Catalog } from '../messages/catalog';
import { render, say, type MessageKey, type Param, type Text } from '../messages/text';

export type LabTask = 'linear' | 'xor';

/** What the lab said, how to repeat it, and (for the sweeps) how to tell whether it held. */
export interface LabFinding {
  /** The lab's numbering, 1–12. */
  id: number;
  /** The data set it was seen on; null for the two that are not sweeps (11, 12). */
  task: LabTask | null;
  title: string;
  /** The lab's own words. */
  claim: string;
  /** The sweep that repeats it; null for 11 and 12, which the examples show instead. */
  sweep: { setting: SweepSetting; values: readonly string[] } | null;
  /** For 11 and 12: where to see it in the app. */
  note?: string;
  /** title, claim and note as Texts, for readers in another language. */
  said: { title: Text; claim: Text; note?: Text };
}

const LR = ['0.0005', '0.005', '0.05', '0.5', '1'];
const HIDDEN = ['64', '32', '16', '8', '4', '2', '1'];
const OPTIMIZERS = ['SGD', 'Momentum', 'RMSProp', 'Adam'];
const ACTIVATIONS = ['Sigmoid', 'ReLU', 'LeakyReLU', 'Tanh'];

type FindingId = keyof Catalog['sweep']['lab']['finding'];

/** A finding's title, claim and note, from the catalogs; `said` keeps them for other languages. */
function finding(id: number, task: LabTask | null, sweep: LabFinding['sweep'], hasNote = false): LabFinding {
  const at = String(id) as FindingId;
  const said: LabFinding['said'] = {
    title: say(`sweep.lab.finding.${at}.title`),
    claim: say(`sweep.lab.finding.${at}.claim`),
    ...(hasNote ? { note: say(`sweep.lab.finding.${at}.note` as MessageKey) } : {}),
  };
  return { id, task, title: render(said.title), claim: render(said.claim), sweep, ...(said.note ? { note: render(said.note) } : {}), said };
}

export const LAB_FINDINGS: readonly LabFinding[] = [
  finding(1, 'linear', { setting: 'lr', values: LR }),
  finding(2, 'xor', { setting: 'lr', values: LR }),
  finding(3, 'linear', { setting: 'hidden', values: HIDDEN }),
  finding(4, 'xor', { setting: 'hidden', values: HIDDEN }),
  finding(5, 'linear', { setting: 'activation', values: ['Sigmoid', 'Identity'] }),
  finding(6, 'xor', { setting: 'activation', values: ['Sigmoid', 'Identity'] }),
  finding(7, 'linear', { setting: 'optimizer', values: OPTIMIZERS }),
  finding(8, 'xor', { setting: 'optimizer', values: OPTIMIZERS }),
  finding(9, 'linear', { setting: 'activation', values: ACTIVATIONS }),
  finding(10, 'xor', { setting: 'activation', values: ACTIVATIONS }),
  finding(11, null, null, true),
  finding(12, null, null, true),
];

/** Seeds per finding unless told otherwise; each seed repeats the whole experiment. */
export const LAB_SEEDS = DEFAULT_SWEEP_SEEDS;
/** Two final losses within this fraction of each other are a tie, not a ranking. */
export const NEAR_TIE = 0.01;
/** "Every rate ends at 99–100 %": the lab's own margin. */
const LAB_ACCURACY = 0.99;
/** "Little difference", "about the same": final accuracies within this of each other. */
const SAME_ACCURACY = 0.02;

/** The lab task a project's data is, or null (the lab used only XOR and the linear set). */
export function labTaskOf(dataset: DatasetSpec): LabTask | null {
  if (dataset.kind !== 'generator') return null;
  return dataset.generator === 'xor' || dataset.generator === 'linear' ? dataset.generator : null;
}

export function labFindingsFor(task: LabTask): LabFinding[] {
  return LAB_FINDINGS.filter((f) => f.task === task);
}

/** One finished run of a finding's sweep: its value, its seed, its row and its loss curve. */
export interface LabRun {
  value: string;
  seed: number;
  row: ResultRow;
  loss: readonly number[];
}

export type LabVerdict = 'held' | 'near-tie' | 'did-not-hold';

export interface FindingResult {
  finding: number;
  task: LabTask;
  verdict: LabVerdict;
  /** Seeds on which the finding's claim held, of those that ran. */
  heldOn: number;
  seeds: number;
  /** "held on 5 of 5 seeds", "near-tie: …", "did not hold (1 of 5 seeds)". */
  text: string;
  /** What was seen, value by value and for the claim's second half, in sentences. */
  details: string[];
  /**
   * text and details as Texts. The verdict word is the `verdict` parameter of verdictText, so a
   * reader can set it apart (the Lab view shows it in bold).
   */
  verdictText?: Text;
  detailTexts?: Text[];
  /** For a ranking: the two values whose medians were compared, and their median final losses. */
  tie?: { a: string; b: string; lossA: number; lossB: number };
}

type BySeed = Map<number, Map<string, LabRun>>;

const acc = (r: LabRun | undefined): number => r?.row.trainAccuracy ?? 0;
const loss = (r: LabRun | undefined): number => r?.row.finalLoss ?? Infinity;
const full = (r: LabRun | undefined): boolean => acc(r) >= 1 - TARGET_TOLERANCE;

/**
 * How much the loss climbs in the first tenth of the run: the rises between epochs, summed, as a
 * fraction of the starting loss. A smooth descent scores 0; an oscillating start scores high.
 */
export function earlyOscillation(curve: readonly number[]): number {
  const window = Math.max(10, Math.round(curve.length / 10));
  let rise = 0;
  for (let i = 1; i < Math.min(window, curve.length); i++) if (curve[i] > curve[i - 1]) rise += curve[i] - curve[i - 1];
  return curve.length && curve[0] > 0 ? rise / curve[0] : 0;
}

/** The values in order of final loss on one seed, lowest first. */
const ranked = (runs: Map<string, LabRun>): string[] => [...runs.keys()].sort((a, b) => loss(runs.get(a)) - loss(runs.get(b)));

/** Each finding's claim on one seed (every value run with that seed). */
const CLAIMS: Record<number, (runs: Map<string, LabRun>) => boolean> = {
  1: (r) => LR.every((v) => acc(r.get(v)) >= LAB_ACCURACY - TARGET_TOLERANCE),
  2: (r) => !full(r.get('0.0005')) && LR.filter((v) => v !== '0.0005').every((v) => full(r.get(v))),
  3: (r) => Math.max(...HIDDEN.map((v) => acc(r.get(v)))) - Math.min(...HIDDEN.map((v) => acc(r.get(v)))) <= SAME_ACCURACY + TARGET_TOLERANCE,
  4: (r) => !full(r.get('1')) && HIDDEN.filter((v) => v !== '1').every((v) => full(r.get(v))),
  5: (r) => Math.abs(acc(r.get('Identity')) - acc(r.get('Sigmoid'))) <= SAME_ACCURACY + TARGET_TOLERANCE,
  6: (r) => !full(r.get('Identity')),
  7: (r) => beatAll(r, 'SGD', ['Momentum', 'RMSProp', 'Adam']) && sameSet(ranked(r).slice(0, 2), ['Adam', 'Momentum']),
  8: (r) => beatAll(r, 'SGD', ['Momentum', 'RMSProp', 'Adam']) && sameSet(ranked(r).slice(0, 2), ['Adam', 'RMSProp']),
  9: (r) => beatAll(r, 'Sigmoid', ['ReLU', 'LeakyReLU', 'Tanh']) && ranked(r)[0] === 'ReLU',
  10: (r) => beatAll(r, 'Sigmoid', ['ReLU', 'LeakyReLU', 'Tanh']) && ranked(r)[0] === 'LeakyReLU',
};

function beatAll(r: Map<string, LabRun>, base: string, others: string[]): boolean {
  return others.every((v) => loss(r.get(v)) < loss(r.get(base)));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

/** The claim's second half, where it has one that is not part of the verdict: counted and reported. */
const ASIDES: Record<number, { text: Text; holds(r: Map<string, LabRun>): boolean }> = {
  1: { text: say('sweep.lab.aside.1'), holds: (r) => oscillatesMore(r, ['0.5', '1'], ['0.0005', '0.005', '0.05']) },
  5: { text: say('sweep.lab.aside.5'), holds: (r) => oscillatesMore(r, ['Identity'], ['Sigmoid']) },
  9: { text: say('sweep.lab.aside.9'), holds: (r) => oscillatesMore(r, ['ReLU', 'LeakyReLU'], ['Sigmoid', 'Tanh']) },
};

function oscillatesMore(r: Map<string, LabRun>, loud: string[], quiet: string[]): boolean {
  const score = (v: string) => earlyOscillation(r.get(v)?.loss ?? []);
  return Math.min(...loud.map(score)) > Math.max(...quiet.map(score));
}

/** For the findings that name winners: which two medians decide the ranking. */
const CONTESTS: Record<number, (order: string[]) => [string, string]> = {
  // "Adam and Momentum best": the second best against the third.
  7: (order) => [order[1], order[2]],
  8: (order) => [order[1], order[2]],
  // "X ends lowest": the lowest against the next.
  9: (order) => [order[0], order[1]],
  10: (order) => [order[0], order[1]],
};

const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;
/** Three significant digits: enough to see two losses within 1 % apart (0.00100 and 0.00101). */
const lossText = (v: number): string => (!Number.isFinite(v) ? '–' : Math.abs(v) >= 1e-3 || v === 0 ? v.toPrecision(3) : v.toExponential(2));

/**
 * The sweep that repeats a finding on a project of its task: its values, every value over
 * `seedCount` seeds from the project's seed up, each seed with new data as the lab drew it.
 */
export function labSweep(finding: LabFinding, projectSeed: number, seedCount = LAB_SEEDS): SweepDefinition | null {
  if (!finding.sweep) return null;
  return { setting: finding.sweep.setting, values: [...finding.sweep.values], seeds: seedsFrom(projectSeed, seedCount), newData: true };
}

/** Judges one finding from its runs (every value × every seed); null for 11 and 12, which are not sweeps. */
export function judgeFinding(finding: LabFinding, runs: readonly LabRun[]): FindingResult | null {
  const claim = CLAIMS[finding.id];
  if (!finding.sweep || !finding.task || !claim) return null;
  const bySeed: BySeed = new Map();
  for (const r of runs) {
    const m = bySeed.get(r.seed) ?? new Map<string, LabRun>();
    m.set(r.value, r);
    bySeed.set(r.seed, m);
  }
  // A seed counts only when every value of the experiment finished on it.
  const complete = [...bySeed.values()].filter((m) => finding.sweep!.values.every((v) => m.get(v)?.row.state === 'done' || m.get(v)?.row.state === 'diverged'));
  const seeds = complete.length;
  const heldOn = complete.filter(claim).length;

  const values = finding.sweep.values;
  const medianLoss = new Map(values.map((v) => [v, spreadOf(complete.flatMap((m) => (m.get(v)?.row.finalLoss != null ? [m.get(v)!.row.finalLoss as number] : [])))?.median ?? Infinity]));
  const setting = finding.sweep.setting;
  const detailTexts = values.map((v) => {
    const rows = complete.map((m) => m.get(v)!.row);
    const accs = spreadOf(rows.flatMap((r) => (r.trainAccuracy === null ? [] : [r.trainAccuracy])));
    const reached = rows.filter((r) => r.trainAccuracy !== null && r.trainAccuracy >= 1 - TARGET_TOLERANCE).length;
    const shown = rows[0]?.label ?? v;
    // The sweep's own label ("lr 0.5") is said in the reader's language; any other is the caller's.
    const label: Param = shown === sweepValueLabel(setting, v) ? sweepValueSaid(setting, v) : shown;
    return say('sweep.lab.detail', { label, loss: lossText(medianLoss.get(v) ?? Infinity), accuracy: accs ? pct(accs.median) : '–', reached, seeds: rows.length });
  });
  const aside = ASIDES[finding.id];
  if (aside) detailTexts.push(say('sweep.lab.asideCount', { aside: aside.text, held: complete.filter(aside.holds).length, seeds }));

  let tie: FindingResult['tie'];
  const contest = CONTESTS[finding.id];
  if (contest && seeds > 0) {
    const order = [...values].sort((a, b) => (medianLoss.get(a) ?? Infinity) - (medianLoss.get(b) ?? Infinity));
    const [a, b] = contest(order);
    const la = medianLoss.get(a) ?? Infinity;
    const lb = medianLoss.get(b) ?? Infinity;
    if (Number.isFinite(la) && Number.isFinite(lb) && Math.abs(la - lb) <= NEAR_TIE * Math.max(la, lb)) tie = { a, b, lossA: la, lossB: lb };
  }
  const counted = say('sweep.lab.counted', { held: heldOn, count: seeds });
  let verdict: LabVerdict;
  let verdictText: Text;
  if (tie) {
    verdict = 'near-tie';
    verdictText = say('sweep.lab.nearTie', {
      verdict: say('sweep.lab.verdict.nearTie'),
      a: sweepValueSaid(setting, tie.a),
      b: sweepValueSaid(setting, tie.b),
      percent: NEAR_TIE * 100,
      lossA: lossText(tie.lossA),
      lossB: lossText(tie.lossB),
      counted,
    });
  } else if (seeds > 0 && heldOn * 2 > seeds) {
    verdict = 'held';
    verdictText = say('sweep.lab.held', { verdict: say('sweep.lab.verdict.held'), counted });
  } else {
    verdict = 'did-not-hold';
    verdictText = say('sweep.lab.didNotHold', { verdict: say('sweep.lab.verdict.didNotHold'), counted });
  }
  const text = render(verdictText);
  const details = detailTexts.map((d) => render(d));
  return { finding: finding.id, task: finding.task, verdict, heldOn, seeds, text, details, verdictText, detailTexts, ...(tie ? { tie } : {}) };
}
