// The lab report: one self-contained HTML file, sections in a lab report's order, every sweep
// with its runs, all user text escaped.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildRunRecord, createTrainingSession, expandSweep, projectToSpec, type Project, type RunRecord, type Weights } from '../../../core/index';
import { buildLabReport } from '../../../report/index';
import { encodePng } from '../../../report/png';
import { exampleProject } from '../fixtures';

const EPOCHS = 150;

/** A project with a finished 5-value learning-rate sweep (trained in-thread), and the runs' weights. */
function sweptProject(edit: (p: Project) => Project = (p) => p): { project: Project; runWeights: Record<string, Weights> } {
  let project = exampleProject('xor');
  project = edit({ ...project, training: { ...project.training, epochs: EPOCHS } });
  const r = expandSweep({ spec: projectToSpec(project), dataset: project.dataset, settings: project.training }, { setting: 'lr', values: ['0.0005', '0.005', '0.05', '0.5', '1'] });
  if (!r.ok) throw new Error(r.problems[0].message);
  const runWeights: Record<string, Weights> = {};
  const runs: RunRecord[] = r.plan.runs.map((run) => {
    const created = createTrainingSession(run.request, { now: () => 0 });
    if (!created.ok) throw new Error('session');
    let result = created.session.runBatches(1e6).finished;
    while (!result) result = created.session.runBatches(1e6).finished;
    const id = `s1-${run.index}`;
    runWeights[id] = created.session.weights();
    return buildRunRecord({ id, name: `Learning rate ${run.value}`, createdAt: '2026-01-01T00:00:00.000Z', settings: run.request.settings, dataset: run.request.dataset, metrics: created.session.metrics(), result, sweep: { id: 's1', setting: 'lr', value: run.value } });
  });
  return { project: { ...project, runs }, runWeights };
}

const GENERATED = '2026-11-27T15:00:00.000Z';

describe('lab report', () => {
  const { project, runWeights } = sweptProject();
  const html = buildLabReport({ project, runWeights, generatedAt: GENERATED });

  it('has the sections in the order a lab report has them', () => {
    const order = ['Network', 'Data set', 'Training settings', 'Results', 'Experiments'].map((t) => html.indexOf(`. ${t}</h2>`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('<h1>XOR (the backprop lab)</h1>');
  });

  it('holds every chart inline as SVG: network diagram, data, learning curve, prediction figure, sweep curves, boundaries', () => {
    expect(html).toContain('aria-label="Network diagram"');
    expect(html).toContain('Ground truth');
    expect(html).toContain('Loss per epoch, by learning rate');
    expect(html).toContain('Accuracy per epoch, by learning rate');
    // The main run's decision boundary in Results, then five small ones in the experiment, one per value.
    const results = html.slice(html.indexOf('. Results</h2>'), html.indexOf('. Experiments</h2>'));
    expect(results.match(/data:image\/png;base64,/g)?.length).toBe(1);
    expect(results).toContain('The decision boundary');
    expect(html.match(/data:image\/png;base64,/g)?.length).toBe(6);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(10);
  });

  it('lists the five runs of the sweep in its table and legend', () => {
    const experiment = html.slice(html.indexOf('data-sweep-id="s1"'));
    expect(experiment.match(/<tr data-run-id="s1-\d"/g)).toEqual(['<tr data-run-id="s1-0"', '<tr data-run-id="s1-1"', '<tr data-run-id="s1-2"', '<tr data-run-id="s1-3"', '<tr data-run-id="s1-4"']);
    for (const v of ['lr 0.0005', 'lr 0.005', 'lr 0.05', 'lr 0.5', 'lr 1']) expect(experiment).toContain(v);
  });

  it('shows the run that is the project as it is (lr 0.05) in the results section', () => {
    const results = html.slice(html.indexOf('4. Results'), html.indexOf('5. Experiments'));
    expect(results).toContain('Learning rate 0.05');
  });

  it('is self-contained: no script, no external resource, a CSP that forbids loading anything', () => {
    expect(html).not.toMatch(/<script|<link|<iframe|<object/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('escapes every piece of user text (F8): names, description, classes, run names', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const hostile = sweptProject((p) => ({
      ...p,
      name: evil,
      description: `${evil} & "quotes"`,
      dataset: { kind: 'inline', name: evil, featureNames: [evil, 'b'], features: [[0, 0], [1, 1], [0, 1], [1, 0]], labels: [0, 0, 1, 1], classNames: [evil, 'one'] },
    }));
    hostile.project.runs[0] = { ...hostile.project.runs[0], name: evil };
    const out = buildLabReport({ ...hostile, generatedAt: GENERATED });
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('points to the experiments when no run used the project\'s own settings', () => {
    const { project: p2, runWeights: w2 } = sweptProject((p) => ({ ...p, training: { ...p.training, optimizer: { type: 'SGD', lr: 0.3 } } }));
    const out = buildLabReport({ project: p2, runWeights: w2, generatedAt: GENERATED });
    expect(out).toContain('the experiments below show the runs that were made');
    expect(out).toContain('5. Experiments');
  });

  it('says the network has not been trained yet when there are no runs', () => {
    const out = buildLabReport({ project: exampleProject('xor'), generatedAt: GENERATED });
    expect(out).toContain('has not been trained yet');
    expect(out).not.toContain('5. Experiments');
  });
});

describe('PNG writer', () => {
  it('writes a valid PNG whose pixels inflate back to the input', () => {
    const w = 3;
    const h = 2;
    const rgba = Uint8Array.from({ length: w * h * 4 }, (_, i) => (i * 37) % 256);
    const png = encodePng(w, h, rgba);
    expect([...png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const idatAt = Buffer.from(png).indexOf('IDAT');
    const len = new DataView(png.buffer).getUint32(idatAt - 4);
    const raw = inflateSync(Buffer.from(png.subarray(idatAt + 4, idatAt + 4 + len)));
    const rows = [0, 1].map((y) => [...raw.subarray(y * (w * 4 + 1), (y + 1) * (w * 4 + 1))]);
    expect(rows.map((r) => r[0])).toEqual([0, 0]);
    expect(rows.flatMap((r) => r.slice(1))).toEqual([...rgba]);
  });
});
