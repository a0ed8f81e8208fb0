// The lab report: one self-contained HTML file in the order a lab report has it — the network,
// the data, the settings, the results (learning curve, ground truth against prediction, the
// accuracy table), then every experiment (sweep) with its overlaid curves and table. Charts are
// inline SVG rendered by ECharts' server-side renderer, so the file opens offline and prints.
// Framework-free: the CLI calls it in Node, the app calls it in the browser.
import { lossText } from './loss-text';
import { runProject } from './run-project';
import {
  DEFAULT_TARGET_ACCURACY,
  LAB_FINDINGS,
  REGIME_LABELS,
  SWEEP_SETTING_LABELS,
  formatPercent,
  mainRun,
  makeDataset,
  metricsFromRunCurves,
  parseSweepSettingKey,
  regimeOf,
  resultRow,
  sweepValueLabel,
  type Dataset,
  type DatasetSpec,
  type FindingResult,
  type Project,
  type ResultRow,
  type RunRecord,
  type TrainingSettings,
  type Weights,
} from '../core/index';
import { boundaryOption, boundaryPixels, squareChartBox } from './charts/boundary-options';
import { comparisonOption, scatterOption, signalsOption } from './charts/data-options';
import { plotDataOf, viewKind } from './charts/plot-data';
import { boundaryExtent, type PlotData } from './charts/plot-data';
import { predictionsFor } from './charts/predictions';
import { bandOption, overlayOption, type BandSeries, type CurveSeries } from './charts/overlay-options';
import { smallMultiple } from './charts/small-boundary';
import { escapeHtml } from './escape';
import { layerRows, networkSvg } from './network-svg';
import { pngDataUrl } from './png';
import { REPORT_CSS } from './style';
import { chartSvg } from './svg';

export interface LabReportInput {
  /** The project, its run history included (sweep runs carry RunRecord.sweep). */
  project: Project;
  /** Trained weights by run id, when known: prediction figures and decision boundaries. */
  runWeights?: Readonly<Record<string, Weights>>;
  /** ISO 8601 time stamp printed in the header (the caller's clock). */
  generatedAt: string;
  /** Accuracy a run must reach to count in "epoch reaching target" (default 100%). */
  target?: number;
  /**
   * The lab's findings as repeated here (the Lab view, `bpnn lab`): a table of what held how
   * often, and per finding its loss curves (median and band per value) when given.
   */
  lab?: readonly LabReportFinding[];
}

export interface LabReportFinding {
  result: FindingResult;
  loss?: readonly BandSeries[];
}

const WIDE = 760;
const CURVE_H = 300;
/** Points per curve in the report: plenty for a 760-pixel chart, and keeps the file small. */
const MAX_POINTS = 600;
const SMALL = 200;
/** The side of the single run's decision-boundary plot area. */
const BOUNDARY_PLOT_PX = 360;

const h = escapeHtml;

function figure(svg: string, caption: string, cls = 'figure'): string {
  return `<figure class="${cls}">${svg}<figcaption>${h(caption)}</figcaption></figure>`;
}

