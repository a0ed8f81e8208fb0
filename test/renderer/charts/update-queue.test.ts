// Chart redraws are spread over animation frames: one chart per frame, the latest option wins,
// each in a task of its own after the frame callback.
//
// Both the frames and the posted tasks are driven by the test: Node delivers a real
// MessageChannel's message in no fixed order with timers, so a test that waited a timer for
// it passed or failed with the machine's load (CI failed on it once).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let frames: (() => void)[] = [];
const posted: (() => void)[] = [];

/** A MessageChannel whose messages wait in `posted` until the test delivers them. */
class HeldChannel {
  port1: { onmessage: null | (() => void) } = { onmessage: null };
  port2 = { postMessage: () => posted.push(() => this.port1.onmessage?.()) };
}
vi.stubGlobal('MessageChannel', HeldChannel);
const { CHART_UPDATE_MEASURE, cancelChartUpdate, queueChartUpdate } = await import('../../../renderer/charts/update-queue');
vi.unstubAllGlobals();

/** Delivers the tasks posted so far. */
const runTasks = () => posted.splice(0).forEach((t) => t());
/** Runs the frame callbacks, then the tasks they posted. */
const runFrame = async () => {
  const now = frames;
  frames = [];
  now.forEach((f) => f());
  runTasks();
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
    runTasks();
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
