// @vitest-environment jsdom
// The update regime is a setting a person reads in words, not a batch size of 1 or 0: the lab's
// examples show "one step per sample, in order", and switching keeps batchSize and shuffle in
// step with it (core refuses a regime that disagrees with them).
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateSettings } from '../../../core/index';
import { TrainingPanel } from '../../../renderer/training/TrainingPanel';
import { useProjectStore } from '../../../renderer/store/project';
import { exampleProject } from '../fixtures';

beforeEach(() => useProjectStore.getState().loadProject(exampleProject('xor'), null, 'xor.bpnn'));
afterEach(cleanup);

const training = () => useProjectStore.getState().project.training;

describe('the update regime in the Training panel', () => {
  it("shows the lab example's regime in words and offers mini-batches and the full batch", () => {
    render(<TrainingPanel />);
    const select = screen.getByLabelText('Updates') as HTMLSelectElement;
    expect(select.selectedOptions[0].textContent).toBe('One step per sample, in order (as in the lab)');
    expect([...select.options].map((o) => o.textContent)).toEqual(['One step per sample, in order (as in the lab)', 'Mini-batches', 'Full batch']);
    // One sample in order: no batch size or shuffle to set.
    expect(screen.queryByLabelText('Batch size')).toBeNull();
    expect(screen.queryByLabelText('Shuffle every epoch')).toBeNull();
  });

  it('switching to mini-batches asks for a batch size; the full batch needs none; every switch stays valid', () => {
    render(<TrainingPanel />);
    fireEvent.change(screen.getByLabelText('Updates'), { target: { value: 'miniBatch' } });
    expect(training()).toMatchObject({ regime: 'miniBatch', batchSize: 16, shuffle: true });
    expect((screen.getByLabelText('Batch size') as HTMLInputElement).value).toBe('16');
    fireEvent.change(screen.getByLabelText('Batch size'), { target: { value: '4' } });
    fireEvent.blur(screen.getByLabelText('Batch size'));
    expect(training()).toMatchObject({ regime: 'miniBatch', batchSize: 4 });
    expect(validateSettings(training())).toEqual([]);
    fireEvent.change(screen.getByLabelText('Updates'), { target: { value: 'fullBatch' } });
    expect(training()).toMatchObject({ regime: 'fullBatch', batchSize: 0 });
    expect(screen.queryByLabelText('Batch size')).toBeNull();
    expect(validateSettings(training())).toEqual([]);
  });

  it("turns the lab's BCE clip off and on", () => {
    render(<TrainingPanel />);
    const clip = screen.getByLabelText('Clip like the lab (1e-6)') as HTMLInputElement;
    expect(clip.checked).toBe(true);
    fireEvent.click(clip);
    expect(training().bceClip).toBeNull();
    fireEvent.click(screen.getByLabelText('Clip like the lab (1e-6)'));
    expect(training().bceClip).toBe(1e-6);
  });
});
