// @vitest-environment jsdom
// The run history list and the results table, as a student uses them: rename, delete, sort.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRunRecord, defaultSettings, resultRow, type EpochMetrics, type RunRecord } from '../../../core/index';
import { ResultsTable } from '../../../renderer/compare/ResultsTable';
import { RunHistory } from '../../../renderer/history/RunHistory';
import { useHistoryStore } from '../../../renderer/history/history-store';
import { useProjectStore } from '../../../renderer/store/project';
import { exampleProject } from '../fixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';

function run(id: string, name: string, lossAtEnd: number, accuracy: number, sweepValue?: string): RunRecord {
  const metrics: EpochMetrics[] = [1, 2].map((epoch) => ({ epoch, loss: epoch === 2 ? lossAtEnd : 1, accuracy: epoch === 2 ? accuracy : 0.5, testLoss: null, testAccuracy: null, lr: 0.05 }));
  return buildRunRecord({
    id,
    name,
    createdAt: '2026-01-01T10:00:00.000Z',
    settings: defaultSettings(),
    dataset: { kind: 'generator', generator: 'xor', params: {}, seed: 1 },
    metrics,
    result: { state: 'done', epochs: 2, loss: lossAtEnd, accuracy, testAccuracy: null, ms: 5 },
    ...(sweepValue ? { sweep: { id: 's', setting: 'activation', value: sweepValue } } : {}),
  });
}

afterEach(() => {
  cleanup();
  act(() => useHistoryStore.setState({ picked: [], rerun: null }));
});

describe('run history list', () => {
  it('lists every run with its sweep value, renames one with Enter, and deletes one', () => {
    const project = { ...exampleProject('xor'), runs: [run('a', 'Run 1', 0.2, 1), run('b', HOSTILE, 0.6, 0.5, 'Identity')] };
    act(() => useProjectStore.getState().loadProject(project, null, 'xor.bpnn'));
    render(<RunHistory />);
    const list = screen.getByRole('region', { name: 'Runs' });
    expect(within(list).getAllByRole('row')).toHaveLength(3);
    expect(list.textContent).toContain('Hidden activation: Identity (no activation)');
    expect(document.querySelector('img')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Rename Run 1' }));
    const input = screen.getByRole('textbox', { name: 'New name for Run 1' });
    fireEvent.change(input, { target: { value: 'with sigmoid' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useProjectStore.getState().project.runs[0].name).toBe('with sigmoid');
    expect(useProjectStore.getState().dirty).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: `Delete ${HOSTILE}` }));
    expect(useProjectStore.getState().project.runs.map((r) => r.id)).toEqual(['a']);
    expect(within(list).getAllByRole('row')).toHaveLength(2);
  });

  it('says how to get runs when there are none', () => {
    act(() => useProjectStore.getState().loadProject(exampleProject('xor'), null, 'xor.bpnn'));
    render(<RunHistory />);
    expect(screen.getByRole('region', { name: 'Runs' }).textContent).toMatch(/No runs yet/);
  });
});

describe('results table', () => {
  it('sorts by a column when its header is clicked, and reverses on a second click', () => {
    const rows = [run('a', 'lr 0.5', 0.3, 1), run('b', 'lr 0.05', 0.1, 1), run('c', 'lr 0.005', 0.6, 0.5)].map((r) => resultRow(r, r.name));
    render(<ResultsTable rows={rows} firstColumn="Learning rate" hasTest={false} caption="Results" />);
    const firstColumn = () => screen.getAllByRole('rowheader').map((c) => c.textContent);
    expect(firstColumn()).toEqual(['lr 0.5', 'lr 0.05', 'lr 0.005']);
    fireEvent.click(screen.getByRole('button', { name: 'Final loss' }));
    expect(firstColumn()).toEqual(['lr 0.05', 'lr 0.5', 'lr 0.005']);
    expect(screen.getByRole('columnheader', { name: /Final loss/ }).getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByRole('button', { name: /Final loss/ }));
    expect(firstColumn()).toEqual(['lr 0.005', 'lr 0.5', 'lr 0.05']);
    expect(screen.getByRole('columnheader', { name: /Final loss/ }).getAttribute('aria-sort')).toBe('descending');
  });
});
