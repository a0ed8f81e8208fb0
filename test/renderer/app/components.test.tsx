// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Banner } from '../../../renderer/app/Banner';
import { QuestionDialog } from '../../../renderer/app/QuestionDialog';
import { reportOpenProblems } from '../../../renderer/app/file-actions';
import { NodeInspector } from '../../../renderer/inspector/NodeInspector';
import { ParamField } from '../../../renderer/inspector/ParamField';
import { nodeDefinitions } from '../../../renderer/nodes/registry';
import { useProjectStore } from '../../../renderer/store/project';
import { useUiStore } from '../../../renderer/store/ui';
import { exampleProject } from '../fixtures';

afterEach(() => {
  cleanup();
  act(() => useUiStore.getState().showBanner(null));
});

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('file problem banner', () => {
  it('F8: shows a hostile key from a bad file as text, injecting no element', () => {
    render(<Banner />);
    act(() =>
      reportOpenProblems({
        ok: false,
        canceled: false,
        fileName: `${HOSTILE}.bpnn`,
        problems: [{ path: `graph.${HOSTILE}`, message: 'is not a known field' }],
        moreProblems: 3,
      }),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(`Could not open ${HOSTILE}.bpnn`);
    expect(alert.textContent).toContain(`graph.${HOSTILE}: is not a known field`);
    expect(alert.textContent).toContain('…and 3 more.');
    expect(alert.textContent).toContain('Your open project was not changed');
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('question dialog', () => {
  it('keeps focus inside, resolves with the button pressed, and with null on Escape', async () => {
    render(<QuestionDialog />);
    let answer: Promise<string | null> = Promise.resolve(null);
    act(() => {
      answer = useUiStore.getState().ask('Unsaved changes', 'Save first?', ['Save', "Don't Save", 'Cancel']);
    });
    expect(screen.getByRole('dialog', { name: 'Unsaved changes' })).toBeTruthy();
    // Focus starts on the first choice and Tab wraps around inside the dialog.
    expect(document.activeElement?.textContent).toBe('Save');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Tab', shiftKey: true });
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Tab' });
    expect(document.activeElement?.textContent).toBe('Save');
    fireEvent.click(screen.getByRole('button', { name: "Don't Save" }));
    await expect(answer).resolves.toBe("Don't Save");
    act(() => {
      answer = useUiStore.getState().ask('Overwrite?', 'Changed on disk', ['Overwrite', 'Cancel']);
    });
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    await expect(answer).resolves.toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('param field', () => {
  const schema = nodeDefinitions.Linear.params[0];

  it('refuses a bad value with a message next to the field and keeps the old one', () => {
    const onCommit = vi.fn();
    render(<ParamField schema={schema} value={32} onCommit={onCommit} />);
    const input = screen.getByLabelText('Output features');
    fireEvent.change(input, { target: { value: '-4' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/from 1 to 65536.*Kept 32\./);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '8' } });
    fireEvent.blur(input);
    expect(onCommit).toHaveBeenCalledWith(8);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('the Node tab with nothing selected', () => {
  it("shows the open project's name and description (as text, F8), then the hints", () => {
    const xor = exampleProject('xor');
    act(() => useProjectStore.getState().loadProject({ ...xor, description: `Try it! ${HOSTILE}` }, null, 'xor.bpnn'));
    act(() => useUiStore.getState().select([], []));
    render(<NodeInspector />);
    const about = screen.getByRole('region', { name: 'About this project' });
    expect(about.querySelector('h2')?.textContent).toBe(xor.name);
    expect(about.textContent).toContain(`Try it! ${HOSTILE}`);
    expect(about.querySelector('img')).toBeNull();
    expect(screen.getByText('Select a block on the canvas to edit it.')).toBeTruthy();
  });
});
