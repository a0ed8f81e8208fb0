// @vitest-environment jsdom
// Skipped steps (a gradient was not finite) are explained in the training panel while the run
// goes on and after it, but not over a divergence, which has its own message.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrainingPanel } from '../../../renderer/training/TrainingPanel';
import { useProjectStore } from '../../../renderer/store/project';
import { useTrainingStore } from '../../../renderer/store/training';
import { exampleProject } from '../fixtures';

const last = { epoch: 40, batch: 1, nodeId: 'fc2', layerType: 'Linear', tensor: 'weight', nan: 2, inf: 1 };

beforeEach(() => useProjectStore.getState().loadProject(exampleProject('xor'), null, 'xor.bpnn'));
afterEach(() => {
  cleanup();
  useTrainingStore.setState({ status: 'idle', skipped: null });
});

describe('skipped steps in the training panel', () => {
  it('says how many, where the last one was, and what to try', () => {
    useTrainingStore.setState({ status: 'running', runId: 'r', skipped: { total: 4, last } });
    render(<TrainingPanel />);
    const note = screen.getByTestId('skipped-steps');
    expect(note.textContent).toContain('4 training steps were skipped: a gradient was not a finite number');
    expect(note.textContent).toContain("Last at epoch 40, batch 1: the weight gradient of Linear 'fc2' had 2 NaN and 1 infinite values.");
    expect(note.textContent).toContain('a lower learning rate, gradient clipping');
  });

  it('leaves a divergence to its own message', () => {
    useTrainingStore.setState({ status: 'diverged', runId: 'r', skipped: { total: 3, last } });
    render(<TrainingPanel />);
    expect(screen.queryByTestId('skipped-steps')).toBeNull();
  });
});
