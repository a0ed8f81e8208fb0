// Spreads chart redraws over animation frames: at most one chart takes a new option per
// frame, so several live charts never add up to one long task. The latest option of each
// chart wins; a chart that is waiting keeps its place in the line.

type Apply = () => void;

const pending = new Map<object, Apply>();
let scheduled = false;

function pump(): void {
  scheduled = false;
  const next = pending.entries().next();
  if (next.done) return;
  const [key, apply] = next.value;
  pending.delete(key);
  apply();
  if (pending.size > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(pump);
}

/** Queues `apply` for `key` (replacing an earlier one still waiting). */
export function queueChartUpdate(key: object, apply: Apply): void {
  pending.set(key, apply);
  schedule();
}

/** Forgets a chart's waiting update (it is being disposed). */
export function cancelChartUpdate(key: object): void {
  pending.delete(key);
}
