// @vitest-environment jsdom
// The Lab view lists the lab's twelve findings in the lab's words, one Run each for the ten
// experiments and Run all; a judged finding shows what happened here next to the lab's words.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LabPanel } from '../../../renderer/lab/LabPanel';
import { useLabStore } from '../../../renderer/lab/store';

vi.mock('../../../renderer/charts/EChart', () => ({
  EChart: ({ label }: { label: string }) => <figure role="img" aria-label={label} />,
}));

afterEach(cleanup);

describe('the Lab view', () => {
  it("lists the twelve findings by task with the lab's words, one Run per experiment, and Run all", () => {
    render(<LabPanel />);
    const lab = screen.getByRole('region', { name: 'Lab' });
    expect(within(lab).getAllByRole('listitem').filter((li) => li.classList.contains('lab-finding'))).toHaveLength(12);
    expect(within(lab).getByTestId('finding-2').textContent).toContain('The lab: Every rate reaches 100% except 0.0005.');
    expect(within(lab).getAllByRole('button', { name: /^Run finding \d+/ }).map((b) => b.getAttribute('aria-label')?.match(/\d+/)?.[0])).toEqual(['1', '3', '5', '7', '9', '2', '4', '6', '8', '10']);
    expect(within(lab).getByTestId('finding-11').textContent).toContain('Spiral, 3 classes (Softmax)');
    expect(within(lab).getByRole('button', { name: 'Run all' })).toBeTruthy();
    expect((within(lab).getByRole('button', { name: 'Lab report' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a judged finding: held on k of n seeds, a near-tie, the details and the curves', () => {
    render(<LabPanel />);
    const run = (value: string, seed: number, loss: number[]) => ({ runId: `r-${value}-${seed}`, value, label: value, seed, totalEpochs: 2, loss, accuracy: [1, 1], result: null, error: null });
    act(() =>
      useLabStore.setState({
        findings: {
          ...useLabStore.getState().findings,
          6: { id: 6, status: 'done', runs: [run('Sigmoid', 1, [0.7, 0.1]), run('Identity', 1, [0.7, 0.69])], message: null, result: { finding: 6, task: 'xor', verdict: 'held', heldOn: 5, seeds: 5, text: 'held on 5 of 5 seeds', details: ['Identity (no activation): 100% on 0 of 5 seeds'] } },
          10: { id: 10, status: 'done', runs: [], message: null, result: { finding: 10, task: 'xor', verdict: 'near-tie', heldOn: 2, seeds: 5, text: 'near-tie: LeakyReLU and ReLU end within 1%', details: [] } },
        },
      }),
    );
    expect(screen.getByTestId('verdict-6').textContent).toBe('Here: held on 5 of 5 seeds');
    expect(screen.getByTestId('finding-6').textContent).toContain('Identity (no activation): 100% on 0 of 5 seeds');
    expect(screen.getByRole('img', { name: 'Finding 6: loss curves' })).toBeTruthy();
    expect(screen.getByTestId('verdict-10').textContent).toBe('Here: near-tie: LeakyReLU and ReLU end within 1%');
    expect((screen.getByRole('button', { name: 'Lab report' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
