// Scatter plots of the data: the dataset panel's view, and the lab's comparison figure
// (ground truth and the network's predictions side by side).
import type { EChartsCoreOption } from 'echarts/core';
import { plotArea } from './layout';
import { classColor } from './palette';
import type { PlotData } from './plot-data';
import { chartWords, type ChartWords } from './words';

const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect', 'circle'] as const;

/** Per class, the [x, y] points of the samples whose label (given or predicted) is that class. */
function pointsByClass(data: PlotData, labels: ArrayLike<number>, only?: (i: number) => boolean): [number, number][][] {
  const out: [number, number][][] = data.classNames.map(() => []);
  for (let i = 0; i < data.n; i++) {
    if (only && !only(i)) continue;
    const k = labels[i];
    const bucket = out[k];
    if (bucket) bucket.push([data.x[i * data.dim], data.x[i * data.dim + 1]]);
  }
  return out;
}

/** Scatter series for one grid, one series per class (colour and shape both encode the class). */
export function classScatterSeries(data: PlotData, labels: ArrayLike<number>, gridIndex = 0, idPrefix = ''): object[] {
  return pointsByClass(data, labels).map((pts, k) => ({
    id: `${idPrefix}class-${k}`,
    name: data.classNames[k] ?? `class ${k}`,
    type: 'scatter',
    xAxisIndex: gridIndex,
    yAxisIndex: gridIndex,
    data: pts,
    symbol: SYMBOLS[k % SYMBOLS.length],
    symbolSize: data.n > 400 ? 5 : 9,
    itemStyle: { color: classColor(k), borderColor: '#1a1a1a', borderWidth: 0.6 },
    animation: false,
  }));
}

function axisNames(data: PlotData): [string, string] {
  return [data.featureNames[0] ?? 'x₁', data.featureNames[1] ?? 'x₂'];
}

export function scatterOption(data: PlotData, title = 'Data'): EChartsCoreOption {
  const [xn, yn] = axisNames(data);
  return {
    animation: false,
    title: { text: title, left: 8, top: 4, textStyle: { fontSize: 14 } },
    legend: { top: 4, right: 8 },
    grid: plotArea({ left: 48, right: 16, top: 40, bottom: 40 }),
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', name: xn, nameLocation: 'middle', nameGap: 24, scale: true },
    yAxis: { type: 'value', name: yn, nameLocation: 'middle', nameGap: 32, scale: true },
    series: classScatterSeries(data, data.labels),
  };
}

/**
 * The lab's figure: ground truth on the left, the network's predicted classes on the right,
 * on the same axes. Wrongly predicted points are ringed in black on the right.
 */
export function comparisonOption(data: PlotData, predicted: ArrayLike<number>, words: ChartWords = chartWords()): EChartsCoreOption {
  const [xn, yn] = axisNames(data);
  const wrong: [number, number][] = [];
  for (let i = 0; i < data.n; i++) {
    if (predicted[i] !== data.labels[i]) wrong.push([data.x[i * data.dim], data.x[i * data.dim + 1]]);
  }
  const axis = (gridIndex: number, name: string) => ({ type: 'value', gridIndex, name, nameLocation: 'middle', nameGap: 24, scale: true, splitNumber: 4, splitLine: { show: false } });
  return {
    animation: false,
    title: [
      { text: words.groundTruth, left: '6%', top: 4, textStyle: { fontSize: 14 } },
      { text: words.prediction(data.n - wrong.length, data.n), left: '56%', top: 4, textStyle: { fontSize: 14 } },
    ],
    legend: { bottom: 0, data: data.classNames },
    grid: [
      plotArea({ left: '8%', width: '38%', top: 36, bottom: 60 }),
      plotArea({ left: '58%', width: '38%', top: 36, bottom: 60 }),
    ],
    tooltip: { trigger: 'item' },
    xAxis: [axis(0, xn), axis(1, xn)],
    yAxis: [axis(0, yn), axis(1, yn)],
    series: [
      ...classScatterSeries(data, data.labels, 0, 'truth-'),
      ...classScatterSeries(data, predicted, 1, 'pred-'),
      {
        id: 'wrong',
        name: words.wrong,
        type: 'scatter',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: wrong,
        symbol: 'circle',
        symbolSize: data.n > 400 ? 10 : 16,
        itemStyle: { color: 'transparent', borderColor: '#000000', borderWidth: 2 },
        animation: false,
      },
    ],
  };
}

/** For signal data (waves): a few example signals per class, coloured by class. */
export function signalsOption(data: PlotData, perClass = 3, words: ChartWords = chartWords(), title = words.exampleSignals): EChartsCoreOption {
  const series: object[] = [];
  const shown = data.classNames.map(() => 0);
  for (let i = 0; i < data.n; i++) {
    const k = data.labels[i];
    if (shown[k] === undefined || shown[k] >= perClass) continue;
    shown[k] += 1;
    const points: [number, number][] = [];
    for (let t = 0; t < data.dim; t++) points.push([t, data.x[i * data.dim + t]]);
    series.push({
      id: `signal-${i}`,
      name: data.classNames[k] ?? `class ${k}`,
      type: 'line',
      data: points,
      showSymbol: false,
      lineStyle: { color: classColor(k), width: 1.5, type: shown[k] === 1 ? 'solid' : shown[k] === 2 ? 'dashed' : 'dotted' },
      itemStyle: { color: classColor(k) },
      animation: false,
    });
  }
  return {
    animation: false,
    title: { text: title, left: 8, top: 4, textStyle: { fontSize: 14 } },
    // The legend goes under the plot: in a narrow panel it would cover the title.
    legend: { bottom: 0, data: data.classNames },
    grid: plotArea({ left: 48, right: 16, top: 36, bottom: 60 }),
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: words.timeStep, nameLocation: 'middle', nameGap: 24, min: 0, max: Math.max(1, data.dim - 1) },
    yAxis: { type: 'value', scale: true },
    series,
  };
}
