// Chart redraws are spread over animation frames: one chart per frame, the latest option wins.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelChartUpdate, queueChartUpdate } from '../../../renderer/charts/update-queue';

let frames: (() => void)[] = [];
const runFrame = () => {
  const now = frames;
  frames = [];
  now.forEach((f) => f());
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
  it('applies at most one chart’s update per frame, in the order they were queued', () => {
    const done: string[] = [];
    const a = {};
    const b = {};
    const c = {};
    queueChartUpdate(a, () => done.push('a'));
    queueChartUpdate(b, () => done.push('b'));
    queueChartUpdate(c, () => done.push('c'));
    expect(done).toEqual([]);
    runFrame();
    expect(done).toEqual(['a']);
    runFrame();
    runFrame();
    expect(done).toEqual(['a', 'b', 'c']);
    runFrame();
    expect(frames).toEqual([]);
  });

  it('keeps only the latest update of a chart that is still waiting', () => {
    const done: string[] = [];
    const a = {};
    queueChartUpdate(a, () => done.push('old'));
    queueChartUpdate(a, () => done.push('new'));
    runFrame();
    runFrame();
    expect(done).toEqual(['new']);
  });

  it('drops the waiting update of a chart that goes away', () => {
    const done: string[] = [];
    const a = {};
    const b = {};
    queueChartUpdate(a, () => done.push('a'));
    queueChartUpdate(b, () => done.push('b'));
    cancelChartUpdate(a);
    runFrame();
    runFrame();
    expect(done).toEqual(['b']);
  });
});
