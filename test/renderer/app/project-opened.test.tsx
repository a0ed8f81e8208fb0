// @vitest-environment jsdom
// Files main opens on its own (Open Recent, a second launch, a double-click, macOS open-file).
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BpnnApi, DocumentState, OpenResult } from '../../../runtime/api';
import { setApi } from '../../../renderer/backend/api';
import { showOpenedProject, useAppLifecycle } from '../../../renderer/app/lifecycle';
import { useProjectStore } from '../../../renderer/store/project';
import { useUiStore } from '../../../renderer/store/ui';
import { exampleProject } from '../fixtures';

function Host() {
  useAppLifecycle();
  return null;
}

const opened = (name: string, extra: Partial<OpenResult> = {}): OpenResult =>
  ({ ok: true, project: { ...exampleProject('linear'), name }, filePath: `/w/${name}.bpnn`, fileName: `${name}.bpnn`, ...extra }) as OpenResult;

let push: ((r: OpenResult) => void) | null = null;
const states: DocumentState[] = [];

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 0));
  states.length = 0;
  setApi({
    platform: 'desktop',
    recoveryOffers: async () => [],
    initialProject: async () => ({ ok: true, project: exampleProject('xor'), filePath: null, fileName: 'xor.bpnn' }),
    setDocumentState: async (s: DocumentState) => void states.push(s),
    onMenuCommand: () => () => undefined,
    onProjectOpened: (l: (r: OpenResult) => void) => {
      push = l;
      return () => {
        push = null;
      };
    },
  } as unknown as BpnnApi);
});
afterEach(cleanup);

describe('a project opened by main', () => {
  it('appears in the window (Open Recent, double-click), marked unsaved when main says so', async () => {
    render(<Host />);
    await waitFor(() => expect(useProjectStore.getState().fileName).toBe('xor.bpnn'));
    expect(push).not.toBeNull();
    act(() => push?.(opened('recent')));
    await waitFor(() => expect(useProjectStore.getState().project.name).toBe('recent'));
    expect(useProjectStore.getState()).toMatchObject({ fileName: 'recent.bpnn', filePath: '/w/recent.bpnn', dirty: false });

    act(() => push?.(opened('restored', { dirty: true })));
    await waitFor(() => expect(useProjectStore.getState().project.name).toBe('restored'));
    expect(useProjectStore.getState().dirty).toBe(true);
  });

  it('a file main could not read shows its problems and keeps the open project', async () => {
    render(<Host />);
    const before = useProjectStore.getState().project;
    act(() => push?.({ ok: false, canceled: false, fileName: 'bad.bpnn', problems: [{ path: 'graph', message: 'is missing' }], moreProblems: 0 }));
    await waitFor(() => expect(useUiStore.getState().banner?.title).toBe('Could not open bad.bpnn'));
    expect(useProjectStore.getState().project).toBe(before);
  });

  it('does not ask a second time about edits main already asked about', async () => {
    useProjectStore.getState().loadProject(exampleProject('xor'), null, 'xor.bpnn');
    useProjectStore.getState().addNode('ReLU', { x: 0, y: 0 });
    const ask = vi.spyOn(useUiStore.getState(), 'ask');
    await showOpenedProject(opened('after main asked'), { mainKnowsDirty: () => true, resend: vi.fn() });
    expect(ask).not.toHaveBeenCalled();
    expect(useProjectStore.getState().project.name).toBe('after main asked');
    ask.mockRestore();
  });

  it('asks about edits main had not heard of yet; Cancel keeps them and tells main again', async () => {
    useProjectStore.getState().loadProject(exampleProject('xor'), null, 'xor.bpnn');
    useProjectStore.getState().addNode('ReLU', { x: 0, y: 0 });
    const edited = useProjectStore.getState().project;
    const resend = vi.fn();
    const done = showOpenedProject(opened('too soon'), { mainKnowsDirty: () => false, resend });
    await waitFor(() => expect(useUiStore.getState().question?.title).toBe('Unsaved changes'));
    expect(useUiStore.getState().question?.choices).toEqual(['Save', "Don't Save", 'Cancel']);
    useUiStore.getState().answer('Cancel');
    await done;
    expect(useProjectStore.getState().project).toBe(edited);
    expect(useProjectStore.getState().dirty).toBe(true);
    expect(resend).toHaveBeenCalledTimes(1);

    const again = showOpenedProject(opened('discarded'), { mainKnowsDirty: () => false, resend });
    await waitFor(() => expect(useUiStore.getState().question).not.toBeNull());
    useUiStore.getState().answer("Don't Save");
    await again;
    expect(useProjectStore.getState().project.name).toBe('discarded');
  });

  it('D8: an edit reaches main at once (no pause), so closing right after it asks', async () => {
    render(<Host />);
    await waitFor(() => expect(states.at(-1)?.fileName).toBeDefined());
    act(() => {
      useProjectStore.getState().addNode('Sigmoid', { x: 10, y: 10 });
    });
    expect(states.at(-1)?.dirty).toBe(true);
    expect(states.at(-1)?.project?.graph.nodes.some((n) => n.type === 'Sigmoid' && n.position.x === 10)).toBe(true);

    // A further edit waits for a pause in editing, unless a prompt (closing the window) takes the focus.
    act(() => {
      useProjectStore.getState().addNode('Tanh', { x: 30, y: 30 });
    });
    expect(states.at(-1)?.project?.graph.nodes.some((n) => n.type === 'Tanh' && n.position.x === 30)).toBe(false);
    window.dispatchEvent(new Event('blur'));
    expect(states.at(-1)?.project?.graph.nodes.some((n) => n.type === 'Tanh' && n.position.x === 30)).toBe(true);
  });
});
