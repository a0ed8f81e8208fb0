// On the desktop a menu accelerator and the page's own key handler may both see one key press
// (depending on platform and on how main registers accelerators). Whichever comes second
// within a short window is dropped, so Ctrl+Z never undoes twice.
import type { AppAction } from './actions';

export const DEDUPE_MS = 300;
let last: { action: AppAction; at: number } | null = null;

export function noteKeyAction(action: AppAction, now = performance.now()): void {
  last = { action, at: now };
}

/** True when a menu command repeats the key action just handled. */
export function isEchoOfKey(action: AppAction, now = performance.now()): boolean {
  return last !== null && last.action === action && now - last.at < DEDUPE_MS;
}
