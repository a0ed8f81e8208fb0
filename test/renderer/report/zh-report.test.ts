// A report built in Traditional Chinese holds no English in what a reader sees: the report's own
// words, and the engine's (a lab finding's claim, verdict and details, a sweep's value labels)
// said from their Texts. Only the user's names and the glossary's kept terms stay.
import { describe, expect, it } from 'vitest';
import {
  LAB_FINDINGS,
  buildRunRecord,
  createTrainingSession,
  expandSweep,
  judgeFinding,
  projectToSpec,
  sweepValueLabel,
  type LabRun,
  type Project,
  type RunRecord,
} from '../../../core/index';
import { buildLabReport, type LabReportInput } from '../../../report/index';
import { latinLeft } from '../../helpers/zh-text';
import { exampleProject } from '../fixtures';

/** XOR without its description (the user's own words), with a two-value learning-rate sweep trained in-thread. */
function project(): Project {
  const base = exampleProject('xor');
  const p: Project = { ...base, description: '', training: { ...base.training, epochs: 30 } };
  const r = expandSweep({ spec: projectToSpec(p), dataset: p.dataset, settings: p.training }, { setting: 'lr', values: ['0.05', '0.5'] });
  if (!r.ok) throw new Error(r.problems[0].message);
  const runs: RunRecord[] = r.plan.runs.map((run) => {
    const created = createTrainingSession(run.request, { now: () => 0 });
    if (!created.ok) throw new Error('session');
    let result = created.session.runBatches(1e6).finished;
    while (!result) result = created.session.runBatches(1e6).finished;
    return buildRunRecord({ id: `s-${run.index}`, name: `lr ${run.value}`, createdAt: '2026-01-01T00:00:00.000Z', settings: run.request.settings, dataset: run.request.dataset, metrics: created.session.metrics(), result, sweep: { id: 's', setting: 'lr', value: run.value } });
  });
  return { ...p, runs };
}

/** Finding 2 (learning rates on XOR) judged on made-up runs: it held on one seed of two. */
function finding(): NonNullable<LabReportInput['lab']>[number] {
  const f = LAB_FINDINGS.find((x) => x.id === 2)!;
  const run = (value: string, seed: number, accuracy: number): LabRun => ({
    value,
    seed,
    loss: [0.7, 0.3],
    row: { runId: `${value}-${seed}`, name: value, value, label: sweepValueLabel('lr', value), state: 'done', finalLoss: 0.3, trainAccuracy: accuracy, testAccuracy: null, epochToTarget: accuracy === 1 ? 10 : null, diverged: false, epochs: 100, ms: 1 },
  });
  const runs = [1, 2].flatMap((s) => f.sweep!.values.map((v) => run(v, s, v === '0.0005' || (s === 2 && v === '0.005') ? 0.6 : 1)));
  const result = judgeFinding(f, runs);
  if (!result) throw new Error('finding 2 was not judged');
  return { result, loss: [{ label: '學習率 0.05（2 個隨機種子）', band: { median: Float64Array.of(0.7, 0.3), lo: Float64Array.of(0.7, 0.2), hi: Float64Array.of(0.7, 0.4) } }] };
}

/** What a reader sees: the text between tags, scripts and styles left out, entities read. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Kept as they are in Chinese: the app's and the format's names, the block kinds, optimizer and
 * init names and the project's keys for their settings (the glossary keeps them), the task's
 * name, and the user's names (node ids, the data's name and columns, the project's name).
 */
const KEPT = ['BPNN Studio', 'UTC', 'XOR', 'Linear', 'Sigmoid', 'Input', 'SGD', 'lr', 'BCE', 'Epochs', 'randn', 'e-'];
/** Symbols the sentences name, as a formula would: "p in [ε, 1 − ε]", "held on k of n seeds". */
const SYMBOLS = ['p', 'n', 'k'];

describe('the lab report in Traditional Chinese', () => {
  const p = project();
  const html = buildLabReport({ project: p, generatedAt: '2026-11-27T15:00:00.000Z', lab: [finding()], language: 'zh-TW' });
  const text = visibleText(html);
  const names = [p.name, ...p.graph.nodes.map((n) => n.id), ...(p.dataset.kind === 'generator' ? [p.dataset.generator] : []), 'x1', 'x2'];

  it('holds no English word besides the kept terms and the user’s names', () => {
    expect(latinLeft(text, [...KEPT, ...names]).filter((w) => !SYMBOLS.includes(w))).toEqual([]);
  });

  it('says the finding, its verdict and the sweep’s values in Chinese', () => {
    const row = html.slice(html.indexOf('<tr data-finding="2">'));
    expect(row).toContain('除了 0.0005 以外，每個學習率都達到 100%。');
    expect(row).toMatch(/2 個種子中有 1 個成立/);
    expect(row).toContain('學習率 0.0005：最終損失');
    expect(html).toContain('發現 2：XOR 上的學習率');
    const sweep = html.slice(html.indexOf('data-sweep-id="s"'));
    expect(sweep).toContain('學習率 0.05');
    expect(sweep).not.toMatch(/>lr 0\.05</);
  });

  it('says the same findings in English when built in English, as before', () => {
    const en = buildLabReport({ project: p, generatedAt: '2026-11-27T15:00:00.000Z', lab: [finding()] });
    const row = en.slice(en.indexOf('<tr data-finding="2">'));
    expect(row).toContain('Every rate reaches 100% except 0.0005.');
    expect(row).toMatch(/held on 1 of 2 seeds/);
    expect(en).toContain('lr 0.0005: final loss');
    expect(en.slice(en.indexOf('data-sweep-id="s"'))).toContain('lr 0.05');
  });
});
