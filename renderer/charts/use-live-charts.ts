// What the charts draw of a live run, read from the training store at the charts' own pace.
// The store changes on every animation frame while a run goes (the run bar and the Training tab
// follow each epoch); the results area re-renders only when its charts redraw, a few times a
// second, so the frames in between stay free for the page (issue 13 §7).
import { useEffect, useState } from 'react';
import type { EpochMetrics } from '../../core/index';
import { isActive, type RunView } from '../store/training-events';
import { useTrainingStore } from '../store/training';

/** How often live charts redraw (ms); a long curve redraws less often, as each redraw costs more. */
export const LIVE_CHART_INTERVAL_MS = 250;

export function curveInterval(epochs: number): number {
  return epochs > 50_000 ? 4 * LIVE_CHART_INTERVAL_MS : epochs > 20_000 ? 2 * LIVE_CHART_INTERVAL_MS : LIVE_CHART_INTERVAL_MS;
}

export interface LiveCharts {
  metrics: EpochMetrics[];
  boundary: RunView['boundary'];
}

const pick = (s: RunView): LiveCharts => ({ metrics: s.metrics, boundary: s.boundary });

/**
 * The live metrics and boundary: at once when no run is active (a reset, the end of a run),
 * else at most once per curveInterval, always ending on the latest values.
 */
export function useLiveCharts(): LiveCharts {
  const [shown, setShown] = useState(() => pick(useTrainingStore.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastAt = 0;
    const push = () => {
      timer = null;
      lastAt = performance.now();
      setShown(pick(useTrainingStore.getState()));
    };
    // The store may have changed between the first render and this subscription.
    push();
    const unsubscribe = useTrainingStore.subscribe((s, prev) => {
      const active = isActive(s.status);
      if (s.metrics === prev.metrics && s.boundary === prev.boundary && active === isActive(prev.status)) return;
      if (!active) {
        if (timer) clearTimeout(timer);
        push();
        return;
      }
      if (timer) return;
      timer = setTimeout(push, Math.max(0, lastAt + curveInterval(s.metrics.length) - performance.now()));
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return shown;
}
