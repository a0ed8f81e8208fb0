// @vitest-environment jsdom
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BpnnApi, DocumentState, MenuCommand } from '../../../runtime/api';
import { setApi } from '../../../renderer/backend/api';
import { useAppLifecycle } from '../../../renderer/app/lifecycle';
import { useProjectStore } from '../../../renderer/store/project';
import { exampleProject } from '../fixtures';

function Host() {
  useAppLifecycle();
  return null;
}

afterEach(cleanup);

describe('app lifecycle', () => {
  it('opens the initial project, titles the window, reports document state and obeys menu commands', async () => {
    const states: DocumentState[] = [];
    let menu: ((c: MenuCommand) => void) | null = null;
    const api = {
      platform: 'desktop',
      recoveryOffers: async () => [],
      initialProject: async () => ({ ok: true, project: exampleProject('xor'), filePath: null, fileName: 'xor.bpnn' }),
      setDocumentState: async (s: DocumentState) => {
        states.push(s);
      },
      onMenuCommand: (l: (c: MenuCommand) => void) => {
        menu = l;
        return () => {
          menu = null;
        };
      },
    } as unknown as BpnnApi;
    setApi(api);
    vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 0));

    render(<Host />);
    await waitFor(() => expect(useProjectStore.getState().fileName).toBe('xor.bpnn'));
    expect(document.title).toBe('xor.bpnn — BPNN Studio');
    await waitFor(() => expect(states.at(-1)).toMatchObject({ fileName: 'xor.bpnn', dirty: false, project: null }));

    act(() => {
      useProjectStore.getState().addNode('ReLU', { x: 0, y: 0 });
    });
    expect(document.title).toBe('• xor.bpnn — BPNN Studio');
    // The dirty project goes to main for its crash backup after a pause in editing.
    await waitFor(() => expect(states.at(-1)?.dirty).toBe(true));
    expect(states.at(-1)?.project?.graph.nodes.some((n) => n.id === 'relu1')).toBe(true);

    act(() => menu?.('edit:undo'));
    expect(useProjectStore.getState().project.graph.nodes.some((n) => n.id === 'relu1')).toBe(false);
    expect(document.title).toBe('xor.bpnn — BPNN Studio');
  });
});
