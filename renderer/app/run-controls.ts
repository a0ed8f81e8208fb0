// The run bar's logic without React: which controls apply in which run state, and
// the keyboard shortcuts Ctrl+Enter (train, or resume a paused run) and Space (pause / resume
// while the canvas has focus). Tested by calling it.
import type { RunStatus } from '../store/training-events';
import { isActive } from '../store/training-events';

/** The main button is one control whose job follows the run: Train, then Pause, then Resume. */
export type MainControl = 'train' | 'pause' | 'resume';

export interface RunControls {
  main: MainControl;
  mainEnabled: boolean;
  step: boolean;
  stop: boolean;
  reset: boolean;
}

export function runControls(status: RunStatus, canTrain: boolean, hasWeights: boolean): RunControls {
  const active = isActive(status);
  const main: MainControl = status === 'paused' ? 'resume' : active ? 'pause' : 'train';
  return {
    main,
    mainEnabled: main === 'train' ? canTrain : main === 'pause' ? status === 'running' : true,
    step: status === 'paused' || (!active && canTrain),
    stop: active,
    reset: !active && hasWeights,
  };
}

export interface RunKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * What a key press does to the run, or null. Ctrl+Enter works anywhere but in a text field
 * (where Enter commits a value); Space only where it has no job of its own: on the canvas.
 */
export function runKey(e: RunKey, where: { typing: boolean; onCanvas: boolean }): 'main' | null {
  if (where.typing || e.altKey || e.shiftKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key === 'Enter') return 'main';
  if (!mod && e.key === ' ' && where.onCanvas) return 'main';
  return null;
}
