// Keyboard shortcuts. Pure key → action mapping (tested) plus the hook that listens on window.
import { useEffect } from 'react';
import { runAction, type AppAction } from './actions';
import { shouldRun } from './menu-dedupe';

export interface KeyInfo {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The action for a key press, or null. `typing` is true when focus is in a text field: then
 * only the file shortcuts apply, and editing keys (Delete, Ctrl+Z, Ctrl+C…) belong to the field.
 */
export function shortcutFor(e: KeyInfo, typing: boolean): AppAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && !e.altKey) {
    if (key === 'n' && !e.shiftKey) return 'file:new';
    if (key === 'o' && !e.shiftKey) return 'file:open';
    if (key === 's') return e.shiftKey ? 'file:saveAs' : 'file:save';
    if (key === 'e' && e.shiftKey) return 'file:exportWeights';
  }
  if (typing) return null;
  if (mod && !e.altKey) {
    if (key === 'z') return e.shiftKey ? 'edit:redo' : 'edit:undo';
    if (key === 'y' && !e.shiftKey) return 'edit:redo';
    if (key === 'c' && !e.shiftKey) return 'edit:copy';
    if (key === 'x' && !e.shiftKey) return 'edit:cut';
    if (key === 'v' && !e.shiftKey) return 'edit:paste';
    if (key === 'd' && !e.shiftKey) return 'edit:duplicate';
    if (key === 'a' && !e.shiftKey) return 'edit:selectAll';
    return null;
  }
  if (!mod && !e.altKey && (key === 'Delete' || key === 'Backspace')) return 'edit:delete';
  return null;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      // An open dialog owns the keyboard.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const action = shortcutFor(e, isTypingTarget(e.target));
      if (!action) return;
      // Copying text the user selected on the page (an error message, say) stays the browser's job.
      if ((action === 'edit:copy' || action === 'edit:cut') && (window.getSelection()?.toString() ?? '') !== '') return;
      e.preventDefault();
      if (shouldRun(action, 'key')) runAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
