// Overlaid learning curves of several runs (a sweep, or runs picked from the history): one line
// per run, a legend by value. Pure option builders, shared by the Compare view, the run
// history and the lab report (which renders them to SVG).
import type { EChartsCoreOption } from 'echarts/core';
import { formatNumber } from '../../core/index';
import type { CurveBand, EpochMetrics } from '../../core/index';
import { OKABE_ITO } from './palette';
import { XY_DIMENSIONS, xyCount, xyPoints } from './xy-data';
import { chartWords, type ChartWords } from './words';

export interface CurveSeries {
  /** Legend text, e.g. "lr 0.05". */
  label: string;
  metrics: readonly EpochMetrics[];
}

/** Line styles cycle after the colours, so runs stay apart beyond eight (and in grey print). */
const DASHES = ['solid', 'dashed', 'dotted'] as const;

export function seriesColor(i: number): string {
  return OKABE_ITO[i % OKABE_ITO.length];
}

/**
 * A curve (flat (x, y) pairs) with at most `maxPoints` points: every epoch when it fits,
 * otherwise evenly spaced epochs plus the last one (a 5000-epoch curve has no more detail than
 * the chart has pixels).
 */
export function thinned(points: Float64Array, maxPoints: number): Float64Array {
  const n = xyCount(points);
  if (n <= maxPoints || maxPoints < 2) return points;
  const step = (n - 1) / (maxPoints - 1);
  const out = new Float64Array(2 * maxPoints);
  for (let k = 0; k < maxPoints; k++) {
    const i = Math.round(k * step);
    out[2 * k] = points[2 * i];
    out[2 * k + 1] = points[2 * i + 1];
  }
  return out;
}

export interface OverlayOptions {
  title?: string;
  /** 'test' draws the test curves (when runs have a split). */
  split?: 'train' | 'test';
  /** Cap on points per line (the report uses it to keep files small); default: every epoch. */
  maxPoints?: number;
  /**
   * Log scale for the loss axis; 'auto' = when the curves span more than two decades (an early
   * spike or a tiny learning rate would otherwise flatten every other curve).
   */
  logLoss?: boolean | 'auto';
  /** The x axis runs to this epoch (so live curves grow into a fixed frame). */
  totalEpochs?: number;
  /**
   * The chart's width in pixels when it is fixed (the report's figures): the legend then wraps,
   * every entry in view on paper, and the plot starts below its last row. A chart that resizes
   * with the window gets a one-row legend that pages instead, so it never runs onto the plot.
   */
  width?: number;
  /** Axis names in the report's language (default English). */
  words?: ChartWords;
}

/** Legend entry = 25 px symbol + 10 px gap + the text at a generous 7 px a character (12 px font). */
const legendItemWidth = (label: string) => 35 + 7 * label.length;

/** Rows a wrapped legend of these labels takes in `width` px (left and right margins of 8). */
export function legendRows(labels: readonly string[], width: number): number {
  let rows = 1;
  let used = 0;
  for (const l of labels) {
    const w = legendItemWidth(l);
    if (used > 0 && used + w > width - 16) {
      rows++;
      used = 0;
    }
    used += w;
  }
  return rows;
}

/** True when the positive losses of all curves span more than `decades` powers of ten. */
export function spansDecades(runs: readonly CurveSeries[], decades = 2): boolean {
  let lo = Infinity;
  let hi = 0;
  for (const r of runs) {
    for (const m of r.metrics) {
      if (!(Number.isFinite(m.loss) && m.loss > 0)) continue;
      if (m.loss < lo) lo = m.loss;
      if (m.loss > hi) hi = m.loss;
    }
  }
  return hi / lo > 10 ** decades;
}

