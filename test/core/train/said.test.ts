// Training, sweep, lab and inspect sentences reach a zh-TW reader in Chinese: every problem,
// memory verdict, divergence advice and lab finding carries a Text beside its English message,
// and the Chinese rendering leaves no English word behind except names that stay as written
// (optimizers, block kinds, units, and the settings' own field names in files).
import { describe, expect, it } from 'vitest';
import {
  LAB_FINDINGS,
  boundSaid,
  checkMemory,
  compileModel,
  datasetInputShape,
  estimateRequestMemory,
  estimateTraceMemory,
  expandSweep,
  isValidText,
  judgeFinding,
  nonFiniteValuesSaid,
  parseMemorySize,
  parseSweepValue,
  render,
  REGIME_SAID,
  spoken,
  sweepSettingHelpSaid,
  sweepSettingSaid,
  sweepValueSaid,
  SWEEP_SETTINGS,
  SWEEP_PRESETS,
  validateSettings,
  type LabRun,
  type ResultRow,
  type Said,
  type Text,
  type TrainProblem,
} from '../../../core/index';
import { divergenceInfo } from '../../../core/train/divergence';
import { createInspector } from '../../../core/inspect/inspect';
import { buildNetwork } from '../../../core/train/network';
import { createRng } from '../../../core/random';
import { baseOf, example } from '../sweep/fixtures';
import { parseWorkerMessage } from '../../../runtime/protocol';
import { RunResultSchema } from '../../../core/project/schema';

// Names that stay as written in Chinese (docs/glossary.zh-TW.md): optimizers, block kinds,
// initialisations, data sets, units and the non-numbers a loss can become.
const NAMES = [
  'SGD', 'Momentum', 'RMSProp', 'Adam', 'Linear', 'ReLU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'Identity', 'Softmax', 'Conv1d',
  'Xavier', 'He', 'XOR', 'NaN', 'Infinity', 'KB', 'MB', 'GB', 'NumPy', 'randn', 'Add',
];

/** Latin words of three letters or more that are neither NAMES nor `allowed`. */
function englishLeft(text: string, allowed: readonly string[] = []): string[] {
  const ok = new Set([...NAMES, ...allowed]);
  return (text.match(/[A-Za-z][A-Za-z0-9]{2,}/g) ?? []).filter((w) => !ok.has(w));
}

/** The problem in Chinese, checked for English left over; its English is the message unchanged. */
function chinese(p: Said, allowed: readonly string[] = []): string {
  expect(p.text, `no Text for: ${p.message}`).toBeDefined();
  expect(render(p.text as Text)).toBe(p.message);
  const zh = spoken(p, 'zh-TW');
  expect(englishLeft(zh, allowed), zh).toEqual([]);
  return zh;
}

const settings = () => baseOf(example('xor')).settings;

describe('the English-word check', () => {
  it('finds the English words of an English sentence, so a Chinese one without them means something', () => {
    expect(englishLeft('Lower the learning rate, e.g. ÷10: from 0.5 to 0.05.')).toEqual(['Lower', 'the', 'learning', 'rate', 'from']);
    expect(englishLeft('降低學習率，例如除以 10：從 0.5 降到 0.05。')).toEqual([]);
  });
});

