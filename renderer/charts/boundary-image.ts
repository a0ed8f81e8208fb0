// Paints the decision grid's pixels on a small canvas that ECharts stretches over the plot.
import { boundaryPixels, type Grid } from '../../report/charts/boundary-options';

export function boundaryCanvas(grid: Grid): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = grid.res;
  canvas.height = grid.res;
  const ctx = canvas.getContext('2d');
  if (ctx) ctx.putImageData(new ImageData(boundaryPixels(grid), grid.res, grid.res), 0, 0);
  return canvas;
}
