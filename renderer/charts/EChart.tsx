// A thin React wrapper over one ECharts instance: created once on mount, fed new options
// with lazy updates (several changes in a frame draw once), resized with its box, disposed
// on unmount. The chart is a picture for sighted users; `label` names it for everyone else.
import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './echarts-setup';

export interface EChartProps {
  option: EChartsCoreOption;
  /** Accessible name of the chart (role="img"). */
  label: string;
  height?: number;
  /** A text alternative for screen readers (e.g. the latest values). */
  description?: string;
  testId?: string;
}

type Instance = ReturnType<typeof echarts.init>;

export function EChart({ option, label, height = 260, description, testId }: EChartProps) {
  const box = useRef<HTMLDivElement | null>(null);
  const chart = useRef<Instance | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: each option is complete, so series that went away (e.g. test curves) vanish.
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return (
    <figure className="chart" aria-label={label} role="img" data-testid={testId}>
      <div ref={box} className="chart-canvas" style={{ height }} />
      {description ? <figcaption className="visually-hidden">{description}</figcaption> : null}
    </figure>
  );
}
