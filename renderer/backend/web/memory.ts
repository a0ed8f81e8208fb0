// The browser build's memory budget. A page cannot read the machine's memory; Chromium tells
// navigator.deviceMemory (in GB, rounded and capped at 8), other browsers nothing, and then the
// engine's conservative constant applies.
import { automaticMemoryBudget, type MemoryBudget } from '../../../core/index';

const GB = 1024 ** 3;

export function browserMemoryBudget(nav: { deviceMemory?: unknown } | undefined = globalThis.navigator as { deviceMemory?: unknown } | undefined): MemoryBudget {
  const gb = nav?.deviceMemory;
  return automaticMemoryBudget(typeof gb === 'number' && gb > 0 ? gb * GB : null, 'browser');
}
