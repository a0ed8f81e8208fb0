// `bpnn predict`: the trained network's class and class probabilities for every point in a
// CSV file, as CSV (or JSON lines with --json).
import { performance } from 'node:perf_hooks';
import { createTrainingSession, projectToSpec } from '../core/index';
import { CliError, EXIT } from './errors';
import { loadProject, readTextFile } from './files';
import { parsePoints, type Points } from './points';
import { locateProblem } from './validate';
import { cliText } from './text';

/** Largest points file accepted. */
const MAX_POINTS_BYTES = 64 * 1024 * 1024;

const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const number = (v: number): string => String(Number(v.toPrecision(6)));

/**
 * Inputs far outside the training data overflow the network (1e308 times a weight is Infinity)
 * and its probabilities come out NaN: an error naming the row, never a line of NaN.
 */
function checkFinite(probs: Float64Array, k: number, points: Points, width: number, trainedOn: Float64Array, file: string): void {
  for (let i = 0; i < points.n; i++) {
    const bad = probs.subarray(i * k, (i + 1) * k).find((v) => !Number.isFinite(v));
    if (bad === undefined) continue;
    const inputs = Array.from(points.x.subarray(i * width, (i + 1) * width));
    const shown = inputs.slice(0, 4).map(number).join(', ') + (width > 4 ? ', …' : '');
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of trainedOn) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const range = lo <= hi ? cliText('predict.range', { lo: number(lo), hi: number(hi) }) : '';
    const value = Number.isNaN(bad) ? 'NaN' : bad > 0 ? 'Infinity' : '-Infinity';
    throw new CliError(cliText('predict.notFinite', { file, row: points.lines[i], value, inputs: shown, range }));
  }
}

export function predictCommand(path: string, opts: { input: string; json?: boolean }): number {
  const project = loadProject(path);
  if (project.weights === null) {
    throw new CliError(cliText('predict.notTrained', { path }));
  }
  const created = createTrainingSession(
    { spec: projectToSpec(project), dataset: project.dataset, settings: project.training, initialWeights: project.weights },
    { now: () => performance.now() },
  );
  if (!created.ok) {
    const first = locateProblem(project, created.problems[0]);
    throw new CliError(cliText('common.problemAt', { path, where: first.path, message: first.message, more: '' }));
  }
  const session = created.session;
  const width = session.model.inputShape.reduce((a, b) => a * b, 1);
  const points = parsePoints(readTextFile(opts.input, 'points', MAX_POINTS_BYTES), width, opts.input);
  const probs = session.predict(points.x, points.n);
  const classes = session.dataset.classNames;
  const k = classes.length;
  checkFinite(probs, k, points, width, session.dataset.x, opts.input);
  const out: string[] = [];
  if (!opts.json) out.push(['row', 'class', ...classes.map((c) => `p(${c})`)].map(csvCell).join(','));
  for (let i = 0; i < points.n; i++) {
    const p = Array.from(probs.subarray(i * k, (i + 1) * k));
    let best = 0;
    for (let c = 1; c < k; c++) if (p[c] > p[best]) best = c;
    if (opts.json) out.push(JSON.stringify({ row: i + 1, class: classes[best], classIndex: best, probabilities: Object.fromEntries(classes.map((c, j) => [c, p[j]])) }));
    else out.push([String(i + 1), csvCell(classes[best]), ...p.map((v) => v.toFixed(6))].join(','));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}