describe('training problems in zh-TW', () => {
  it('names every bad setting in Chinese, the field as files spell it', () => {
    const s = settings();
    const bad = {
      ...s,
      optimizer: { type: 'Adam', lr: 0, beta1: 1, beta2: 0.5, eps: -1 },
      schedule: { type: 'cosine', minLr: 5 },
      epochs: 1.5,
      regime: 'perSample',
      batchSize: 4,
      shuffle: true,
      testSplit: 2,
      clipNorm: -1,
      init: 'zeros',
      loss: undefined,
    } as unknown as typeof s;
    const problems = validateSettings(bad);
    expect(problems.length).toBeGreaterThanOrEqual(10);
    const fields = ['optimizer', 'schedule', 'minLr', 'beta1', 'beta2', 'eps', 'epochs', 'regime', 'perSample', 'miniBatch', 'batchSize', 'shuffle', 'testSplit', 'clipNorm', 'init', 'loss', 'bce', 'crossEntropy', 'mse', 'normal', 'xavier', 'zeros', 'true', 'false'];
    for (const p of problems) chinese(p, fields);
    expect(spoken(problems.find((p) => p.code === 'bad-setting' && p.field === 'optimizer.lr')!, 'zh-TW')).toBe('optimizer.lr 必須是大於 0 且不超過 100 的數（目前是 0）。');
    // A missing value is said in words, in the reader's language.
    expect(spoken(problems.find((p) => p.code === 'bad-setting' && p.field === 'loss')!, 'zh-TW')).toContain('（目前是 空值）');
  });

  it('says a missing optimizer and schedule in Chinese', () => {
    const problems = validateSettings({ ...settings(), optimizer: null, schedule: null } as never);
    expect(problems.map((p) => spoken(p, 'zh-TW'))).toEqual([
      '缺少優化器：請選擇 SGD、Momentum、RMSProp 或 Adam。',
      '缺少學習率排程：請選擇 constant、step、exponential 或 cosine。',
    ]);
  });

  it('bounds and regimes have Chinese words', () => {
    expect(render(boundSaid({ min: 1, max: 10, integer: true }), 'zh-TW')).toBe('介於 1 到 10 之間的整數');
    for (const t of Object.values(REGIME_SAID)) expect(englishLeft(render(t, 'zh-TW'))).toEqual([]);
  });

  it('refuses stored weights in Chinese', () => {
    const r = compileModel(baseOf(example('xor')).spec, [2]);
    if (!r.ok) throw new Error('xor compiles');
    const net = buildNetwork(r.model, { init: 'normal', rng: createRng(1) });
    if (!net.ok) throw new Error('xor builds');
    const w = net.network.weights();
    const [first, second] = Object.keys(w);
    const broken = { ...w, [first]: { ...w[first], weight: { shape: [9, 9], data: [] } } };
    delete (broken as Record<string, unknown>)[second];
    const problems = net.network.setWeights(broken);
    expect(problems.length).toBe(2);
    for (const p of problems) chinese(p, ['weight', first, second]);
    expect(spoken(problems[0], 'zh-TW')).toContain(`Linear 節點「${first}」的 weight`);
  });
});

describe('memory in zh-TW', () => {
  const req = () => baseOf(example('xor'));

  it('refuses a run over the limit in Chinese, with the advice and the limit', () => {
    const estimate = estimateRequestMemory(req())!;
    for (const source of ['computer', 'browser', 'chosen', 'default'] as const) {
      const verdict = checkMemory(estimate, { bytes: 1024, source });
      expect(verdict.ok).toBe(false);
      if (verdict.ok) continue;
      const zh = chinese(verdict.problem);
      expect(zh).toMatch(/^這次訓練約需 [\d.]+ KB 的記憶體；/);
    }
    const summary = checkMemory(estimate, { bytes: 2 ** 30, source: 'computer' });
    expect(render(summary.summaryText, 'zh-TW')).toMatch(/^大小為 \d+ 的批次約需 [\d.]+ KB（上限 1 GB）$/);
  });

  it('says the step-through and gradient views over their limit in Chinese', () => {
    const { spec, dataset, settings: s } = req();
    const compiled = compileModel(spec, datasetInputShape(dataset));
    if (!compiled.ok) throw new Error('xor compiles');
    for (const purpose of ['step-through', 'gradients'] as const) {
      const verdict = checkMemory(estimateTraceMemory(compiled.model, { n: 21, inputShape: [2] }, s, 16, purpose), { bytes: 1024, source: 'browser' });
      if (verdict.ok) throw new Error('1 KB is too little');
      chinese(verdict.problem);
    }
  });

  it('refuses a memory size it cannot read in Chinese', () => {
    const r = parseMemorySize('lots');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(chinese(r, ['lots', 'automatic'])).toBe('「lots」不是記憶體大小：請寫成 512MB、2GB 或 1073741824（位元組），或「automatic」。');
  });
});

describe('divergence advice in zh-TW', () => {
  const facts = { epoch: 12, batch: 3, value: NaN, lastFiniteLoss: 0.693147, keptEpoch: 11, lr: 0.5, clipNorm: null };

  it('says what blew up, where, what was kept and what to try, for each kind', () => {
    const cases = [
      divergenceInfo({ ...facts, where: { kind: 'loss' } }),
      divergenceInfo({ ...facts, value: 2e6, keptEpoch: 0, where: { kind: 'exploded', startLoss: 0.7 } }),
      divergenceInfo({ ...facts, lastFiniteLoss: null, clipNorm: 5, lr: NaN, where: { kind: 'gradient', nodeId: 'fc1' as never, layerType: 'Linear', tensor: 'bias', nan: 1, inf: 2 } }),
    ];
    for (const d of cases) {
      chinese({ message: d.message, text: d.text }, ['bias', 'fc1']);
      expect(d.adviceText).toHaveLength(d.advice.length);
      d.advice.forEach((a, i) => chinese({ message: a, text: d.adviceText![i] }, ['clipNorm']));
    }
    expect(render(cases[0].text!, 'zh-TW')).toBe('損失在第 12 個週期、第 3 個批次變成 NaN。最後一個有限的損失是 0.693147。已保留最後一組正常的權重（來自第 11 個週期）。');
    expect(render(cases[0].adviceText![0], 'zh-TW')).toBe('降低學習率，例如除以 10：從 0.5 降到 0.05。');
  });

  it('counts skipped values in Chinese', () => {
    expect(render(nonFiniteValuesSaid({ nan: 2, inf: 1 }) as Text, 'zh-TW')).toBe('2 個 NaN、1 個無限大');
    expect(nonFiniteValuesSaid({ nan: 0, inf: 0 })).toBe('');
  });
});

