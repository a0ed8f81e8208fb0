// The decision-boundary heat map for 2-D data: each grid cell tinted with the colour of the
// class the network predicts there (paler where it is unsure), with the data points on top.
import type { EChartsCoreOption } from 'echarts/core';
import { plotArea } from './layout';
import { boundaryCellRgb } from './palette';
import type { Bounds, PlotData } from './plot-data';
import { classScatterSeries } from './data-options';
import { chartWords, type ChartWords } from './words';

/** The extent's edges are not round numbers: label only the inner ticks, briefly. */
const EDGE_LABELS = { showMinLabel: false, showMaxLabel: false, formatter: (v: number) => String(Number(v.toPrecision(3))) };

export interface Grid {
  res: number;
  numClasses: number;
  /** Row-major, y rising by row, numClasses values per cell. */
  probs: ArrayLike<number>;
  epoch?: number;
}

/**
 * The grid as RGBA pixels, one per cell, top row first (the grid's rows rise in y, images
 * fall), ready for ImageData. Drawn as one image, the map costs one element, not res².
 */
export function boundaryPixels(grid: Grid): Uint8ClampedArray<ArrayBuffer> {
  const { res, numClasses, probs } = grid;
  const px = new Uint8ClampedArray(res * res * 4);
  for (let row = 0; row < res; row++) {
    const top = res - 1 - row;
    for (let col = 0; col < res; col++) {
      const [r, g, b] = boundaryCellRgb(probs, (row * res + col) * numClasses, numClasses);
      const o = (top * res + col) * 4;
      px[o] = r;
      px[o + 1] = g;
      px[o + 2] = b;
      px[o + 3] = 255;
    }
  }
  return px;
}

/** The plot's margins: a chart box of (side + 64) × (side + 80) px has a square plot. */
export const BOUNDARY_MARGINS = { left: 48, right: 16, top: 40, bottom: 40 };

/** The chart box whose plot area is a square with this many pixels a side. */
export function squareChartBox(side: number): { width: number; height: number } {
  const m = BOUNDARY_MARGINS;
  return { width: side + m.left + m.right, height: side + m.top + m.bottom };
}

/** The smallest square (in data units) centred on `b` that holds it. */
export function squareAround(b: Bounds): Bounds {
  const half = Math.max(b.x1 - b.x0, b.y1 - b.y0) / 2;
  const cx = (b.x0 + b.x1) / 2;
  const cy = (b.y0 + b.y1) / 2;
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}

interface RenderApi {
  coord(point: [number, number]): number[];
}

/**
 * `extent` is the area the grid's cells cover (cell edges, not centres), so the points drawn
 * over it land on the cells that were evaluated at their position.
 */
export function boundaryOption(grid: Grid, data: PlotData, extent: Bounds, image: unknown, words: ChartWords = chartWords()): EChartsCoreOption {
  // One custom item that draws the whole map as an image stretched over the extent.
  const renderMap = (_params: unknown, api: RenderApi) => {
    const a = api.coord([extent.x0, extent.y1]);
    const b = api.coord([extent.x1, extent.y0]);
    return { type: 'image', style: { image, x: a[0], y: a[1], width: b[0] - a[0], height: b[1] - a[1] } };
  };
  // Equal scale on both axes (a circle must look like a circle): the axes span the
  // same length around the map's centre; with a square plot area (BOUNDARY_MARGINS) one unit
  // is as long across as up. The map itself still covers only the extent it was evaluated on.
  const axes = squareAround(extent);
  return {
    animation: false,
    title: { text: words.boundary(grid.epoch || undefined), left: 8, top: 4, textStyle: { fontSize: 14 } },
    // Under the title's line, so a long title (with the epoch) never runs into it on a small square.
    legend: { top: 22, right: 8, itemHeight: 10, data: data.classNames },
    tooltip: { trigger: 'item' },
    grid: plotArea(BOUNDARY_MARGINS),
    xAxis: { type: 'value', min: axes.x0, max: axes.x1, name: data.featureNames[0] ?? 'x₁', nameLocation: 'middle', nameGap: 24, splitLine: { show: false }, axisLabel: EDGE_LABELS },
    yAxis: { type: 'value', min: axes.y0, max: axes.y1, name: data.featureNames[1] ?? 'x₂', nameLocation: 'middle', nameGap: 32, splitLine: { show: false }, axisLabel: EDGE_LABELS },
    series: [
      {
        id: 'boundary',
        type: 'custom',
        renderItem: renderMap,
        data: [[extent.x0, extent.y0]],
        clip: true,
        silent: true,
        animation: false,
        progressive: 0,
        z: 1,
      },
      ...classScatterSeries(data, data.labels, 0).map((s) => ({ ...s, z: 3 })),
    ],
  };
}
