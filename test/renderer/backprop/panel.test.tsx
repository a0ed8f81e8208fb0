// @vitest-environment jsdom
// The Backprop panel against the real engine and the XOR example: buttons step it, numbers are
// buttons with an accessible name, a click opens the why, large tensors start summarised.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackpropPanel } from '../../../renderer/backprop/BackpropPanel';
import { useBackpropStore } from '../../../renderer/backprop/use-backprop';
import { useProjectStore } from '../../../renderer/store/project';
import { exampleProject } from '../fixtures';
import { ReactFlowProvider } from '@xyflow/react';

/** The panel as the app has it: inside the canvas's React Flow provider (it checks the blocks for overlaps). */
const renderPanel = () =>
  render(
    <ReactFlowProvider>
      <BackpropPanel />
    </ReactFlowProvider>,
  );

beforeEach(() => {
  // jsdom has no 2-D canvas; the heat strips draw nothing here (the e2e suite looks at them).
  HTMLCanvasElement.prototype.getContext = (() => null) as never;
  act(() => useProjectStore.getState().loadProject(exampleProject('xor'), null, 'xor.bpnn'));
  act(() => useBackpropStore.getState().setSample(0));
});
afterEach(() => {
  cleanup();
  act(() => useBackpropStore.getState().reset());
});

const press = (name: string) => fireEvent.click(within(screen.getByRole('toolbar', { name: 'Step-through controls' })).getByRole('button', { name }));

describe('the Backprop panel', () => {
  it('steps forward node by node and shows each node’s numbers as buttons that open their why', () => {
    renderPanel();
    expect(screen.getByRole('status').textContent).toContain('Press Step forward');
    act(() => press('Step forward'));
    expect(screen.getByRole('status').textContent).toBe('Step 1, forward pass: node 1 of 6.');
    const fc1 = screen.getByRole('region', { name: 'Linear node fc1' });
    expect(fc1.getAttribute('aria-current')).toBe('step');
    const cell = within(fc1).getByRole('button', { name: /^Output z₁ of fc1 \[0,3\] = / });
    act(() => fireEvent.click(cell));
    const why = screen.getByRole('region', { name: 'Why this number' });
    expect(why.textContent).toContain('z₁[i,o] = Σₖ x[i,k]·W₁[o,k] + b₁[o]');
    expect(screen.getByLabelText('Exact value').textContent).toBe(String(useBackpropStore.getState().view!.nodes[0].output.data[3]));
  });

  it('summarises a 32 × 32 weight matrix until asked for the full one', () => {
    renderPanel();
    act(() => press('Step forward'));
    act(() => press('Step forward'));
    act(() => press('Step forward'));
    const w2 = screen.getByRole('group', { name: 'W₂ of fc2' });
    expect(w2.textContent).toContain('[32 × 32]');
    expect(w2.textContent).toMatch(/min .* max .* mean /);
    expect(within(w2).queryAllByRole('button', { name: /^W₂ of fc2 \[/ })).toHaveLength(0);
    act(() => fireEvent.click(within(w2).getByRole('button', { name: 'Show full matrix: W₂ of fc2' })));
    expect(within(screen.getByRole('group', { name: 'W₂ of fc2' })).getAllByRole('button', { name: /^W₂ of fc2 \[/ })).toHaveLength(1024);
  });

  it('runs backward and the optimizer step, and disables what cannot be pressed', () => {
    renderPanel();
    act(() => press('Optimizer step'));
    expect(screen.getByRole('status').textContent).toContain('weights updated by SGD');
    const toolbar = screen.getByRole('toolbar', { name: 'Step-through controls' });
    expect(within(toolbar).getByRole('button', { name: 'Step backward' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('group', { name: 'Update of W₃ (fc3)' })).toBeTruthy();
    act(() => press('Reset'));
    expect(screen.getByRole('status').textContent).toBe('Step 1: ready.');
  });

  it("shows Adam's step count and bias corrections after its step", () => {
    const p = exampleProject('xor');
    act(() => useProjectStore.getState().loadProject({ ...p, training: { ...p.training, optimizer: { type: 'Adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 } } }, null, 'xor.bpnn'));
    renderPanel();
    act(() => press('Optimizer step'));
    expect(document.querySelector('.bp-opt')?.textContent).toBe('Adam, lr 0.01, t = 1, beta1 0.9, beta2 0.999, eps 1e-8, bias corrections 1 − β₁ᵗ = 0.1, 1 − β₂ᵗ = 0.001');
    expect(screen.getByRole('group', { name: 'bias-corrected m̂ of W₁ (fc1)' })).toBeTruthy();
  });
});