export function overlayOption(runs: readonly CurveSeries[], metric: 'loss' | 'accuracy', options: OverlayOptions = {}): EChartsCoreOption {
  const opts = { ...options, logLoss: options.logLoss === 'auto' ? metric === 'loss' && spansDecades(runs) : options.logLoss };
  const test = opts.split === 'test';
  const pick = (m: EpochMetrics): number | null => {
    if (metric === 'loss') return test ? m.testLoss : m.loss;
    const a = test ? m.testAccuracy : m.accuracy;
    return a === null ? null : a * 100;
  };
  let maxEpoch = 1;
  // A log axis cannot show zero or less.
  const keep = opts.logLoss && metric === 'loss' ? (v: number) => v > 0 : undefined;
  const series = runs.map((run, i) => {
    // Flat typed (x, y) pairs: ECharts takes them without a per-point parse (see charts/xy-data).
    const pts = xyPoints(run.metrics, pick, keep);
    const n = xyCount(pts);
    if (n) maxEpoch = Math.max(maxEpoch, pts[2 * (n - 1)]);
    const color = seriesColor(i);
    const data = opts.maxPoints ? thinned(pts, opts.maxPoints) : pts;
    return {
      id: `run-${i}`,
      name: run.label,
      type: 'line',
      data,
      dimensions: XY_DIMENSIONS,
      showSymbol: xyCount(data) === 1,
      symbolSize: 4,
      lineStyle: { width: 2, color, type: DASHES[Math.floor(i / OKABE_ITO.length) % DASHES.length] },
      itemStyle: { color },
      animation: false,
      progressive: 0,
    };
  });
  const what = metric === 'loss' ? 'Loss' : 'Accuracy';
  const labels = runs.map((r) => r.label);
  const rows = opts.width ? legendRows(labels, opts.width) : 1;
  return {
    animation: false,
    title: { text: opts.title ?? `${test ? 'Test' : 'Training'} ${what.toLowerCase()} per epoch`, left: 8, top: 4, textStyle: { fontSize: 14 } },
    legend: { type: opts.width ? 'plain' : 'scroll', top: 28, left: 8, right: 8, data: labels },
    grid: { left: 64, right: 20, top: 64 + 20 * (rows - 1), bottom: 44 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v)) },
    xAxis: { type: 'value', name: (opts.words ?? chartWords()).epoch, nameLocation: 'middle', nameGap: 26, min: 1, max: Math.max(maxEpoch, opts.totalEpochs ?? 1), minInterval: 1 },
    yAxis:
      metric === 'loss'
        ? opts.logLoss
          ? { type: 'log', name: (opts.words ?? chartWords()).lossLog, nameLocation: 'middle', nameGap: 44, axisLabel: { formatter: (v: number) => String(Number(v.toPrecision(3))) } }
          : { type: 'value', min: 0 }
        : { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series,
  };
}

/** One value of a sweep over seeds: the median curve and the band every seed's curve lies in. */
export interface BandSeries {
  /** Legend text, e.g. "lr 0.05 (5 seeds)". */
  label: string;
  /** Per epoch (index i = epoch i + 1); accuracy as a fraction. */
  band: CurveBand;
}

/** Points per band edge: a polygon of more has no more detail than the chart has pixels. */
const BAND_POINTS = 400;

/** (epoch, value) pairs of one edge of a band, finite values only (and positive on a log axis). */
function bandEdge(values: Float64Array, scale: number, keep: (v: number) => boolean): Float64Array {
  const out = new Float64Array(2 * values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] * scale;
    if (!Number.isFinite(v) || !keep(v)) continue;
    out[n++] = i + 1;
    out[n++] = v;
  }
  return n === out.length ? out : out.slice(0, n);
}

/**
 * Curves of a sweep over seeds: per value a median line (the legend entry) and, behind it, a
 * shaded band from the lowest to the highest seed at every epoch, so a value that wins on one
 * seed and loses on another shows as a wide band, not as one lucky line.
 */
export function bandOption(groups: readonly BandSeries[], metric: 'loss' | 'accuracy', options: OverlayOptions = {}): EChartsCoreOption {
  const scale = metric === 'accuracy' ? 100 : 1;
  const medians: CurveSeries[] = groups.map((g) => ({
    label: g.label,
    metrics: Array.from(g.band.median, (v, i) => ({ epoch: i + 1, loss: v, accuracy: v, testLoss: null, testAccuracy: null, lr: 0 })),
  }));
  const base = overlayOption(medians, metric, options) as { series: Record<string, unknown>[]; yAxis: { type: string } };
  const keep = base.yAxis.type === 'log' ? (v: number) => v > 0 : () => true;
  const bands = groups.map((g, i) => {
    const hi = thinned(bandEdge(g.band.hi, scale, keep), BAND_POINTS);
    const lo = thinned(bandEdge(g.band.lo, scale, keep), BAND_POINTS);
    const color = seriesColor(i);
    return {
      id: `band-${i}`,
      name: g.label,
      type: 'custom',
      silent: true,
      z: 1,
      data: [[0]],
      renderItem: (_params: unknown, api: { coord(p: [number, number]): [number, number] }) => {
        const points: [number, number][] = [];
        for (let k = 0; k < hi.length; k += 2) points.push(api.coord([hi[k], hi[k + 1]]));
        for (let k = lo.length - 2; k >= 0; k -= 2) points.push(api.coord([lo[k], lo[k + 1]]));
        return { type: 'polygon', shape: { points }, style: { fill: color, opacity: 0.18 } };
      },
      tooltip: { show: false },
      animation: false,
    };
  });
  return { ...base, series: [...bands, ...base.series.map((s) => ({ ...s, z: 2 }))] };
}
