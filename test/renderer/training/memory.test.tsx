// @vitest-environment jsdom
// The Training panel's memory line (docs/reliability.md B5): the estimate before a run, the
// refusal Train would get when the limit is known and exceeded, and the "Memory limit for
// training" setting, remembered for the user and sent with every run.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProject, type Project } from '../../../core/index';
import type { BpnnApi, StartTrainingRequest } from '../../../runtime/api';
import { useProjectStore } from '../../../renderer/store/project';
import { createTrainingStore } from '../../../renderer/store/training';
import { MEMORY_LIMIT_KEY, memoryLimitRequest, readMemoryLimit, useUiStore } from '../../../renderer/store/ui';
import { memoryNote } from '../../../renderer/training/memory';
import { TrainingPanel } from '../../../renderer/training/TrainingPanel';
import { exampleProject } from '../fixtures';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

function bombProject(): Project {
  const parsed = parseProject(readFileSync(join(import.meta.dirname, '../../fixtures/memory-bomb.bpnn'), 'utf8'));
  if (!parsed.ok) throw new Error('the memory-bomb fixture does not load');
  return parsed.project;
}

beforeEach(() => {
  localStorage.clear();
  useUiStore.getState().setMemoryLimit(null);
});
afterEach(() => cleanup());

describe('memoryNote', () => {
  it('says what a run needs, and the limit when the page knows it', () => {
    expect(memoryNote(exampleProject('xor'), null, { bytes: 2 * GB, source: 'browser' })).toEqual({
      text: expect.stringMatching(/^Needs about \d+ KB of memory for a batch of 1 \(limit 2 GB\)\.$/),
      problem: null,
    });
    // The desktop's automatic limit lives in the training host: no limit to show.
    expect(memoryNote(exampleProject('xor'), null, null)?.text).toMatch(/^Needs about \d+ KB of memory for a batch of 1\.$/);
  });

  it('B5: over the limit, the note carries the refusal Train would get', () => {
    const note = memoryNote(bombProject(), null, { bytes: 2 * GB, source: 'browser' });
    expect(note?.text).toMatch(/^Needs about \d+ GB of memory for a batch of 976 \(limit 2 GB\)\.$/);
    expect(note?.problem).toMatch(/^This run needs about \d+ GB of memory; this browser allows about 2 GB for training\. Most of it is the activations of 'relu1'/);
    // The user's own limit, on the desktop too.
    expect(memoryNote(bombProject(), 6 * GB, null)?.problem).toMatch(/your memory limit is 6 GB/);
  });
});

describe('the Training panel', () => {
  it('shows the estimate before a run', () => {
    useProjectStore.getState().loadProject(exampleProject('waves-conv1d'), null, 'waves.bpnn');
    render(<TrainingPanel />);
    expect(screen.getByTestId('memory-estimate').textContent).toMatch(/Needs about [\d.]+ KB of memory for a batch of 32 \(limit 2 GB\)\./);
    expect(screen.queryByTestId('memory-problem')).toBeNull();
  });

  it('B5: shows the refusal for the memory bomb before Train is pressed', () => {
    useProjectStore.getState().loadProject(bombProject(), null, 'bomb.bpnn');
    render(<TrainingPanel />);
    expect(screen.getByTestId('memory-problem').textContent).toMatch(/^This run needs about \d+ GB of memory; this browser allows about 2 GB for training\./);
  });

  it('remembers a memory limit typed as a size, sends it with runs, and refuses nonsense', () => {
    useProjectStore.getState().loadProject(exampleProject('xor'), null, 'xor.bpnn');
    render(<TrainingPanel />);
    const field = screen.getByLabelText('Memory limit for training') as HTMLInputElement;
    expect(field.placeholder).toBe('automatic');
    fireEvent.change(field, { target: { value: '512MB' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(useUiStore.getState().memoryLimit).toBe(512 * MB);
    expect(localStorage.getItem(MEMORY_LIMIT_KEY)).toBe(String(512 * MB));
    expect(readMemoryLimit()).toBe(512 * MB);
    expect(memoryLimitRequest()).toEqual({ memoryLimit: 512 * MB });
    expect(screen.getByTestId('memory-estimate').textContent).toMatch(/\(limit 512 MB\)/);

    fireEvent.change(field, { target: { value: 'lots' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toMatch(/'lots' is not a memory size: write it like 512MB, 2GB .* Kept 512 MB\./);
    expect(useUiStore.getState().memoryLimit).toBe(512 * MB);

    fireEvent.change(field, { target: { value: '' } });
    fireEvent.blur(field);
    expect(useUiStore.getState().memoryLimit).toBeNull();
    expect(localStorage.getItem(MEMORY_LIMIT_KEY)).toBeNull();
    expect(memoryLimitRequest()).toEqual({});
  });
});

describe('the training store', () => {
  it("B5: sends the user's memory limit with the start request (the host checks it before a worker starts)", async () => {
    const requests: StartTrainingRequest[] = [];
    const api = {
      startTraining: async (req: StartTrainingRequest) => {
        requests.push(req);
        return { ok: false, problems: [{ code: 'too-much-memory', needed: 2 * GB, allowed: GB, message: 'This run needs about 2 GB of memory; your memory limit is 1 GB.' }] };
      },
      onTrainingEvent: () => () => undefined,
    } as unknown as BpnnApi;
    const store = createTrainingStore({
      api: () => api,
      project: () => ({ project: exampleProject('xor'), setWeights: () => undefined, addRun: () => undefined }),
      onProjectReplaced: () => undefined,
      now: () => 0,
      nowIso: () => '2026-01-01T00:00:00.000Z',
      requestFrame: (cb) => cb(),
      newRunId: () => 'run-1',
    });
    useUiStore.getState().setMemoryLimit(GB);
    await store.getState().start();
    expect(requests[0].memoryLimit).toBe(GB);
    // The refusal is shown like every other reason a run could not start.
    expect(store.getState().status).toBe('error');
    expect(store.getState().message).toEqual({
      title: 'Training could not start.',
      details: ['This run needs about 2 GB of memory; your memory limit is 1 GB.'],
      advice: ['Fix the items above, then press Train again.'],
    });
  });
});
