// @vitest-environment jsdom
// Issue 13 §7: the results area follows a live run at the charts' pace, not on every frame,
// and always ends on the run's latest values.
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EpochMetrics } from '../../../core/index';
import { LIVE_CHART_INTERVAL_MS, useLiveCharts } from '../../../renderer/charts/use-live-charts';
import { useTrainingStore } from '../../../renderer/store/training';

const epochs = (n: number): EpochMetrics[] => Array.from({ length: n }, (_, i) => ({ epoch: i + 1, loss: 0.5, accuracy: 0.5, testLoss: null, testAccuracy: null, lr: 0.05 }));

beforeEach(() => {
  vi.useFakeTimers();
  useTrainingStore.setState({ status: 'running', metrics: [], boundary: null });
});
afterEach(() => {
  vi.useRealTimers();
  useTrainingStore.setState({ status: 'idle', metrics: [], boundary: null });
});

describe('useLiveCharts', () => {
  it('while a run is active, takes the store’s frames at most once per interval, ending on the latest', () => {
    const renders = { count: 0 };
    const { result } = renderHook(() => {
      renders.count += 1;
      return useLiveCharts();
    });
    const before = renders.count;
    // 60 frames a second for one interval: one redraw, not sixty.
    const frames = Math.round(LIVE_CHART_INTERVAL_MS / 16);
    for (let i = 1; i <= frames; i++) {
      act(() => useTrainingStore.setState({ metrics: epochs(i) }));
      act(() => vi.advanceTimersByTime(16));
    }
    act(() => vi.advanceTimersByTime(LIVE_CHART_INTERVAL_MS));
    expect(renders.count - before).toBeLessThanOrEqual(2);
    expect(result.current.metrics.length).toBe(frames);
  });

  it('the end of a run shows at once, without waiting for the interval', () => {
    const { result } = renderHook(() => useLiveCharts());
    act(() => useTrainingStore.setState({ metrics: epochs(3) }));
    act(() => vi.advanceTimersByTime(LIVE_CHART_INTERVAL_MS + 1));
    act(() => useTrainingStore.setState({ metrics: epochs(4) }));
    act(() => useTrainingStore.setState({ status: 'done', metrics: epochs(5) }));
    expect(result.current.metrics.length).toBe(5);
  });
});
