// The decision-boundary heat map for 2-D data: each grid cell tinted with the colour of the
// class the network predicts there (paler where it is unsure), with the data points on top.
import type { EChartsCoreOption } from 'echarts/core';
import { boundaryCellColor } from './palette';
import type { Bounds, PlotData } from './plot-data';
import { classScatterSeries } from './data-options';

/** The extent's edges are not round numbers: label only the inner ticks, briefly. */
const EDGE_LABELS = { showMinLabel: false, showMaxLabel: false, formatter: (v: number) => String(Number(v.toPrecision(3))) };

export interface Grid {
  res: number;
  numClasses: number;
  /** Row-major, y rising by row, numClasses values per cell. */
  probs: ArrayLike<number>;
  epoch?: number;
}

/** Grid cells as [x0, y0, x1, y1] rectangles in data coordinates, with the cell's colour. */
export function boundaryCells(grid: Grid, extent: Bounds): { value: [number, number, number, number]; itemStyle: { color: string } }[] {
  const { res, numClasses, probs } = grid;
  const w = (extent.x1 - extent.x0) / res;
  const h = (extent.y1 - extent.y0) / res;
  const cells = new Array<{ value: [number, number, number, number]; itemStyle: { color: string } }>(res * res);
  for (let row = 0; row < res; row++) {
    const y = extent.y0 + row * h;
    for (let col = 0; col < res; col++) {
      const c = row * res + col;
      const x = extent.x0 + col * w;
      cells[c] = { value: [x, y, x + w, y + h], itemStyle: { color: boundaryCellColor(probs, c * numClasses, numClasses) } };
    }
  }
  return cells;
}

interface RenderApi {
  value(dim: number): number;
  coord(point: [number, number]): number[];
  visual(name: 'color'): string;
}

/** Draws one cell as a rectangle; a hair of overlap hides anti-aliasing seams between cells. */
function renderCell(_params: unknown, api: RenderApi) {
  const a = api.coord([api.value(0), api.value(1)]);
  const b = api.coord([api.value(2), api.value(3)]);
  return {
    type: 'rect',
    shape: { x: Math.min(a[0], b[0]) - 0.5, y: Math.min(a[1], b[1]) - 0.5, width: Math.abs(b[0] - a[0]) + 1, height: Math.abs(b[1] - a[1]) + 1 },
    style: { fill: api.visual('color') },
  };
}

/**
 * `extent` is the area the grid's cells cover (cell edges, not centres), so the points drawn
 * over it land on the cells that were evaluated at their position.
 */
export function boundaryOption(grid: Grid, data: PlotData, extent: Bounds): EChartsCoreOption {
  return {
    animation: false,
    title: { text: grid.epoch ? `Decision boundary (epoch ${grid.epoch})` : 'Decision boundary', left: 8, top: 4, textStyle: { fontSize: 14 } },
    legend: { top: 4, right: 8, data: data.classNames },
    tooltip: { trigger: 'item' },
    grid: { left: 48, right: 16, top: 40, bottom: 40 },
    xAxis: { type: 'value', min: extent.x0, max: extent.x1, name: data.featureNames[0] ?? 'x₁', nameLocation: 'middle', nameGap: 24, splitLine: { show: false }, axisLabel: EDGE_LABELS },
    yAxis: { type: 'value', min: extent.y0, max: extent.y1, name: data.featureNames[1] ?? 'x₂', nameLocation: 'middle', nameGap: 32, splitLine: { show: false }, axisLabel: EDGE_LABELS },
    series: [
      {
        id: 'boundary',
        type: 'custom',
        renderItem: renderCell,
        data: boundaryCells(grid, extent),
        encode: { x: [0, 2], y: [1, 3] },
        silent: true,
        animation: false,
        progressive: 0,
        z: 1,
      },
      ...classScatterSeries(data, data.labels, 0).map((s) => ({ ...s, z: 3 })),
    ],
  };
}
