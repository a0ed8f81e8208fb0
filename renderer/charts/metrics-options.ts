// Loss and accuracy per epoch, train and test. Every epoch is a point (no thinning); no
// animation, so live updates redraw at once. Points go to ECharts as one flat typed array
// (epoch, value, epoch, value, …): for 30 000 epochs that takes a few milliseconds where an
// array of pairs took 40 (and 130 for 100 000), and it leaves nothing per point for the GC.
import type { EChartsCoreOption } from 'echarts/core';
import { formatNumber } from '../../core/index';
import { plotArea } from '../../report/charts/layout';
import type { EpochMetrics } from '../../core/index';
import { OKABE_ITO } from '../../report/charts/palette';
import { XY_DIMENSIONS, xyPoints, xyCount } from '../../report/charts/xy-data';
import { i18next, t } from '../i18n';

type Metric = 'loss' | 'accuracy';

const TRAIN_COLOR = OKABE_ITO[0];
const TEST_COLOR = OKABE_ITO[5];

/** Axis labels that fit the margin: 0.25, 1.2, 3e+5, 2.5e+294. */
export function compactNumber(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e4 || a < 1e-3)) return v.toExponential(1).replace('.0e', 'e');
  return String(Number(v.toPrecision(3)));
}

/**
 * Epoch ticks in the reader's numbers: 5,000 as it is, 200,000 as "200K" (English) or "20萬"
 * (Chinese), so the ticks of a million-epoch run fit side by side.
 */
export function epochTick(v: number, language: string): string {
  return new Intl.NumberFormat(language, v >= 10_000 ? { notation: 'compact', maximumFractionDigits: 1 } : {}).format(v);
}

function metricChartOption(metrics: readonly EpochMetrics[], metric: Metric, totalEpochs?: number): EChartsCoreOption {
  const train = xyPoints(metrics, metric === 'loss' ? (m) => m.loss : (m) => m.accuracy * 100);
  const test = xyPoints(metrics, metric === 'loss' ? (m) => m.testLoss : (m) => (m.testAccuracy === null ? null : m.testAccuracy * 100));
  const line = (label: string, data: Float64Array, color: string, dashed: boolean) => ({
    id: label,
    name: label,
    type: 'line',
    data,
    dimensions: XY_DIMENSIONS,
    showSymbol: xyCount(data) === 1,
    symbolSize: 4,
    lineStyle: { width: 2, color, type: dashed ? 'dashed' : 'solid' },
    itemStyle: { color },
    animation: false,
    // Every epoch stays in the data (tooltips show each one); drawing picks the points that
    // shape the line at the chart's pixel width (largest-triangle-three-buckets), so a
    // 5000-epoch curve redraws in a few milliseconds.
    sampling: 'lttb',
    progressive: 0,
  });
  const series = [line(metric === 'loss' ? t('charts.trainLoss') : t('charts.trainAccuracy'), train, TRAIN_COLOR, false)];
  if (xyCount(test) > 0) series.push(line(metric === 'loss' ? t('charts.testLoss') : t('charts.testAccuracy'), test, TEST_COLOR, true));
  return {
    animation: false,
    title: { text: metric === 'loss' ? t('charts.lossPerEpoch') : t('charts.accuracyPerEpoch'), left: 8, top: 4, textStyle: { fontSize: 14 } },
    legend: { top: 4, right: 8, data: series.map((s) => s.name) },
    grid: plotArea({ left: 56, right: 20, top: 40, bottom: 40 }),
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v)) },
    xAxis: {
      type: 'value',
      name: t('charts.epoch'),
      nameLocation: 'middle',
      nameGap: 26,
      min: 1,
      max: totalEpochs && totalEpochs > 1 ? totalEpochs : 'dataMax',
      minInterval: 1,
      axisLabel: { formatter: (v: number) => epochTick(v, i18next.language), hideOverlap: true },
    },
    // The title names the quantity; an axis name would collide with it.
    yAxis: metric === 'loss' ? { type: 'value', min: 0, axisLabel: { formatter: compactNumber } } : { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series,
  };
}

export function lossChartOption(metrics: readonly EpochMetrics[], totalEpochs?: number): EChartsCoreOption {
  return metricChartOption(metrics, 'loss', totalEpochs);
}

export function accuracyChartOption(metrics: readonly EpochMetrics[], totalEpochs?: number): EChartsCoreOption {
  return metricChartOption(metrics, 'accuracy', totalEpochs);
}
