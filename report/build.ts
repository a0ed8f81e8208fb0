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
  formatPercent,
  mainRun,
  makeDataset,
  metricsFromRunCurves,
  parseSweepSettingKey,
  regimeOf,
  render,
  resultRow,
  sweepValueSaid,
  type Dataset,
  type DatasetSpec,
  type FindingResult,
  type Project,
  type ResultRow,
  type RunRecord,
  type SweepSetting,
  type Text,
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
import { chartWords, type ChartWords } from './charts/words';
import { reportWords, type ReportLanguage, type ReportWords } from './i18n';

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
  /** The language of the report's own words (default English); the user's names stay as they are. */
  language?: ReportLanguage;
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

/** The report's words and the charts' words in one language, passed to every part of the report. */
interface Words extends ReportWords {
  charts: ChartWords;
}

function table(head: string[], rows: string[][], attrs: string[] = [], cls = ''): string {
  const th = head.map((c) => `<th scope="col">${h(c)}</th>`).join('');
  const body = rows.map((r, i) => `<tr${attrs[i] ? ` ${attrs[i]}` : ''}>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const VERDICT_CLASS: Record<FindingResult['verdict'], string> = { held: 'held', 'near-tie': 'tie', 'did-not-hold': 'not-held' };

/** The engine's words (a Text) in the report's language; a plain string is a name or symbols. */
const engine = (t: Text | string, w: Words): string => (typeof t === 'string' ? t : render(t, w.language));

/** A sweep value's legend and table text ("lr 0.5", "Identity (no activation)") in the report's language. */
const valueLabel = (setting: SweepSetting, value: string, w: Words): string => engine(sweepValueSaid(setting, value), w);

/** The findings table (the lab's words next to what happened here), then each finding's curves. */
function labFindingsHtml(lab: readonly LabReportFinding[], w: Words): string {
  // The findings' claims, verdicts and details are the engine's (core/sweep/lab.ts): said from
  // their Texts, with the English strings only for a result that was stored without them.
  const rows = lab.map(({ result: r }) => {
    const f = LAB_FINDINGS.find((x) => x.id === r.finding);
    const verdict = r.verdictText ? engine(r.verdictText, w) : r.text;
    const details = r.detailTexts ? r.detailTexts.map((d) => engine(d, w)) : r.details;
    return [String(r.finding), w.html(r.task === 'xor' ? 'lab.xor' : 'lab.linear'), h(f ? engine(f.said.claim, w) : ''), `<b class="${VERDICT_CLASS[r.verdict]}">${h(verdict)}</b>`, details.map((d) => h(d)).join('<br>')];
  });
  const intro = `<p>${w.html('lab.intro')}</p>`;
  const charts = lab
    .filter((e) => e.loss?.length)
    .map(({ result: r, loss }) => {
      const f = LAB_FINDINGS.find((x) => x.id === r.finding);
      const title = w.text('lab.chartTitle', { id: r.finding, title: f ? engine(f.said.title, w) : '' });
      return figure(chartSvg(bandOption(loss ?? [], 'loss', { logLoss: 'auto', title, maxPoints: MAX_POINTS, width: WIDE, words: w.charts }), WIDE, CURVE_H + 20), w.text('lab.chartCaption', { title }));
    });
  const head = (['lab.number', 'lab.task', 'lab.labSaw', 'lab.here', 'lab.perValue'] as const).map((k) => w.text(k));
  return intro + table(head, rows, lab.map((e) => `data-finding="${e.result.finding}"`), 'lab-findings') + charts.join('');
}

function datasetText(spec: DatasetSpec, data: Dataset | null, w: Words): string {
  const sep = w.text('data.listSeparator');
  const counts = data ? data.classNames.map((name, k) => `${name}: ${Array.from(data.y).filter((y) => y === k).length}`).join(sep) : '';
  // The sentence's own spacing is in the catalog: English puts a space before it, Chinese none.
  const perClass = counts ? w.html('data.perClass', { counts }) : '';
  if (spec.kind === 'generator') {
    const p = spec.params;
    const bits = [
      w.withMarkup('data.generator', { name: `<b>${h(spec.generator)}</b>` }),
      data ? w.html('data.samples', { count: data.n }) : '',
      p.noise !== undefined ? w.html('data.noise', { noise: p.noise }) : '',
      p.classes !== undefined ? w.html('data.classes', { count: p.classes }) : '',
      w.html('data.seed', { seed: spec.seed }),
    ];
    return `<p>${w.withMarkup('data.builtIn', { details: bits.filter(Boolean).join(h(sep)) })}${perClass}</p>`;
  }
  return `<p>${w.withMarkup('data.imported', { name: `<b>${h(spec.name)}</b>` }, { rows: spec.features.length, features: spec.featureNames.join(sep) })}${perClass}</p>`;
}

function optimizerText(s: TrainingSettings): string {
  const { type, ...rest } = s.optimizer;
  return `${type} (${Object.entries(rest)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')})`;
}

function scheduleText(s: TrainingSettings, w: Words): string {
  const { type, ...rest } = s.schedule;
  const name = w.text(`settings.schedules.${type}`);
  const params = Object.entries(rest).map(([k, v]) => `${k} ${v}`);
  return params.length ? `${name} (${params.join(', ')})` : name;
}

function settingsTable(s: TrainingSettings, w: Words): string {
  const regime = regimeOf(s);
  const rows: [string, string][] = [
    [w.text('settings.loss'), w.text(`settings.losses.${s.loss}`)],
    [w.text('settings.optimizer'), optimizerText(s)],
    [w.text('settings.schedule'), scheduleText(s, w)],
    [w.text('settings.epochs'), String(s.epochs)],
    [w.text('settings.updates'), regime === 'miniBatch' ? w.text('settings.miniBatchOf', { regime: w.text('settings.regimes.miniBatch'), size: s.batchSize }) : w.text(`settings.regimes.${regime}`)],
    [w.text('settings.testSplit'), s.testSplit > 0 ? w.text('settings.heldOut', { percent: Math.round(s.testSplit * 100) }) : w.text('settings.noTestSplit')],
    [w.text('settings.init'), w.text(`settings.inits.${s.init}`)],
    [w.text('settings.seed'), String(s.seed)],
    [w.text('settings.clipping'), s.clipNorm === null ? w.text('settings.off') : w.text('settings.clipNorm', { value: s.clipNorm })],
    [w.text('settings.shuffle'), regime === 'miniBatch' && s.shuffle ? w.text('settings.yes') : w.text('settings.no')],
    ...(s.loss === 'bce' ? [[w.text('settings.bceClip'), s.bceClip == null ? w.text('settings.bceExact') : w.text('settings.bceLikeLab', { clip: s.bceClip })] as [string, string]] : []),
  ];
  return table([w.text('settings.setting'), w.text('settings.value')], rows.map(([k, v]) => [h(k), h(v)]), [], 'text');
}


function weightsOf(input: LabReportInput, run: RunRecord): Weights | null {
  const own = input.runWeights?.[run.id];
  if (own) return own;
  const single = input.project.runs.filter((r) => !r.sweep);
  return single.length && single[single.length - 1] === run ? input.project.weights : null;
}

function rowCells(row: ResultRow, hasTest: boolean, w: Words): string[] {
  return [
    h(row.label),
    h(stateText(row.state, w)),
    lossText(row.finalLoss),
    formatPercent(row.trainAccuracy),
    ...(hasTest ? [formatPercent(row.testAccuracy)] : []),
    row.epochToTarget === null ? '–' : String(row.epochToTarget),
    w.html(row.diverged ? 'table.yes' : 'table.no'),
    row.ms < 1000 ? w.html('table.ms', { ms: Math.round(row.ms) }) : w.html('table.seconds', { s: (row.ms / 1000).toFixed(2) }),
  ];
}

/** A run's state in the report's language; a state this catalog does not know stays as it is. */
function stateText(state: string, w: Words): string {
  return state === 'done' || state === 'stopped' || state === 'diverged' || state === 'error' ? w.text(`table.states.${state}`) : state;
}

function resultsTable(first: string, rows: ResultRow[], hasTest: boolean, target: number, w: Words): string {
  const reach = w.text('table.epochReaching', { percent: Math.round(Math.min(1, target) * 100) });
  const head = [first, w.text('table.state'), w.text('table.finalLoss'), w.text('table.trainAccuracy'), ...(hasTest ? [w.text('table.testAccuracy')] : []), reach, w.text('table.diverged'), w.text('table.time')];
  return table(
    head,
    rows.map((r) => rowCells(r, hasTest, w)),
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

function sweepLabel(key: string, w: Words): { label: string; setting: SweepSetting | null; nodes: string[] } {
  const parsed = parseSweepSettingKey(key);
  return parsed ? { label: w.text(`experiments.settings.${parsed.setting}`), setting: parsed.setting, nodes: parsed.nodeIds } : { label: key, setting: null, nodes: [] };
}

function boundaryMultiples(input: LabReportInput, runs: RunRecord[], labels: string[], plot: PlotData, w: Words): string {
  const cells: string[] = [];
  runs.forEach((run, i) => {
    const weights = weightsOf(input, run);
    if (!weights) return;
    const pred = predictionsFor(runProject(input.project, run, weights));
    if (!pred?.grid) return;
    const image = pngDataUrl(pred.grid.res, pred.grid.res, boundaryPixels(pred.grid));
    const small = smallMultiple(boundaryOption(pred.grid, plot, boundaryExtent(plot, pred.grid.res), image, w.charts), labels[i]);
    cells.push(`<div class="multiple">${chartSvg(small, SMALL, SMALL)}</div>`);
  });
  if (!cells.length) return '';
  return `<figure class="figure"><div class="multiples">${cells.join('')}</div><figcaption>${w.html('experiments.boundariesCaption')}</figcaption></figure>`;
}

export function buildLabReport(input: LabReportInput): string {
  const { project } = input;
  const language = input.language ?? 'en';
  const w: Words = { ...reportWords(language), charts: chartWords(language) };
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
  const layers = layerRows(project, w);
  const totalParams = layers.reduce((s, l) => s + l.params, 0);
  section(
    w.text('sections.network'),
    figure(networkSvg(project, w), w.text('network.caption', { count: totalParams.toLocaleString('en-US') })) +
      table(
        (['network.node', 'network.kind', 'network.setting', 'network.outputShape', 'network.parameters'] as const).map((k) => w.text(k)),
        layers.map((l) => [h(l.id), h(l.type), h(l.setting), h(l.shape), l.params.toLocaleString('en-US')]),
      ),
    'network',
  );

  // 2. The data.
  let dataFigure = '';
  if (plot && kind === 'points2d') dataFigure = figure(chartSvg(scatterOption(plot, w.text('data.plotTitle')), 520, 380), w.text('data.scatterCaption'));
  else if (plot && kind === 'signals') dataFigure = figure(chartSvg(signalsOption(plot, undefined, w.charts), WIDE, 300), w.text('data.signalsCaption'));
  section(w.text('sections.data'), datasetText(project.dataset, data, w) + dataFigure + (made.ok ? '' : `<p class="warn">${w.html('data.notBuilt', { message: made.problems[0].message })}</p>`), 'data');

  // 3. The hyperparameters.
  section(w.text('sections.settings'), settingsTable(project.training, w), 'settings');

  // 4. Results.
  const main = mainRun(project);
  let results = '';
  if (!main) {
    results = `<p>${w.html(project.runs.length ? 'results.noMatchingRun' : 'results.notTrained')}</p>`;
  } else {
    const metrics = metricsFromRunCurves(main.curves);
    const series: CurveSeries[] = [{ label: w.text('results.train'), metrics }];
    const test = main.result.testAccuracy !== null ? w.text('results.runTest', { accuracy: formatPercent(main.result.testAccuracy) }) : '';
    const vars = { state: stateText(main.result.state, w), epochs: main.result.epochs, loss: lossText(main.result.loss), accuracy: formatPercent(main.result.accuracy), test };
    results += `<p>${w.withMarkup('results.run', { name: `<b>${h(main.name)}</b>` }, vars)}</p>`;
    const withTest = metrics.some((m) => m.testLoss !== null);
    const testLabel = w.text('results.test');
    const loss = overlayOption(withTest ? [...series, { label: testLabel, metrics: metrics.map((m) => ({ ...m, loss: m.testLoss ?? NaN })) }] : series, 'loss', { title: w.text('results.lossTitle'), maxPoints: MAX_POINTS, width: WIDE, words: w.charts });
    const acc = overlayOption(withTest ? [...series, { label: testLabel, metrics: metrics.map((m) => ({ ...m, accuracy: m.testAccuracy ?? NaN })) }] : series, 'accuracy', { title: w.text('results.accuracyTitle'), maxPoints: MAX_POINTS, width: WIDE, words: w.charts });
    results += figure(chartSvg(loss, WIDE, CURVE_H), w.text('results.lossCaption')) + figure(chartSvg(acc, WIDE, CURVE_H), w.text('results.accuracyCaption'));
    const weights = weightsOf(input, main);
    const pred = weights ? predictionsFor(runProject(project, main, weights)) : null;
    if (pred && plot && kind === 'points2d') {
      if (pred.grid) {
        // The figure that teaches most, as in the app: square, both axes at one scale.
        const image = pngDataUrl(pred.grid.res, pred.grid.res, boundaryPixels(pred.grid));
        const box = squareChartBox(BOUNDARY_PLOT_PX);
        results += figure(chartSvg(boundaryOption(pred.grid, plot, boundaryExtent(plot, pred.grid.res), image, w.charts), box.width, box.height), w.text('results.boundaryCaption'));
      }
      results += figure(chartSvg(comparisonOption(plot, pred.predicted, w.charts), WIDE, 360), w.text('results.comparisonCaption'));
    } else if (pred) {
      results += `<p>${w.html('results.classifies', { right: Math.round(pred.accuracy * (data?.n ?? 0)), n: data?.n ?? 0, percent: formatPercent(pred.accuracy) })}</p>`;
    }
  }
  const singles = project.runs.filter((r) => !r.sweep);
  const tableRuns = singles.length ? singles : main ? [main] : [];
  if (tableRuns.length) {
    results += `<h3>${w.html('results.accuracy')}</h3>${resultsTable(w.text('table.run'), tableRuns.map((r) => resultRow(r, r.name, target)), hasTest, target, w)}`;
  }
  section(w.text('sections.results'), results, 'results');

  // 5. Experiments.
  const groups = sweepGroups(project.runs);
  if (groups.length) {
    const parts: string[] = [];
    groups.forEach((g, gi) => {
      const { label, setting, nodes } = sweepLabel(g.setting, w);
      const labels = g.runs.map((r) => (setting && r.sweep ? valueLabel(setting, r.sweep.value, w) : r.name));
      const rows = g.runs.map((r, i) => resultRow(r, labels[i], target));
      const curves = curvesOf(g.runs, labels);
      const changed = nodes.length ? w.html('experiments.nodes', { nodes: nodes.join(', ') }) : '';
      // Lower case inside a sentence ("by learning rate"); Chinese has no case, so it is unchanged.
      const what = label.toLowerCase();
      parts.push(
        `<section class="sweep" data-sweep-id="${h(g.id)}"><h3>${w.html('experiments.heading', { n: gi + 1, setting: what })}${changed}</h3>` +
          `<p>${w.html('experiments.intro', { count: g.runs.length, values: labels.join(', ') })}</p>` +
          figure(chartSvg(overlayOption(curves, 'loss', { maxPoints: MAX_POINTS, width: WIDE, logLoss: 'auto', title: w.text('experiments.lossTitle', { setting: what }), words: w.charts }), WIDE, CURVE_H + 20), w.text('experiments.lossCaption', { setting: what })) +
          figure(chartSvg(overlayOption(curves, 'accuracy', { maxPoints: MAX_POINTS, width: WIDE, title: w.text('experiments.accuracyTitle', { setting: what }), words: w.charts }), WIDE, CURVE_H + 20), w.text('experiments.accuracyCaption', { setting: what })) +
          (plot && kind === 'points2d' ? boundaryMultiples(input, g.runs, labels, plot, w) : '') +
          resultsTable(label, rows, hasTest, target, w) +
          `</section>`,
      );
    });
    section(w.text('sections.experiments'), parts.join(''), 'experiments');
  }

  // 6. The lab's findings, repeated over seeds.
  if (input.lab?.length) section(w.text('sections.lab'), labFindingsHtml(input.lab, w), 'lab');

  const title = project.name || w.text('document.untitled');
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing in the file may load or run anything: the report is a document, not a page.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="generator" content="BPNN Studio">',
    `<title>${w.html('document.title', { name: title })}</title>`,
    `<style>${REPORT_CSS}</style></head><body><main>`,
    `<header><h1>${h(title)}</h1><p class="meta">${w.html('document.written', { when: input.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC') })}</p>`,
    project.description ? `<p class="description">${h(project.description)}</p>` : '',
    '</header>',
    ...sections,
    '</main></body></html>',
  ].join('\n');
}
