// What this panel adds to a node on the canvas: its units' views over the input plane (2-D
// data) and the step-through highlight. (Weight heat maps sit on the connections: WeightEdge.)
// Each unit is drawn into one canvas per node; hovering a unit shows it enlarged.
import { useTranslation } from 'react-i18next';
import { memo, useEffect, useRef, useState, type MouseEvent } from 'react';
import { blockOf, type NeuronGrid } from '../../core/index';
import { DIVERGING_LUT, lutOffset } from './colors';
import { useBackpropStore, useNeuronStore } from './use-backprop';

/** Width the thumbnails may fill inside a node. */
const NODE_INNER = 158;
const GAP = 2;
const ENLARGED = 132;
/** Name of the performance measure each thumbnail repaint records. */
export const PAINT_MEASURE = 'bp-neuron-paint';

/** The unit values of bounded activations map to the scale's full range; others by the node's largest magnitude. */
function toUnitScale(g: NeuronGrid): (v: number) => number {
  const bounded = blockOf(g.type).unitScale;
  if (bounded) return bounded;
  const m = Math.max(Math.abs(g.min), Math.abs(g.max)) || 1;
  return (v) => v / m;
}

function thumbLayout(units: number): { cols: number; size: number } {
  // Up to 16 units in rows of 4 (big enough to read a boundary), wider layers in rows of 8.
  const cols = units <= 4 ? units : units <= 16 ? 4 : 8;
  const size = Math.min(44, Math.floor((NODE_INNER - (cols - 1) * GAP) / cols));
  return { cols, size };
}

/** Paints one unit (grid rows rise in y, so canvas rows are flipped) into an ImageData at (ox, oy). */
function paintUnit(img: ImageData, g: NeuronGrid, u: number, ox: number, oy: number, scale: (v: number) => number): void {
  const res = g.res;
  const base = u * res * res;
  const px = img.data;
  const lut = DIVERGING_LUT;
  for (let r = 0; r < res; r++) {
    let at = ((oy + (res - 1 - r)) * img.width + ox) * 4;
    const row = base + r * res;
    for (let c = 0; c < res; c++, at += 4) {
      const k = lutOffset(scale(g.values[row + c]));
      px[at] = lut[k];
      px[at + 1] = lut[k + 1];
      px[at + 2] = lut[k + 2];
      px[at + 3] = 255;
    }
  }
}

function raise(el: Element, on: boolean): void {
  const node = el.closest('.react-flow__node');
  if (node instanceof HTMLElement) node.style.zIndex = on ? '1000' : '';
}

function NeuronThumbs({ nodeId, grid }: { nodeId: string; grid: NeuronGrid }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const big = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const { cols, size } = thumbLayout(grid.units);
  const rows = Math.ceil(grid.units / cols);
  const res = grid.res;

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const started = performance.now();
    // One pixel per grid cell with a one-cell gap; CSS scales it up to the thumbnail size.
    const w = cols * res + (cols - 1);
    const h = rows * res + (rows - 1);
    c.width = w;
    c.height = h;
    const img = ctx.createImageData(w, h);
    const scale = toUnitScale(grid);
    for (let u = 0; u < grid.units; u++) paintUnit(img, grid, u, (u % cols) * (res + 1), Math.floor(u / cols) * (res + 1), scale);
    ctx.putImageData(img, 0, 0);
    // For bench:ui:neurons: what one repaint of a node's thumbnails costs the main thread.
    performance.measure?.(PAINT_MEASURE, { start: started });
  }, [grid, cols, rows, res]);

  useEffect(() => {
    const c = big.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || hover === null) return;
    c.width = res;
    c.height = res;
    const img = ctx.createImageData(res, res);
    paintUnit(img, grid, hover, 0, 0, toUnitScale(grid));
    ctx.putImageData(img, 0, 0);
  }, [grid, hover, res]);

  const unitAt = (e: MouseEvent<HTMLCanvasElement>): number | null => {
    const r = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - r.left) / r.width) * cols);
    const row = Math.floor(((e.clientY - r.top) / r.height) * rows);
    const u = row * cols + col;
    return col >= 0 && col < cols && u >= 0 && u < grid.units ? u : null;
  };

  const width = cols * size + (cols - 1) * GAP;
  const height = rows * size + (rows - 1) * GAP;
  return (
    <div className="bp-thumbs nodrag">
      <canvas
        ref={canvas}
        className="bp-thumbs-canvas"
        data-units={grid.units}
        data-res={res}
        style={{ width, height }}
        role="img"
        aria-label={t('blockFace.neurons.label', { id: nodeId, count: grid.units })}
        onMouseMove={(e) => {
          setHover(unitAt(e));
          // The enlarged view overlaps the next node: lift this one above its neighbours meanwhile.
          raise(e.currentTarget, true);
        }}
        onMouseLeave={(e) => {
          setHover(null);
          raise(e.currentTarget, false);
        }}
      />
      {hover !== null && (
        <div className="bp-thumb-big" role="tooltip">
          <canvas ref={big} style={{ width: ENLARGED, height: ENLARGED }} aria-label={t('blockFace.neurons.enlarged', { unit: hover, id: nodeId })} />
          <div className="bp-thumb-caption">
            {t('blockFace.neurons.caption', { id: nodeId, unit: hover, min: grid.unitMin[hover].toPrecision(3), max: grid.unitMax[hover].toPrecision(3) })}
          </div>
        </div>
      )}
    </div>
  );
}

function NodeExtrasImpl({ nodeId }: { nodeId: string }) {
  const grid = useNeuronStore((s) => (s.showNeurons ? (s.grids[nodeId] ?? null) : null));
  return grid ? <NeuronThumbs nodeId={nodeId} grid={grid} /> : null;
}

export const NodeExtras = memo(NodeExtrasImpl);

/** True while the step-through is working on this node (for the canvas highlight). */
export function useStepActive(nodeId: string): boolean {
  return useBackpropStore((s) => s.view?.activeNodeId === nodeId);
}