describe('sweeps in zh-TW', () => {
  const base = baseOf(example('xor'));

  it('names every setting, its help and every preset value in Chinese', () => {
    for (const s of SWEEP_SETTINGS) {
      expect(englishLeft(render(sweepSettingSaid(s), 'zh-TW'))).toEqual([]);
      expect(englishLeft(render(sweepSettingHelpSaid(s), 'zh-TW'))).toEqual([]);
      for (const v of SWEEP_PRESETS[s]) {
        const said = sweepValueSaid(s, v);
        const zh = typeof said === 'string' ? said : render(said, 'zh-TW');
        expect(englishLeft(zh), zh).toEqual([]);
      }
    }
    expect(render(sweepValueSaid('hidden', '1') as Text)).toBe('1 unit');
    expect(render(sweepValueSaid('hidden', '8') as Text, 'zh-TW')).toBe('8 個單元');
  });

  it('refuses bad sweeps in Chinese', () => {
    const refused: TrainProblem[] = [];
    for (const def of [
      { setting: 'lr' as const, values: [] },
      { setting: 'lr' as const, values: ['0.5', '0.5', 'fast', ''] },
      { setting: 'optimizer' as const, values: ['Adam'], seeds: [1, 1] },
      { setting: 'seed' as const, values: ['1'], seeds: [1, 2] },
      { setting: 'skip' as const, values: ['plain'] },
      { setting: 'hidden' as const, values: ['4'], nodeIds: ['nope'] },
      { setting: 'lr' as const, values: Array.from({ length: 24 }, (_, i) => String(i + 1)), seeds: Array.from({ length: 20 }, (_, i) => i + 1) },
    ]) {
      const r = expandSweep(base, def);
      expect(r.ok, JSON.stringify(def)).toBe(false);
      if (!r.ok) refused.push(...r.problems);
    }
    expect(refused.length).toBeGreaterThanOrEqual(8);
    for (const p of refused) chinese(p, ['fast', 'nope', 'residual', 'plain', 'fc1', 'fc2', 'Add']);
    for (const name of ['fast', 'sideways']) {
      for (const setting of SWEEP_SETTINGS) {
        const v = parseSweepValue(setting, name);
        if (!v.ok) chinese(v, [name, 'residual', 'plain', 'normal', 'xavier', 'he']);
      }
    }
  });

  it('passes a settings problem on in the reader\'s language', () => {
    const r = expandSweep({ ...base, settings: { ...base.settings, epochs: 0 } }, { setting: 'lr', values: ['0.5'] });
    if (r.ok) throw new Error('epochs 0 is refused');
    expect(spoken(r.problems[0], 'zh-TW')).toBe('epochs 必須是介於 1 到 1000000 之間的整數（目前是 0）。');
  });
});

