// Drawing signed values into a canvas on the diverging scale: one pixel per value (CSS scales
// the canvas up, pixelated), scaled by the values' largest magnitude so zero is always white.
import { DIVERGING_LUT, lutOffset, magnitude } from './colors';

/** Paints a rows × cols row-major matrix into `canvas`, resizing it to rows × cols pixels. */
export function paintHeatmap(canvas: HTMLCanvasElement, data: ArrayLike<number>, rows: number, cols: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx || rows <= 0 || cols <= 0) return;
  canvas.width = cols;
  canvas.height = rows;
  const img = ctx.createImageData(cols, rows);
  const m = magnitude(data);
  const n = Math.min(data.length, rows * cols);
  for (let i = 0; i < n; i++) {
    const k = lutOffset(data[i] / m);
    img.data[i * 4] = DIVERGING_LUT[k];
    img.data[i * 4 + 1] = DIVERGING_LUT[k + 1];
    img.data[i * 4 + 2] = DIVERGING_LUT[k + 2];
    img.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}
