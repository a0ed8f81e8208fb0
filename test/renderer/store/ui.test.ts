import { describe, expect, it } from 'vitest';
import { useUiStore } from '../../../renderer/store/ui';

describe('ui store', () => {
  it('shows the Node tab when one block is picked, and leaves the tab alone otherwise', () => {
    const ui = () => useUiStore.getState();
    ui().setInspectorTab('training');
    ui().select(['a', 'b'], []);
    expect(ui().inspectorTab).toBe('training');
    ui().select(['a'], []);
    expect(ui().inspectorTab).toBe('node');
    ui().setInspectorTab('data');
    ui().select(['a'], ['e1']);
    expect(ui().inspectorTab).toBe('data');
  });

  it('starts pasting from the first step again after a new copy', () => {
    const ui = () => useUiStore.getState();
    ui().setClipboard({ nodes: [], edges: [] });
    ui().notePaste();
    ui().notePaste();
    expect(ui().pasteCount).toBe(2);
    ui().setClipboard({ nodes: [], edges: [] });
    expect(ui().pasteCount).toBe(0);
  });
});
