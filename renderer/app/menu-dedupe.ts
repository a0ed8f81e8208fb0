// On the desktop a menu accelerator and the page's own key handler may both see one key press
// (it depends on the platform and on how main registers the accelerator). Whichever of the
// two arrives second within a short window is dropped, so Ctrl+S never saves twice.
import type { AppAction } from './actions';

export const DEDUPE_MS = 300;
type Source = 'key' | 'menu';
let last: { action: AppAction; at: number; source: Source } | null = null;

/** Records an action from one source; false when it echoes the other source's same action. */
export function shouldRun(action: AppAction, source: Source, now = performance.now()): boolean {
  const echo = last !== null && last.action === action && last.source !== source && now - last.at < DEDUPE_MS;
  last = echo ? null : { action, at: now, source };
  return !echo;
}