function table(head: string[], rows: string[][], attrs: string[] = [], cls = ''): string {
  const th = head.map((c) => `<th scope="col">${h(c)}</th>`).join('');
  const body = rows.map((r, i) => `<tr${attrs[i] ? ` ${attrs[i]}` : ''}>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const VERDICT_CLASS: Record<FindingResult['verdict'], string> = { held: 'held', 'near-tie': 'tie', 'did-not-hold': 'not-held' };

/** The findings table (the lab's words next to what happened here), then each finding's curves. */
function labFindingsHtml(lab: readonly LabReportFinding[]): string {
  const rows = lab.map(({ result: r }) => {
    const f = LAB_FINDINGS.find((x) => x.id === r.finding);
    return [String(r.finding), h(r.task === 'xor' ? 'XOR' : 'linear'), h(f?.claim ?? ''), `<b class="${VERDICT_CLASS[r.verdict]}">${h(r.text)}</b>`, r.details.map((d) => h(d)).join('<br>')];
  });
  const intro =
    '<p>Each finding was repeated over several seeds, each seed a full repeat of the experiment (every value trained with that seed, on new data for the linear set). ' +
    '"Held on k of n seeds" counts the repeats that showed what the lab saw; a near-tie is a ranking whose two contenders end within 1% of each other, which no single seed can settle.</p>';
  const charts = lab
    .filter((e) => e.loss?.length)
    .map(({ result: r, loss }) => {
      const f = LAB_FINDINGS.find((x) => x.id === r.finding);
      const title = `Finding ${r.finding}: ${f?.title ?? ''}, loss per epoch`;
      return figure(chartSvg(bandOption(loss ?? [], 'loss', { logLoss: 'auto', title, maxPoints: MAX_POINTS, width: WIDE }), WIDE, CURVE_H + 20), `${title}: median of the seeds, band from the lowest to the highest.`);
    });
  return intro + table(['#', 'Task', 'The lab saw', 'Here', 'Per value'], rows, lab.map((e) => `data-finding="${e.result.finding}"`), 'lab-findings') + charts.join('');
}

function datasetText(spec: DatasetSpec, data: Dataset | null): string {
  const counts = data ? data.classNames.map((name, k) => `${h(name)}: ${Array.from(data.y).filter((y) => y === k).length}`).join(', ') : '';
  if (spec.kind === 'generator') {
    const p = spec.params;
    const bits = [`generator <b>${h(spec.generator)}</b>`, data ? `${data.n} samples` : '', p.noise !== undefined ? `noise ${p.noise}` : '', p.classes !== undefined ? `${p.classes} classes` : '', `seed ${spec.seed}`];
    return `<p>Built-in data set: ${bits.filter(Boolean).join(', ')}.${counts ? ` Samples per class: ${counts}.` : ''}</p>`;
  }
  return `<p>Imported data <b>${h(spec.name)}</b>: ${spec.features.length} rows, features ${spec.featureNames.map((f) => h(f)).join(', ')}.${counts ? ` Samples per class: ${counts}.` : ''}</p>`;
}

function optimizerText(s: TrainingSettings): string {
  const { type, ...rest } = s.optimizer;
  return `${type} (${Object.entries(rest)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')})`;
}

function scheduleText(s: TrainingSettings): string {
  const { type, ...rest } = s.schedule;
  const params = Object.entries(rest).map(([k, v]) => `${k} ${v}`);
  return params.length ? `${type} (${params.join(', ')})` : type;
}

const LOSS_NAMES: Record<TrainingSettings['loss'], string> = { bce: 'binary cross-entropy', crossEntropy: 'cross-entropy', mse: 'mean squared error' };
const INIT_NAMES: Record<TrainingSettings['init'], string> = { normal: 'standard normal (randn)', xavier: 'Xavier/Glorot uniform', he: 'He (Kaiming) normal' };

function settingsTable(s: TrainingSettings): string {
  const rows: [string, string][] = [
    ['Loss', LOSS_NAMES[s.loss]],
    ['Optimizer', optimizerText(s)],
    ['Learning-rate schedule', scheduleText(s)],
    ['Epochs', String(s.epochs)],
    ['Updates', regimeOf(s) === 'miniBatch' ? `${REGIME_LABELS.miniBatch} of ${s.batchSize}` : REGIME_LABELS[regimeOf(s)]],
    ['Test split', s.testSplit > 0 ? `${Math.round(s.testSplit * 100)}% held out` : 'none (all samples train)'],
    ['Weight initialisation', INIT_NAMES[s.init]],
    ['Seed', String(s.seed)],
    ['Gradient clipping', s.clipNorm === null ? 'off' : `global norm ≤ ${s.clipNorm}`],
    ['Shuffle every epoch', regimeOf(s) === 'miniBatch' && s.shuffle ? 'yes' : 'no'],
    ...(s.loss === 'bce' ? [['BCE clip', s.bceClip == null ? 'off (exact loss)' : `like the lab: p in [${s.bceClip}, 1 − ${s.bceClip}]`] as [string, string]] : []),
  ];
  return table(['Setting', 'Value'], rows.map(([k, v]) => [h(k), h(v)]), [], 'text');
}


function weightsOf(input: LabReportInput, run: RunRecord): Weights | null {
  const own = input.runWeights?.[run.id];
  if (own) return own;
  const single = input.project.runs.filter((r) => !r.sweep);
  return single.length && single[single.length - 1] === run ? input.project.weights : null;
}

function rowCells(row: ResultRow, hasTest: boolean): string[] {
  return [
    h(row.label),
    h(row.state),
    lossText(row.finalLoss),
    formatPercent(row.trainAccuracy),
    ...(hasTest ? [formatPercent(row.testAccuracy)] : []),
    row.epochToTarget === null ? '–' : String(row.epochToTarget),
    row.diverged ? 'yes' : 'no',
    row.ms < 1000 ? `${Math.round(row.ms)} ms` : `${(row.ms / 1000).toFixed(2)} s`,
  ];
}

function resultsTable(first: string, rows: ResultRow[], hasTest: boolean, target: number): string {
  const reach = target >= 1 ? 'Epoch reaching 100%' : `Epoch reaching ${Math.round(target * 100)}%`;
  const head = [first, 'State', 'Final loss', 'Train accuracy', ...(hasTest ? ['Test accuracy'] : []), reach, 'Diverged', 'Time'];
  return table(
    head,
    rows.map((r) => rowCells(r, hasTest)),
    rows.map((r) => `data-run-id="${h(r.runId)}"`),
  );
}

function curvesOf(runs: RunRecord[], labels: string[]): CurveSeries[] {
  return runs.map((r, i) => ({ label: labels[i], metrics: metricsFromRunCurves(r.curves) }));
}

interface SweepGroup {
  id: string;
  setting: string;
  runs: RunRecord[];
}

function sweepGroups(runs: readonly RunRecord[]): SweepGroup[] {
  const groups = new Map<string, SweepGroup>();
  for (const r of runs) {
    if (!r.sweep) continue;
    const g = groups.get(r.sweep.id) ?? { id: r.sweep.id, setting: r.sweep.setting, runs: [] };
    g.runs.push(r);
    groups.set(r.sweep.id, g);
  }
  return [...groups.values()];
}

function sweepLabel(key: string): { label: string; setting: keyof typeof SWEEP_SETTING_LABELS | null; nodes: string[] } {
  const parsed = parseSweepSettingKey(key);
  return parsed ? { label: SWEEP_SETTING_LABELS[parsed.setting], setting: parsed.setting, nodes: parsed.nodeIds } : { label: key, setting: null, nodes: [] };
}

function boundaryMultiples(input: LabReportInput, runs: RunRecord[], labels: string[], plot: PlotData): string {
  const cells: string[] = [];
  runs.forEach((run, i) => {
    const w = weightsOf(input, run);
    if (!w) return;
    const pred = predictionsFor(runProject(input.project, run, w));
    if (!pred?.grid) return;
    const image = pngDataUrl(pred.grid.res, pred.grid.res, boundaryPixels(pred.grid));
    const small = smallMultiple(boundaryOption(pred.grid, plot, boundaryExtent(plot, pred.grid.res), image), labels[i]);
    cells.push(`<div class="multiple">${chartSvg(small, SMALL, SMALL)}</div>`);
  });
  if (!cells.length) return '';
  return `<figure class="figure"><div class="multiples">${cells.join('')}</div><figcaption>Decision boundaries after training, one per value (the colour is the predicted class, paler where the network is unsure).</figcaption></figure>`;
}

export function buildLabReport(input: LabReportInput): string {
  const { project } = input;
  const target = input.target ?? DEFAULT_TARGET_ACCURACY;
  const made = makeDataset(project.dataset);
  const data = made.ok ? made.dataset : null;
  const plot = data ? plotDataOf(data) : null;
  const kind = data ? viewKind(data) : null;
  const hasTest = project.training.testSplit > 0 || project.runs.some((r) => r.result.testAccuracy !== null);
  const sections: string[] = [];
  let n = 0;
  const section = (title: string, body: string, id: string) => {
    n += 1;
    sections.push(`<section id="${id}"><h2>${n}. ${h(title)}</h2>${body}</section>`);
  };

  // 1. The network.
  const layers = layerRows(project);
  const totalParams = layers.reduce((s, l) => s + l.params, 0);
  section(
    'Network',
    figure(networkSvg(project), `The network, input to output (${totalParams.toLocaleString('en-US')} trainable parameters).`) +
      table(
        ['Node', 'Kind', 'Setting', 'Output shape', 'Parameters'],
        layers.map((l) => [h(l.id), h(l.type), h(l.setting), h(l.shape), l.params.toLocaleString('en-US')]),
      ),
    'network',
  );

  // 2. The data.
  let dataFigure = '';
  if (plot && kind === 'points2d') dataFigure = figure(chartSvg(scatterOption(plot, 'Data'), 520, 380), 'The data set, coloured (and shaped) by class.');
  else if (plot && kind === 'signals') dataFigure = figure(chartSvg(signalsOption(plot), WIDE, 300), 'Example signals of each class.');
  section('Data set', datasetText(project.dataset, data) + dataFigure + (made.ok ? '' : `<p class="warn">The data set could not be built: ${h(made.problems[0].message)}</p>`), 'data');

  // 3. The hyperparameters.
  section('Training settings', settingsTable(project.training), 'settings');

  // 4. Results.
  const main = mainRun(project);
  let results = '';
  if (!main) {
    results = project.runs.length
      ? '<p>No run trained the project exactly as it is set up here; the experiments below show the runs that were made.</p>'
      : '<p>The network has not been trained yet: train it (or run a sweep) and write the report again.</p>';
  } else {
    const metrics = metricsFromRunCurves(main.curves);
    const series: CurveSeries[] = [{ label: 'train', metrics }];
    results += `<p>Run <b>${h(main.name)}</b>: ${h(main.result.state)} after ${main.result.epochs} epochs, final loss ${lossText(main.result.loss)}, train accuracy ${formatPercent(main.result.accuracy)}${main.result.testAccuracy !== null ? `, test accuracy ${formatPercent(main.result.testAccuracy)}` : ''}.</p>`;
    const withTest = metrics.some((m) => m.testLoss !== null);
    const loss = overlayOption(withTest ? [...series, { label: 'test', metrics: metrics.map((m) => ({ ...m, loss: m.testLoss ?? NaN })) }] : series, 'loss', { title: 'Learning curve: loss per epoch', maxPoints: MAX_POINTS, width: WIDE });
    const acc = overlayOption(withTest ? [...series, { label: 'test', metrics: metrics.map((m) => ({ ...m, accuracy: m.testAccuracy ?? NaN })) }] : series, 'accuracy', { title: 'Accuracy per epoch', maxPoints: MAX_POINTS, width: WIDE });
    results += figure(chartSvg(loss, WIDE, CURVE_H), 'Loss per epoch.') + figure(chartSvg(acc, WIDE, CURVE_H), 'Accuracy per epoch.');
    const w = weightsOf(input, main);
    const pred = w ? predictionsFor(runProject(project, main, w)) : null;
    if (pred && plot && kind === 'points2d') {
      if (pred.grid) {
        // The figure that teaches most, as in the app: square, both axes at one scale.
        const image = pngDataUrl(pred.grid.res, pred.grid.res, boundaryPixels(pred.grid));
        const box = squareChartBox(BOUNDARY_PLOT_PX);
        results += figure(chartSvg(boundaryOption(pred.grid, plot, boundaryExtent(plot, pred.grid.res), image), box.width, box.height), 'The decision boundary: the colour is the class the trained network predicts at each point, paler where it is unsure; the dots are the data.');
      }
      results += figure(chartSvg(comparisonOption(plot, pred.predicted), WIDE, 360), 'Ground truth (left) and the trained network’s predictions (right); wrong predictions are ringed.');
    } else if (pred) {
      results += `<p>The trained network classifies ${Math.round(pred.accuracy * (data?.n ?? 0))} of ${data?.n ?? 0} samples correctly (${formatPercent(pred.accuracy)}).</p>`;
    }
  }
  const singles = project.runs.filter((r) => !r.sweep);
  const tableRuns = singles.length ? singles : main ? [main] : [];
  if (tableRuns.length) {
    results += `<h3>Accuracy</h3>${resultsTable('Run', tableRuns.map((r) => resultRow(r, r.name, target)), hasTest, target)}`;
  }
  section('Results', results, 'results');

  // 5. Experiments.
  const groups = sweepGroups(project.runs);
  if (groups.length) {
    const parts: string[] = [];
    groups.forEach((g, gi) => {
      const { label, setting, nodes } = sweepLabel(g.setting);
      const labels = g.runs.map((r) => (setting && r.sweep ? sweepValueLabel(setting, r.sweep.value) : r.name));
      const rows = g.runs.map((r, i) => resultRow(r, labels[i], target));
      const curves = curvesOf(g.runs, labels);
      const changed = nodes.length ? ` (nodes ${nodes.map((x) => h(x)).join(', ')})` : '';
      parts.push(
        `<section class="sweep" data-sweep-id="${h(g.id)}"><h3>Experiment ${gi + 1}: ${h(label.toLowerCase())}${changed}</h3>` +
          `<p>${g.runs.length} runs, one per value (${labels.map((l) => h(l)).join(', ')}); everything else held fixed — the data, the split, the seed and, where the shapes allow, the starting weights.</p>` +
          figure(chartSvg(overlayOption(curves, 'loss', { maxPoints: MAX_POINTS, width: WIDE, logLoss: 'auto', title: `Loss per epoch, by ${label.toLowerCase()}` }), WIDE, CURVE_H + 20), `Loss per epoch for each ${label.toLowerCase()}.`) +
          figure(chartSvg(overlayOption(curves, 'accuracy', { maxPoints: MAX_POINTS, width: WIDE, title: `Accuracy per epoch, by ${label.toLowerCase()}` }), WIDE, CURVE_H + 20), `Training accuracy per epoch for each ${label.toLowerCase()}.`) +
          (plot && kind === 'points2d' ? boundaryMultiples(input, g.runs, labels, plot) : '') +
          resultsTable(label, rows, hasTest, target) +
          `</section>`,
      );
    });
    section('Experiments', parts.join(''), 'experiments');
  }

  // 6. The lab's findings, repeated over seeds.
  if (input.lab?.length) section("The lab's findings", labFindingsHtml(input.lab), 'lab');

  const title = project.name || 'Untitled';
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing in the file may load or run anything: the report is a document, not a page.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="generator" content="BPNN Studio">',
    `<title>${h(title)} — lab report</title>`,
    `<style>${REPORT_CSS}</style></head><body><main>`,
    `<header><h1>${h(title)}</h1><p class="meta">Lab report written by BPNN Studio on ${h(input.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}.</p>`,
    project.description ? `<p class="description">${h(project.description)}</p>` : '',
    '</header>',
    ...sections,
    '</main></body></html>',
  ].join('\n');
}
