// Spreads chart redraws over animation frames: at most one chart takes a new option per
// frame, so several live charts never add up to one long task. The latest option of each
// chart wins; a chart that is waiting keeps its place in the line.
//
// The frame only paces the work: the update itself runs in a task of its own, posted from the
// frame callback. Inside the frame it would share one task with everything else that waits
// for a frame (the training store's flush and the React render it causes, ECharts' own
// animation step), and on a slow machine those add up past 50 ms where each alone is far under.

type Apply = () => void;

/** Name of the performance measure each chart update records (detail: the chart's label), for the UI benchmarks. */
export const CHART_UPDATE_MEASURE = 'bp-chart-update';

const pending = new Map<object, { apply: Apply; label: string }>();
let scheduled = false;

function pump(): void {
  scheduled = false;
  const next = pending.entries().next();
  if (next.done) return;
  const [key, { apply, label }] = next.value;
  pending.delete(key);
  const started = performance.now();
  apply();
  performance.measure?.(CHART_UPDATE_MEASURE, { start: started, detail: label });
  if (pending.size > 0) schedule();
}

/** Runs `fn` in a task of its own, as soon as the event loop allows (no 4 ms timer clamp). */
const postTask: (fn: () => void) => void = (() => {
  if (typeof MessageChannel === 'undefined') return (fn) => setTimeout(fn, 0);
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return (fn) => {
    waiting.push(fn);
    channel.port2.postMessage(null);
  };
})();

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => postTask(pump));
}

/** Queues `apply` for `key` (replacing an earlier one still waiting); `label` names it in the measure. */
export function queueChartUpdate(key: object, apply: Apply, label = ''): void {
  pending.set(key, { apply, label });
  schedule();
}

/** Forgets a chart's waiting update (it is being disposed). */
export function cancelChartUpdate(key: object): void {
  pending.delete(key);
}
