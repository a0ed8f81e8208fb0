// @vitest-environment jsdom
// The engine's training, memory, divergence and lab words on screen in zh-TW: the Lab view's
// findings and verdicts, the Training panel's memory note and divergence advice, the run
// history's sweep column, and the Compare view's setting names.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LAB_FINDINGS, judgeFinding, sweepValueSaid, type Text, spoken, validateSettings, defaultSettings, type LabRun, type ResultRow, type RunRecord } from '../../../core/index';
import { divergenceInfo } from '../../../core/train/divergence';
import { i18next } from '../../../renderer/i18n';
import { LabPanel, verdictParts } from '../../../renderer/lab/LabPanel';
import { useLabStore } from '../../../renderer/lab/store';
import { memoryNote } from '../../../renderer/training/memory';
import { applyEvents, idleView, problemLine, startProblemsMessage } from '../../../renderer/store/training-events';
import { sweepText } from '../../../renderer/history/RunHistory';
import { runLabel } from '../../../renderer/compare/rows';
import type { SweepRunView } from '../../../renderer/store/sweep';
import { exampleProject } from '../fixtures';

vi.mock('../../../renderer/charts/EChart', () => ({
  EChart: ({ label }: { label: string }) => <figure role="img" aria-label={label} />,
}));

// Latin words of three letters or more other than names that stay as written.
const NAMES = new Set(['SGD', 'Momentum', 'RMSProp', 'Adam', 'Linear', 'ReLU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'Identity', 'Softmax', 'Conv1d', 'XOR', 'NaN', 'KB', 'MB', 'GB', 'clipNorm']);
const englishLeft = (text: string) => (text.match(/[A-Za-z][A-Za-z0-9]{2,}/g) ?? []).filter((w) => !NAMES.has(w));

function run(value: string, seed: number, accuracy: number, finalLoss: number): LabRun {
  const row: ResultRow = { runId: `${value}-${seed}`, name: value, value, label: value, state: 'done', finalLoss, trainAccuracy: accuracy, testAccuracy: null, epochToTarget: null, diverged: false, epochs: 100, ms: 1 };
  return { value, seed, row, loss: [1, 0.5] };
}

beforeEach(async () => {
  await act(async () => {
    await i18next.changeLanguage('zh-TW');
  });
});
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

describe('engine words on screen in zh-TW', () => {
  it('the Lab view shows the findings, the verdict word in bold and the details in Chinese', () => {
    const finding = LAB_FINDINGS.find((f) => f.id === 6)!;
    const result = judgeFinding(finding, [1, 2, 3].flatMap((s) => [run('Sigmoid', s, 1, 0.01), run('Identity', s, 0.5, 0.69)]))!;
    render(<LabPanel />);
    act(() => useLabStore.setState({ findings: { ...useLabStore.getState().findings, 6: { id: 6, status: 'done', runs: [], message: null, result } } }));
    const card = screen.getByTestId('finding-6');
    expect(card.textContent).toContain('沒有激活函數就會失敗：線性映射無法分開 XOR。');
    const verdict = screen.getByTestId('verdict-6');
    expect(verdict.querySelector('b')?.textContent).toBe('成立');
    expect(verdict.textContent).toBe('這裡： 成立：3 個種子中有 3 個成立');
    expect(englishLeft(card.textContent ?? '')).toEqual([]);
    // Finding 2's card, untouched by a run, speaks Chinese too.
    expect(englishLeft(screen.getByTestId('finding-2').textContent ?? '')).toEqual([]);
  });

  it('splits the verdict around its word in either language', () => {
    const result = judgeFinding(LAB_FINDINGS.find((f) => f.id === 6)!, [1].flatMap((s) => [run('Sigmoid', s, 1, 0.01), run('Identity', s, 1, 0.01)]))!;
    expect(verdictParts(result, 'en')).toEqual(['', 'did not hold', ' (held on 0 of 1 seed)']);
    expect(verdictParts(result, 'zh-TW')).toEqual(['', '不成立', '（1 個種子中有 0 個成立）']);
  });

  it('the memory note and its refusal are Chinese', () => {
    const note = memoryNote(exampleProject('xor'), null, { bytes: 1024, source: 'browser' }, 'zh-TW')!;
    expect(note.text).toMatch(/^大小為 1 的批次約需 \d+ KB 的記憶體（上限 1 KB）。$/);
    expect(note.problem).toMatch(/^這次訓練約需 \d+ KB 的記憶體；這個瀏覽器允許訓練使用約 1 KB。/);
    expect(englishLeft(`${note.text} ${note.problem}`)).toEqual([]);
  });

  it('the divergence message keeps the Texts the Training panel shows', () => {
    const diverged = divergenceInfo({ epoch: 4, batch: 1, value: NaN, where: { kind: 'loss' }, lastFiniteLoss: 0.5, keptEpoch: 3, lr: 0.5, clipNorm: null });
    const result = { state: 'diverged' as const, epochs: 4, loss: null, accuracy: null, testAccuracy: null, ms: 1, diverged };
    const { view } = applyEvents({ ...idleView(), runId: 'r', status: 'running' }, [{ type: 'diverged', runId: 'r', result, weights: {} }]);
    expect(view.message?.title).toBe(diverged.message);
    expect(view.message?.titleText).toEqual(diverged.text);
    expect(view.message?.adviceText).toEqual(diverged.adviceText);
  });

  it("the run history's sweep column is Chinese", () => {
    const sweepRun = (setting: string, value: string) => ({ sweep: { id: 's', setting, value } }) as unknown as RunRecord;
    expect(sweepText(sweepRun('lr', '0.05'), 'zh-TW')).toBe('學習率：0.05');
    expect(sweepText(sweepRun('batchSize', '0'), 'zh-TW')).toBe('批次大小：全批次');
    expect(sweepText(sweepRun('batchSize', '0'))).toBe('Batch size: full batch');
  });

  it('a refused start keeps the problems, so the Training panel says them in Chinese', () => {
    const problems = validateSettings({ ...defaultSettings(), epochs: 0 });
    const message = startProblemsMessage(problems);
    expect(message.details).toEqual(['epochs: epochs must be a whole number from 1 to 1000000 (got 0).']);
    expect(message.problems).toEqual(problems);
    expect(problemLine(problems[0], spoken(problems[0], 'zh-TW'))).toBe('epochs: epochs 必須是介於 1 到 1000000 之間的整數（目前是 0）。');
  });

  it("the Compare view's run names are said in the app's language", () => {
    const run = { ...idleView(), value: '0', label: 'full batch', labelText: sweepValueSaid('batchSize', '0') as Text, seed: 3, weights: null } as SweepRunView;
    expect(runLabel(run, false)).toBe('全批次');
    expect(runLabel(run, true)).toBe('全批次，種子 3');
    expect(runLabel(run, true, 'en')).toBe('full batch, seed 3');
  });
});
