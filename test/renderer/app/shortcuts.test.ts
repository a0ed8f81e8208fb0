import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyInfo } from '../../../renderer/app/shortcuts';
import { documentTitle } from '../../../renderer/app/lifecycle';
import { shouldRun } from '../../../renderer/app/menu-dedupe';

const k = (key: string, mods: Partial<KeyInfo> = {}): KeyInfo => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('maps Ctrl and Cmd variants to the same actions', () => {
    expect(shortcutFor(k('z', { ctrlKey: true }), false)).toBe('edit:undo');
    expect(shortcutFor(k('z', { metaKey: true }), false)).toBe('edit:undo');
    expect(shortcutFor(k('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('edit:redo');
    expect(shortcutFor(k('y', { ctrlKey: true }), false)).toBe('edit:redo');
    expect(shortcutFor(k('d', { metaKey: true }), false)).toBe('edit:duplicate');
    expect(shortcutFor(k('S', { ctrlKey: true, shiftKey: true }), false)).toBe('file:saveAs');
    expect(shortcutFor(k('s', { ctrlKey: true }), false)).toBe('file:save');
    expect(shortcutFor(k('n', { ctrlKey: true }), false)).toBe('file:new');
    expect(shortcutFor(k('o', { metaKey: true }), false)).toBe('file:open');
    expect(shortcutFor(k('Delete'), false)).toBe('edit:delete');
    expect(shortcutFor(k('Backspace'), false)).toBe('edit:delete');
  });

  it('leaves editing keys to a text field being typed in', () => {
    for (const e of [k('Delete'), k('Backspace'), k('z', { ctrlKey: true }), k('c', { ctrlKey: true }), k('v', { ctrlKey: true }), k('a', { ctrlKey: true })]) {
      expect(shortcutFor(e, true)).toBeNull();
    }
  });

  it('ignores plain letters and Alt combinations', () => {
    expect(shortcutFor(k('d'), false)).toBeNull();
    expect(shortcutFor(k('z', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });

  it('titles the window with the file name and an unsaved marker', () => {
    expect(documentTitle('xor.bpnn', false)).toBe('xor.bpnn — BPNN Studio');
    expect(documentTitle('xor.bpnn', true)).toBe('• xor.bpnn — BPNN Studio');
  });
});

describe('menu and key de-duplication', () => {
  it('runs one key press once even when the menu also reports it, in either order', () => {
    expect(shouldRun('file:save', 'key', 1000)).toBe(true);
    expect(shouldRun('file:save', 'menu', 1010)).toBe(false);
    expect(shouldRun('file:save', 'menu', 5000)).toBe(true);
    expect(shouldRun('file:save', 'key', 5020)).toBe(false);
  });

  it('runs two presses from the same source, and presses far apart', () => {
    expect(shouldRun('edit:undo', 'key', 10_000)).toBe(true);
    expect(shouldRun('edit:undo', 'key', 10_050)).toBe(true);
    expect(shouldRun('edit:undo', 'menu', 20_000)).toBe(true);
  });
});
