// An EChart with its export buttons: PNG (as drawn) and SVG (vector, re-rendered).
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../charts/EChart';
import { resolveOption, type ChartOption } from '../charts/chart-option';
import { downloadChartPng, downloadChartSvg } from './export';
import './compare.css';

export interface ChartCardProps {
  option: ChartOption;
  label: string;
  fileStem: string;
  height?: number;
  testId?: string;
  series?: number;
  /** A text alternative for screen readers, passed on to the chart. */
  description?: string;
  /** A fixed width (e.g. a square plot); else the card shares its row with the others. */
  width?: number;
  /** Starts a row of its own width when there is room (a figure that needs it). */
  wide?: boolean;
}

export function ChartCard({ option, label, fileStem, height = 280, testId, series, description, width, wide }: ChartCardProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement | null>(null);
  return (
    <div
      className={wide ? 'chart-card wide' : 'chart-card'}
      ref={box}
      data-testid={testId}
      data-series={series}
      style={width ? { flex: `0 0 ${width}px`, width } : undefined}
    >
      <EChart option={option} label={label} height={height} description={description} />
      <div className="chart-exports" role="group" aria-label={t('compare.exportChart', { label })}>
        <button type="button" onClick={() => downloadChartPng(box.current, `${fileStem}.png`)} aria-label={t('compare.saveAs', { label, format: 'PNG' })}>
          {t('compare.png')}
        </button>
        <button type="button" onClick={() => downloadChartSvg(resolveOption(option), `${fileStem}.svg`)} aria-label={t('compare.saveAs', { label, format: 'SVG' })}>
          {t('compare.svg')}
        </button>
      </div>
    </div>
  );
}
