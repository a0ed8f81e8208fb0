// Chart redraws are spread over animation frames: one chart per frame, the latest option wins,
// each in a task of its own after the frame callback.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHART_UPDATE_MEASURE, cancelChartUpdate, queueChartUpdate } from '../../../renderer/charts/update-queue';

let frames: (() => void)[] = [];
/** Runs the frame callbacks, then lets the tasks they posted run. */
const runFrame = async () => {
  const now = frames;
  frames = [];
  now.forEach((f) => f());
  await new Promise((resolve) => setTimeout(resolve, 0));
};

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => {
    frames.push(cb);
    return frames.length;
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('chart update queue', () => {
  it('applies at most one chart’s update per frame, in the order they were queued', async () => {
    const done: string[] = [];
    const a = {};
    const b = {};
    const c = {};
    queueChartUpdate(a, () => done.push('a'));
    queueChartUpdate(b, () => done.push('b'));
    queueChartUpdate(c, () => done.push('c'));
    expect(done).toEqual([]);
    // Not inside the frame callback itself: in a task posted from it.
    frames.splice(0).forEach((f) => f());
    expect(done).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(done).toEqual(['a']);
    await runFrame();
    await runFrame();
    expect(done).toEqual(['a', 'b', 'c']);
    await runFrame();
    expect(frames).toEqual([]);
  });

  it('keeps only the latest update of a chart that is still waiting', async () => {
    const done: string[] = [];
    const a = {};
    queueChartUpdate(a, () => done.push('old'));
    queueChartUpdate(a, () => done.push('new'));
    await runFrame();
    await runFrame();
    expect(done).toEqual(['new']);
  });

  it('records each update as a performance measure named after its chart', async () => {
    performance.clearMeasures(CHART_UPDATE_MEASURE);
    queueChartUpdate({}, () => undefined, 'Loss chart');
    await runFrame();
    expect(performance.getEntriesByName(CHART_UPDATE_MEASURE).map((e) => (e as PerformanceMeasure).detail)).toEqual(['Loss chart']);
  });

  it('drops the waiting update of a chart that goes away', async () => {
    const done: string[] = [];
    const a = {};
    const b = {};
    queueChartUpdate(a, () => done.push('a'));
    queueChartUpdate(b, () => done.push('b'));
    cancelChartUpdate(a);
    await runFrame();
    await runFrame();
    expect(done).toEqual(['b']);
  });
});
