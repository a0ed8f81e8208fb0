// The step-through store, driven by calling its actions on the XOR example (no React).
import { describe, expect, it } from 'vitest';
import type { Project } from '../../../core/index';
import { createBackpropStore } from '../../../renderer/backprop/store';
import { informativeSample, zeroInputs } from '../../../renderer/backprop/default-sample';
import { makeDataset } from '../../../core/index';
import { exampleProject } from '../fixtures';

function setup(project: Project = exampleProject('xor')) {
  let current = project;
  const listeners: ((p: Project, prev: Project) => void)[] = [];
  const store = createBackpropStore({ project: () => current, subscribeProject: (l) => listeners.push(l) });
  const change = (next: Project) => {
    const prev = current;
    current = next;
    for (const l of listeners) l(next, prev);
  };
  return { store, change };
}

describe('the step-through store', () => {
  it('steps the engine forward, backward and through the optimizer, publishing each view', () => {
    const { store } = setup();
    expect(store.getState().view).toBeNull();
    store.getState().stepForward();
    expect(store.getState().view?.phase).toEqual({ kind: 'forward', shown: 1 });
    expect(store.getState().view?.activeNodeId).toBe('fc1');
    store.getState().stepBackward();
    expect(store.getState().view?.phase).toEqual({ kind: 'backward', shown: 1 });
    store.getState().optimizerStep();
    expect(store.getState().view?.phase.kind).toBe('updated');
    expect(store.getState().view?.optimizer?.type).toBe('SGD');
    store.getState().reset();
    expect(store.getState().view?.phase).toEqual({ kind: 'ready' });
  });

  it('issue 13 §5: starts from a sample with no zero input, so every first-layer weight gradient can move; a picked sample is kept', () => {
    const made = makeDataset(exampleProject('xor').dataset);
    if (!made.ok) throw new Error('the XOR data is made');
    const d = made.dataset;
    // The lab's first XOR sample is (0, 0): both its weights' gradients would be exactly 0.
    expect(zeroInputs(d.x, 0, 2)).toBe(2);
    const first = informativeSample(d.x, d.n, 2);
    expect(first).toBeGreaterThan(0);
    expect(zeroInputs(d.x, first, 2)).toBe(0);
    const { store } = setup();
    store.getState().stepForward();
    expect(store.getState().sample).toBe(first);
    store.getState().setSample(0);
    store.getState().stepForward();
    expect(store.getState().sample).toBe(0);
    expect(informativeSample([0, 0, 0, 1], 2, 2)).toBe(0);
  });

  it('opens the why of a number and keeps it in step with the view', () => {
    const { store } = setup();
    store.getState().stepBackward();
    store.getState().select({ kind: 'gradInput', nodeId: 'sig3' as never, index: 0 });
    const first = store.getState().selected!;
    expect(first.why.formula).toContain('(ŷ − y)');
    store.getState().optimizerStep();
    store.getState().stepForward();
    store.getState().stepBackward();
    // The second step's output delta, from the updated weights.
    expect(store.getState().selected!.why.value).not.toBe(first.why.value);
    store.getState().select(null);
    expect(store.getState().selected).toBeNull();
  });

  it('says why it cannot start: a batch that runs past the last sample', () => {
    const { store } = setup();
    store.getState().setSample(20);
    store.getState().setBatch(3);
    store.getState().stepForward();
    expect(store.getState().view).toBeNull();
    expect(store.getState().problems).toEqual(['Sample 21 does not exist: the dataset has samples 0 to 20.']);
  });

  it('drops the step-through when the graph, data, settings or weights change, and not for anything else', () => {
    const p = exampleProject('xor');
    const { store, change } = setup(p);
    store.getState().stepForward();
    change({ ...p, name: 'renamed' });
    expect(store.getState().view).not.toBeNull();
    change({ ...p, training: { ...p.training, optimizer: { type: 'SGD', lr: 0.5 } } });
    expect(store.getState().view).toBeNull();
    store.getState().optimizerStep();
    expect(store.getState().view?.optimizer?.lr).toBe(0.5);
  });

  it('steps a batch: the loss is the mean over its samples', () => {
    const { store } = setup();
    store.getState().setSample(4);
    store.getState().setBatch(4);
    store.getState().stepBackward();
    const v = store.getState().view!;
    expect(v.n).toBe(4);
    expect(Array.from(v.x.data)).toHaveLength(8);
    expect(store.getState().batch).toBe(4);
    store.getState().setBatch(99);
    expect(store.getState().batch).toBe(16);
  });
});
