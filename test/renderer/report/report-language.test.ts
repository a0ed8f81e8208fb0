// The lab report in Traditional Chinese: its own words translated, <html lang> set, the user's
// names untouched and still escaped. English stays the default (report.test.ts reads it).
import { afterEach, describe, expect, it } from 'vitest';
import { LAB_FINDINGS, buildRunRecord, createTrainingSession, expandSweep, projectToSpec, type FindingResult, type Project, type RunRecord, type Weights } from '../../../core/index';
import { buildLabReport } from '../../../report/index';
import en from '../../../report/locales/en.json';
import zhTW from '../../../report/locales/zh-TW.json';
import appZhTW from '../../../renderer/locales/zh-TW.json';
import { reportInApp } from '../../../renderer/compare/export';
import { i18next } from '../../../renderer/i18n';
import { exampleProject } from '../fixtures';

const GENERATED = '2026-11-27T15:00:00.000Z';
const EVIL = '<img src=x onerror=alert(1)>';

/** XOR with a test split, trained briefly as a two-value learning-rate sweep (in-thread). */
function swept(): { project: Project; runWeights: Record<string, Weights> } {
  const base = exampleProject('xor');
  const project: Project = { ...base, training: { ...base.training, epochs: 20, testSplit: 0.25 } };
  const r = expandSweep({ spec: projectToSpec(project), dataset: project.dataset, settings: project.training }, { setting: 'lr', values: ['0.05', '0.5'] });
  if (!r.ok) throw new Error(r.problems[0].message);
  const runWeights: Record<string, Weights> = {};
  const runs: RunRecord[] = r.plan.runs.map((run) => {
    const created = createTrainingSession(run.request, { now: () => 0 });
    if (!created.ok) throw new Error('session');
    let result = created.session.runBatches(1e6).finished;
    while (!result) result = created.session.runBatches(1e6).finished;
    const id = `s1-${run.index}`;
    runWeights[id] = created.session.weights();
    const name = run.index === 0 ? EVIL : `Learning rate ${run.value}`;
    return buildRunRecord({ id, name, createdAt: '2026-01-01T00:00:00.000Z', settings: run.request.settings, dataset: run.request.dataset, metrics: created.session.metrics(), result, sweep: { id: 's1', setting: 'lr', value: run.value } });
  });
  return { project: { ...project, runs }, runWeights };
}

const FINDING: FindingResult = { finding: 6, task: 'xor', verdict: 'held', heldOn: 2, seeds: 2, text: 'held on 2 of 2 seeds', details: ['Identity (no activation): 100% on 0 of 2 seeds'] };
const band = (v: number[]) => ({ median: Float64Array.from(v), lo: Float64Array.from(v), hi: Float64Array.from(v) });

/** The text of every element of these kinds (tags inside them dropped). */
function texts(html: string, tags: string[]): string[] {
  const out: string[] = [];
  for (const tag of tags) for (const m of html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))) out.push(m[1].replace(/<[^>]+>/g, ''));
  return out;
}

describe('lab report in Traditional Chinese', () => {
  const { project, runWeights } = swept();
  const input = { project, runWeights, generatedAt: GENERATED, lab: [{ result: FINDING, loss: [{ label: 'Sigmoid', band: band([0.7, 0.5, 0.1]) }] }] };
  const zh = buildLabReport({ ...input, language: 'zh-TW' });
  const english = buildLabReport(input);

  it('declares its language', () => {
    expect(zh).toContain('<html lang="zh-TW">');
    expect(english).toContain('<html lang="en">');
  });

  it('numbers its sections with the catalog’s Chinese headings, in a lab report’s order', () => {
    const s = zhTW.sections;
    expect(texts(zh, ['h2'])).toEqual([`1. ${s.network}`, `2. ${s.data}`, `3. ${s.settings}`, `4. ${s.results}`, `5. ${s.experiments}`, `6. ${s.lab}`]);
    expect(zh).toContain(`<title>XOR (the backprop lab) — 實驗報告</title>`);
  });

  // Headings, table heads and captions: what a reader scans. The only Latin words allowed in
  // them are the glossary's (block kinds, Epochs), a symbol or a value's label like "lr 0.5",
  // the run names the user gave, which stay as written, and the findings' titles, which are the
  // engine's words (core/sweep/lab.ts) and not yet translated.
  it('leaves no English word in a heading, table head or caption', () => {
    const allowed = /\b(Epochs|BCE|XOR|Sigmoid|lr|randn)\b|img src=x onerror=alert\(1\)/g;
    const engine = (t: string) => LAB_FINDINGS.reduce((rest, f) => rest.split(f.title).join(''), t);
    const english = texts(zh, ['h2', 'h3', 'th', 'figcaption', 'title'])
      .filter((t) => !t.startsWith('XOR (the backprop lab)'))
      .map((t) => engine(t).replace(allowed, ''))
      .filter((t) => /[A-Za-z]{3,}/.test(t));
    expect(english).toEqual([]);
  });

  it('translates the words drawn inside the charts too', () => {
    const svgText = texts(zh, ['text']).join('\n');
    for (const word of [en.charts.epoch, en.charts.groundTruth, en.charts.boundary, en.results.lossTitle, en.results.train, en.charts.lossLog]) expect(svgText).not.toContain(word);
    for (const word of [zhTW.charts.epoch, zhTW.charts.groundTruth, zhTW.results.lossTitle, zhTW.results.train]) expect(svgText).toContain(word);
    expect(zh).toContain(`aria-label="${zhTW.network.diagram}"`);
  });

  it('still escapes the user’s text where Chinese words surround it (F8)', () => {
    expect(zh).not.toContain(EVIL);
    expect(zh).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(zh).not.toMatch(/<img/i);
  });

  it('keeps the engine’s own words (the lab’s findings) as they are', () => {
    expect(zh).toContain('held on 2 of 2 seeds');
  });
});

describe('the app’s report', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('is written in the window’s language, with the example’s title and description as the Node tab shows them', async () => {
    await i18next.changeLanguage('zh-TW');
    const html = reportInApp({ project: exampleProject('xor'), generatedAt: GENERATED });
    expect(html).toContain('<html lang="zh-TW">');
    expect(html).toContain(`<h1>${appZhTW.examples.xor.title}</h1>`);
    expect(html).toContain(appZhTW.examples.xor.description);
    await i18next.changeLanguage('en');
    expect(reportInApp({ project: exampleProject('xor'), generatedAt: GENERATED })).toContain('<html lang="en">');
  });
});
