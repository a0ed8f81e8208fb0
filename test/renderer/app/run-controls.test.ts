// Issue 13 §2: one main control whose job follows the run, the others enabled only when they
// apply, and the shortcuts: Ctrl+Enter anywhere but a text field, Space only on the canvas.
import { describe, expect, it } from 'vitest';
import { runControls, runKey } from '../../../renderer/app/run-controls';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('run controls', () => {
  it('trains when idle or finished, pauses while running, resumes when paused', () => {
    expect(runControls('idle', true, false)).toEqual({ main: 'train', mainEnabled: true, step: true, stop: false, reset: false });
    expect(runControls('done', true, true)).toEqual({ main: 'train', mainEnabled: true, step: true, stop: false, reset: true });
    expect(runControls('running', true, true)).toEqual({ main: 'pause', mainEnabled: true, step: false, stop: true, reset: false });
    expect(runControls('starting', true, true)).toMatchObject({ main: 'pause', mainEnabled: false, stop: true });
    expect(runControls('paused', true, true)).toEqual({ main: 'resume', mainEnabled: true, step: true, stop: true, reset: false });
  });

  it('keeps Train and Step off when the network cannot train', () => {
    expect(runControls('idle', false, true)).toMatchObject({ main: 'train', mainEnabled: false, step: false, reset: true });
  });

  it('maps Ctrl+Enter (or Cmd+Enter) anywhere but a text field, and Space only on the canvas', () => {
    const anywhere = { typing: false, onCanvas: false };
    expect(runKey(key('Enter', { ctrlKey: true }), anywhere)).toBe('main');
    expect(runKey(key('Enter', { metaKey: true }), anywhere)).toBe('main');
    expect(runKey(key('Enter', { ctrlKey: true }), { typing: true, onCanvas: false })).toBeNull();
    expect(runKey(key('Enter'), anywhere)).toBeNull();
    expect(runKey(key(' '), anywhere)).toBeNull();
    expect(runKey(key(' '), { typing: false, onCanvas: true })).toBe('main');
    expect(runKey(key(' ', { shiftKey: true }), { typing: false, onCanvas: true })).toBeNull();
  });
});