describe('lab findings in zh-TW', () => {
  function run(value: string, seed: number, accuracy: number, finalLoss: number): LabRun {
    const row: ResultRow = { runId: `${value}-${seed}`, name: value, value, label: value, state: 'done', finalLoss, trainAccuracy: accuracy, testAccuracy: null, epochToTarget: null, diverged: false, epochs: 100, ms: 1 };
    return { value, seed, row, loss: [1, 0.5] };
  }
  const finding = (id: number) => LAB_FINDINGS.find((f) => f.id === id)!;

  it('every title and claim is Chinese', () => {
    for (const f of LAB_FINDINGS) {
      expect(englishLeft(render(f.said.title, 'zh-TW'))).toEqual([]);
      expect(englishLeft(render(f.said.claim, 'zh-TW'))).toEqual([]);
      expect(render(f.said.claim)).toBe(f.claim);
    }
  });

  it('verdicts and details are Chinese; English stays as it was', () => {
    const seeds = [1, 2, 3, 4, 5];
    const held = judgeFinding(finding(1), seeds.flatMap((s) => ['0.0005', '0.005', '0.05', '0.5', '1'].map((v) => run(v, s, 1, 0.01))))!;
    const tie = judgeFinding(finding(10), seeds.flatMap((s) => [run('Sigmoid', s, 1, 0.5), run('ReLU', s, 1, 0.001), run('LeakyReLU', s, 1, 0.00100001), run('Tanh', s, 1, 0.1)]))!;
    const notHeld = judgeFinding(finding(6), seeds.flatMap((s) => [run('Sigmoid', s, 1, 0.01), run('Identity', s, 1, 0.01)]))!;
    expect([held.verdict, tie.verdict, notHeld.verdict]).toEqual(['held', 'near-tie', 'did-not-hold']);
    for (const r of [held, tie, notHeld]) {
      chinese({ message: r.text, text: r.verdictText });
      r.details.forEach((d, i) => chinese({ message: d, text: r.detailTexts![i] }));
    }
    expect(render(held.verdictText!, 'zh-TW')).toBe('成立：5 個種子中有 5 個成立');
    expect(render(notHeld.verdictText!, 'zh-TW')).toBe('不成立（5 個種子中有 0 個成立）');
    // A row labelled as the sweep labels it ("lr 0.5") is said in the reader's language.
    const labelled = judgeFinding(finding(2), seeds.flatMap((s) => ['0.0005', '0.005', '0.05', '0.5', '1'].map((v) => ({ ...run(v, s, 1, 0.01), row: { ...run(v, s, 1, 0.01).row, label: `lr ${v}` } }))))!;
    expect(labelled.details[0]).toMatch(/^lr 0\.0005: final loss/);
    expect(render(labelled.detailTexts![0], 'zh-TW')).toMatch(/^學習率 0\.0005：最終損失/);
  });
});

describe('inspect problems in zh-TW', () => {
  it('refuses samples in Chinese', () => {
    const { spec, dataset, settings: s } = baseOf(example('xor'));
    for (const samples of [[], [999]]) {
      const r = createInspector({ spec, dataset, settings: s, weights: null, samples });
      expect(r.ok).toBe(false);
      if (!r.ok) chinese(r.problems[0]);
    }
  });
});

describe('Texts at the boundaries', () => {
  it('accepts the catalogs\' keys and nothing else', () => {
    expect(isValidText({ key: 'train.memory.samples', params: { count: 2 } })).toBe(true);
    expect(isValidText({ key: 'train.diverged.message', params: { what: { key: 'train.diverged.keptInitial' }, kept: 'x' } })).toBe(true);
    expect(isValidText({ key: 'train.noSuchKey' })).toBe(false);
    expect(isValidText({ key: 'train.memory' })).toBe(false);
    expect(isValidText({ key: 'train.value.nothing', extra: 1 })).toBe(false);
    expect(isValidText({ key: 'train.value.nothing', params: { x: { key: 'nope' } } })).toBe(false);
    let deep: unknown = { key: 'train.value.nothing' };
    for (let i = 0; i < 20; i++) deep = { key: 'train.value.nothing', params: { x: deep } };
    expect(isValidText(deep)).toBe(false);
  });

  it("let a diverged run's Texts through the worker protocol and into a saved run, and refuse a forged one", () => {
    const diverged = divergenceInfo({ epoch: 2, batch: 1, value: NaN, where: { kind: 'loss' }, lastFiniteLoss: 0.7, keptEpoch: 1, lr: 0.5, clipNorm: null });
    const result = { state: 'diverged' as const, epochs: 2, loss: null, accuracy: null, testAccuracy: null, ms: 1, diverged };
    const event = { type: 'diverged', runId: 'r', result, weights: {} };
    const parsed = parseWorkerMessage({ kind: 'event', event });
    expect(parsed?.kind === 'event' && parsed.event.type === 'diverged' && parsed.event.result.diverged?.text).toEqual(diverged.text);
    expect(RunResultSchema.safeParse(result).success).toBe(true);
    const forged = { ...result, diverged: { ...diverged, text: { key: 'train.noSuchKey' } } };
    expect(parseWorkerMessage({ kind: 'event', event: { ...event, result: forged } })).toBeNull();
    expect(RunResultSchema.safeParse(forged).success).toBe(false);
    expect(parseWorkerMessage({ kind: 'event', event: { type: 'error', runId: 'r', message: 'm', text: { key: 'train.memory.outOfMemory' } } })).not.toBeNull();
  });
});
