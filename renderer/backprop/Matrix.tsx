// A tensor of the step-through as a small matrix of coloured numbers, each a button that opens
// its "why". Large tensors are summarised (shape, min/max/mean, a heat strip) until the user
// asks for the full matrix.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../core/index';
import { formatWhyNumber } from '../../core/index';
import type { ValueRef } from '../../core/index';
import { CELL_INK, cellCss, divergingRgb, magnitude, summarise } from './colors';

/** Tensors with more values than this start summarised. */
export const FULL_MATRIX_LIMIT = 48;
/** Cells per row when a single row (one sample) is wrapped to fit the panel. */
const WRAP = 5;

export interface MatrixProps {
  label: string;
  shape: readonly number[];
  data: ArrayLike<number>;
  refOf(index: number): ValueRef;
  selected: ValueRef | null;
  onSelect(ref: ValueRef): void;
}

const sameRef = (a: ValueRef | null, b: ValueRef): boolean => a !== null && JSON.stringify(a) === JSON.stringify(b);

/** Three significant digits: enough to follow the arithmetic in a cell; the why shows every digit. */
function cellText(v: number): string {
  return formatNumber(v, 3);
}

/** Columns the tensor is drawn with; a lone row (one sample) wraps to fit the panel. */
function layout(shape: readonly number[], length: number): { cols: number; wrapped: boolean } {
  // [n, C, L] signals: one row per (sample, channel), one column per position.
  const cols = shape.length >= 3 ? shape[shape.length - 1] : shape.length === 2 ? length / shape[0] : length;
  const rows = length / cols;
  if (rows === 1 && cols > WRAP) return { cols: WRAP, wrapped: true };
  return { cols, wrapped: false };
}

function indexText(shape: readonly number[], index: number): string {
  const out: number[] = [];
  let r = index;
  for (let d = shape.length - 1; d >= 0; d--) {
    out.unshift(r % shape[d]);
    r = Math.floor(r / shape[d]);
  }
  return out.join(',');
}

function HeatStrip({ data, scale, label }: { data: ArrayLike<number>; scale: number; label: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const w = Math.min(data.length, 512);
    c.width = w;
    c.height = 1;
    const img = ctx.createImageData(w, 1);
    for (let x = 0; x < w; x++) {
      // Each pixel shows the strongest value of its stretch, so a lone large value stays visible.
      const from = Math.floor((x * data.length) / w);
      const to = Math.max(from + 1, Math.floor(((x + 1) * data.length) / w));
      let v = data[from];
      for (let i = from; i < to; i++) if (Math.abs(data[i]) > Math.abs(v)) v = data[i];
      const [r, g, b] = divergingRgb(v / scale);
      img.data.set([r, g, b, 255], x * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [data, scale]);
  return <canvas ref={ref} className="bp-heat-strip" role="img" aria-label={t('blockFace.backprop.matrix.heatStrip', { label })} />;
}

export function Matrix({ label, shape, data, refOf, selected, onSelect }: MatrixProps) {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  const scale = magnitude(data);
  const large = data.length > FULL_MATRIX_LIMIT;
  const shapeText = `[${shape.join(' × ')}]`;
  if (large && !full) {
    const s = summarise(data);
    return (
      <div className="bp-matrix" role="group" aria-label={label}>
        <div className="bp-matrix-label">
          {label} <span className="muted">{shapeText}</span>
        </div>
        <div className="bp-summary">
          {t('blockFace.backprop.matrix.summaryLine', { min: formatWhyNumber(s.min), max: formatWhyNumber(s.max), mean: formatWhyNumber(s.mean) })}
        </div>
        <HeatStrip data={data} scale={scale} label={label} />
        <button type="button" className="bp-show-full" onClick={() => setFull(true)} aria-label={t('blockFace.backprop.matrix.showFull', { label })}>
          {t('blockFace.backprop.matrix.showFullButton', { n: data.length })}
        </button>
      </div>
    );
  }
  const { cols, wrapped } = layout(shape, data.length);
  const cells = [];
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    const shade = v / scale;
    const ref = refOf(i);
    const at = indexText(shape, i);
    cells.push(
      <button
        key={i}
        type="button"
        className={sameRef(selected, ref) ? 'bp-cell selected' : 'bp-cell'}
        style={{ background: cellCss(shade), color: CELL_INK }}
        aria-label={`${label} [${at}] = ${formatWhyNumber(v)}`}
        title={`[${at}] ${v}`}
        onClick={() => onSelect(ref)}
      >
        {cellText(v)}
      </button>,
    );
  }
  return (
    <div className="bp-matrix" role="group" aria-label={label}>
      <div className="bp-matrix-label">
        {label} <span className="muted">{shapeText}{wrapped ? t('blockFace.backprop.matrix.wrapped') : ''}</span>
        {large && (
          <button type="button" className="bp-show-full" onClick={() => setFull(false)}>
            {t('blockFace.backprop.matrix.summarise')}
          </button>
        )}
      </div>
      <div className="bp-grid" style={{ gridTemplateColumns: `repeat(${cols}, minmax(48px, max-content))` }}>
        {cells}
      </div>
    </div>
  );
}
