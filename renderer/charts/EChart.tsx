// A thin React wrapper over one ECharts instance: created once on mount, fed new options
// with lazy updates (several changes in a frame draw once), resized with its box, disposed
// on unmount. The chart is a picture for sighted users; `label` names it for everyone else.
import { useEffect, useRef } from 'react';
import { echarts } from './echarts-setup';
import { cancelChartUpdate, queueChartUpdate } from './update-queue';
import { resolveOption, type ChartOption } from './chart-option';

export interface EChartProps {
  option: ChartOption;
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
  const latest = useRef(option);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // Creating a chart costs a few milliseconds; it waits its turn like an update does.
    let observer: ResizeObserver | null = null;
    const key = {};
    queueChartUpdate(key, () => {
      const instance = echarts.init(el, null, { renderer: 'canvas' });
      chart.current = instance;
      instance.setOption(resolveOption(latest.current), { replaceMerge: ['series'] });
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(el);
    }, `${label} (create)`);
    return () => {
      cancelChartUpdate(key);
      observer?.disconnect();
      const instance = chart.current;
      chart.current = null;
      if (instance) {
        cancelChartUpdate(instance);
        instance.dispose();
      }
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    const instance = chart.current;
    if (!instance) return;
    // Merge, so a live update only touches what changed; replaceMerge drops series that went
    // away (e.g. the test curve of a run without a test split).
    queueChartUpdate(instance, () => {
      if (!instance.isDisposed()) instance.setOption(resolveOption(latest.current), { replaceMerge: ['series'] });
    }, label);
  }, [option, label]);

  return (
    <figure className="chart" aria-label={label} role="img" data-testid={testId}>
      <div ref={box} className="chart-canvas" style={{ height }} />
      {description ? <figcaption className="visually-hidden">{description}</figcaption> : null}
    </figure>
  );
}
