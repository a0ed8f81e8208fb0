// The decision-boundary heat map for 2-D data: each grid cell tinted with the colour of the
// class the network predicts there (paler where it is unsure), with the data points on top.
import type { EChartsCoreOption } from 'echarts/core';
import { boundaryCellColor } from './palette';
import type { Bounds, PlotData } from './plot-data';
import { classScatterSeries } from './data-options';

export interface Grid {
  res: number;
  numClasses: number;
  /** Row-major, y rising by row, numClasses values per cell. */
  probs: ArrayLike<number>;
  epoch?: number;
}

/** Heat-map cells as [col, row, 0] with the cell's colour. */
export function boundaryCells(grid: Grid): { value: [number, number, number]; itemStyle: { color: string } }[] {
  const { res, numClasses, probs } = grid;
  const cells = new Array<{ value: [number, number, number]; itemStyle: { color: string } }>(res * res);
  for (let row = 0; row < res; row++) {
    for (let col = 0; col < res; col++) {
      const c = row * res + col;
      cells[c] = { value: [col, row, 0], itemStyle: { color: boundaryCellColor(probs, c * numClasses, numClasses) } };
    }
  }
  return cells;
}

/**
 * `extent` is the area the grid's cells cover (cell edges, not centres), so the points drawn
 * over it land on the cells that were evaluated at their position.
 */
export function boundaryOption(grid: Grid, data: PlotData, extent: Bounds): EChartsCoreOption {
  const idx = Array.from({ length: grid.res }, (_, i) => i);
  const area = { left: 48, right: 16, top: 40, bottom: 40 };
  return {
    animation: false,
    title: { text: grid.epoch ? `Decision boundary (epoch ${grid.epoch})` : 'Decision boundary', left: 8, top: 4, textStyle: { fontSize: 14 } },
    legend: { top: 4, right: 8, data: data.classNames },
    tooltip: { trigger: 'item' },
    grid: [area, area],
    xAxis: [
      { type: 'category', gridIndex: 0, data: idx, show: false },
      { type: 'value', gridIndex: 1, min: extent.x0, max: extent.x1, name: data.featureNames[0] ?? 'x₁', nameLocation: 'middle', nameGap: 24, splitLine: { show: false } },
    ],
    yAxis: [
      { type: 'category', gridIndex: 0, data: idx, show: false },
      { type: 'value', gridIndex: 1, min: extent.y0, max: extent.y1, name: data.featureNames[1] ?? 'x₂', nameLocation: 'middle', nameGap: 32, splitLine: { show: false } },
    ],
    series: [
      {
        id: 'boundary',
        type: 'heatmap',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: boundaryCells(grid),
        silent: true,
        animation: false,
        progressive: 0,
      },
      ...classScatterSeries(data, data.labels, 1),
    ],
  };
}
