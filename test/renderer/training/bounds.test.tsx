// @vitest-environment jsdom
// The training panel's number fields take core's bounds and core's number parser, so the app
// refuses exactly what a project file, `bpnn` and a sweep refuse (docs/reliability.md N4).
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrainingPanel } from '../../../renderer/training/TrainingPanel';
import { useProjectStore } from '../../../renderer/store/project';
import { exampleProject } from '../fixtures';

beforeEach(() => useProjectStore.getState().loadProject(exampleProject('xor'), null, 'xor.bpnn'));
afterEach(cleanup);

function type(label: string, text: string): string | null {
  const field = screen.getByLabelText(label, { exact: true });
  fireEvent.change(field, { target: { value: text } });
  fireEvent.blur(field);
  const box = field.closest('.field') as HTMLElement;
  return within(box).queryByRole('alert')?.textContent ?? null;
}

describe('training settings fields (N4)', () => {
  it('refuses a learning rate above 100 and names the field and the range', () => {
    render(<TrainingPanel />);
    expect(type('Learning rate', '1000')).toBe('Learning rate must be a number above 0 and at most 100. Kept 0.05.');
    expect(useProjectStore.getState().project.training.optimizer.lr).toBe(0.05);
    expect(type('Learning rate', '100')).toBeNull();
    expect(useProjectStore.getState().project.training.optimizer.lr).toBe(100);
  });

  it('reads 0x10 as a typo, not as 16', () => {
    render(<TrainingPanel />);
    expect(type('Learning rate', '0x10')).toBe("'0x10' is not a number: Learning rate must be a number above 0 and at most 100. Kept 0.05.");
    expect(type('Epochs', '0x10')).toMatch(/^'0x10' is not a number: Epochs must be a whole number from 1 to 1000000\./);
    expect(useProjectStore.getState().project.training.epochs).toBe(5000);
  });

  it('takes the seeds the CLI and sweeps take, negative ones too, and no more', () => {
    render(<TrainingPanel />);
    expect(type('Seed', '-5')).toBeNull();
    expect(useProjectStore.getState().project.training.seed).toBe(-5);
    expect(type('Seed', '2147483648')).toBe('Seed must be a whole number from -2147483647 to 2147483647. Kept -5.');
  });

  it('refuses a decay gamma above 1', () => {
    render(<TrainingPanel />);
    fireEvent.change(screen.getByLabelText('Learning-rate schedule'), { target: { value: 'exponential' } });
    expect(type('Gamma', '1e308')).toBe('Gamma must be a number above 0 and at most 1. Kept 0.999.');
  });
});
