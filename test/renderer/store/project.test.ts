import { beforeEach, describe, expect, it } from 'vitest';
import { useProjectStore } from '../../../renderer/store/project';
import { exampleProject } from '../fixtures';

const store = () => useProjectStore.getState();
const ids = () => store().project.graph.nodes.map((n) => n.id as string);
const pos = (id: string) => store().project.graph.nodes.find((n) => n.id === id)!.position;

beforeEach(() => {
  store().loadProject(exampleProject('xor'), '/tmp/xor.bpnn', 'xor.bpnn');
});

describe('project store', () => {
  it('loadProject resets history and the dirty flag', () => {
    store().addNode('ReLU', { x: 0, y: 0 });
    expect(store().canUndo).toBe(true);
    expect(store().dirty).toBe(true);
    store().loadProject(exampleProject('linear'), null, 'linear.bpnn');
    expect(store().canUndo).toBe(false);
    expect(store().canRedo).toBe(false);
    expect(store().dirty).toBe(false);
    expect(store().fileName).toBe('linear.bpnn');
    expect(store().filePath).toBeNull();
  });

  it('undoes and redoes an added node', () => {
    const before = ids();
    const id = store().addNode('Tanh', { x: 5, y: 6 });
    expect(id).toBe('tanh1');
    expect(ids()).toEqual([...before, 'tanh1']);
    store().undo();
    expect(ids()).toEqual(before);
    expect(store().canRedo).toBe(true);
    store().redo();
    expect(ids()).toEqual([...before, 'tanh1']);
    expect(pos('tanh1')).toEqual({ x: 5, y: 6 });
  });

  it('is clean again after undoing back to the saved state', () => {
    store().updateParams('fc1', { outFeatures: 8 });
    expect(store().dirty).toBe(true);
    store().undo();
    expect(store().dirty).toBe(false);
  });

  it('markSaved clears dirty and keeps history', () => {
    store().updateParams('fc1', { outFeatures: 8 });
    store().markSaved('/tmp/other.bpnn', 'other.bpnn');
    expect(store().dirty).toBe(false);
    expect(store().fileName).toBe('other.bpnn');
    expect(store().canUndo).toBe(true);
    store().undo();
    expect(store().dirty).toBe(true);
  });

  it('a drag of many pointer moves is one undo step', () => {
    const start = pos('fc1');
    store().moveNodes({ fc1: { x: 230, y: 130 } }, 'drag');
    store().moveNodes({ fc1: { x: 260, y: 160 } }, 'drag');
    store().moveNodes({ fc1: { x: 300, y: 200 } }, 'drag');
    expect(store().canUndo).toBe(false);
    store().moveNodes({}, 'end');
    expect(pos('fc1')).toEqual({ x: 300, y: 200 });
    store().undo();
    expect(pos('fc1')).toEqual(start);
    expect(store().canUndo).toBe(false);
  });

  it('a click without movement adds no undo step', () => {
    store().moveNodes({}, 'end');
    store().moveNodes({ fc1: pos('fc1') }, 'once');
    expect(store().canUndo).toBe(false);
  });

  it('deleting several nodes is one undo step and removes their edges', () => {
    const edges = store().project.graph.edges.length;
    store().deleteElements(['fc2', 'sig2'], []);
    expect(ids()).not.toContain('fc2');
    expect(store().project.graph.edges.some((e) => e.source === 'fc2' || e.target === 'fc2' || e.target === 'sig2')).toBe(false);
    store().undo();
    expect(ids()).toContain('fc2');
    expect(ids()).toContain('sig2');
    expect(store().project.graph.edges.length).toBe(edges);
    expect(store().canUndo).toBe(false);
  });

  it('connect refuses self-loops and duplicates without adding a step', () => {
    expect(store().connect('fc1', 'fc1')).toBe(false);
    expect(store().connect('input', 'fc1')).toBe(false);
    expect(store().canUndo).toBe(false);
    const id = store().addNode('ReLU', { x: 0, y: 0 });
    expect(store().connect('sig3', id)).toBe(true);
    expect(store().project.graph.edges.at(-1)).toMatchObject({ source: 'sig3', target: id });
  });

  it('duplicate gives new ids and copies the edges between the copied nodes', () => {
    const newIds = store().duplicate(['fc1', 'sig1']);
    expect(newIds).toEqual(['linear1', 'sigmoid1']);
    const g = store().project.graph;
    expect(g.edges.some((e) => e.source === 'linear1' && e.target === 'sigmoid1')).toBe(true);
    expect(g.nodes.find((n) => n.id === 'linear1')!.params).toEqual({ outFeatures: 32 });
    expect(pos('linear1')).toEqual({ x: pos('fc1').x + 40, y: pos('fc1').y + 40 });
    store().undo();
    expect(ids()).not.toContain('linear1');
  });

  it('paste twice gives distinct ids each time', () => {
    const g = store().project.graph;
    const clip = { nodes: g.nodes.filter((n) => n.id === 'fc1'), edges: [] };
    const a = store().paste(clip, { x: 40, y: 40 });
    const b = store().paste(clip, { x: 80, y: 80 });
    expect(a).toEqual(['linear1']);
    expect(b).toEqual(['linear2']);
    expect(new Set(ids()).size).toBe(ids().length);
  });

  it('updateParams with the same value adds no step', () => {
    store().updateParams('fc1', { outFeatures: 32 });
    expect(store().canUndo).toBe(false);
    expect(store().dirty).toBe(false);
  });

  it('tidy lays a shuffled chain out left to right as one step', () => {
    store().moveNodes({ fc1: { x: 900, y: 500 }, sig1: { x: -300, y: 40 } }, 'once');
    store().tidy();
    const xs = ['input', 'fc1', 'sig1', 'fc2', 'sig2', 'fc3', 'sig3'].map((id) => pos(id).x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const ys = new Set(['input', 'fc1', 'sig1', 'fc2', 'sig2', 'fc3', 'sig3'].map((id) => pos(id).y));
    expect(ys.size).toBe(1);
    store().undo();
    expect(pos('fc1')).toEqual({ x: 900, y: 500 });
  });

  it('dataset and training edits are undoable', () => {
    const old = store().project.training.epochs;
    store().updateTraining({ epochs: 10 });
    store().setDataset({ kind: 'generator', generator: 'circle', params: { n: 50 }, seed: 2 });
    expect(store().project.training.epochs).toBe(10);
    store().undo();
    expect(store().project.dataset).toMatchObject({ generator: 'xor' });
    store().undo();
    expect(store().project.training.epochs).toBe(old);
  });

  it('a new edit after undo clears redo', () => {
    store().addNode('ReLU', { x: 0, y: 0 });
    store().undo();
    expect(store().canRedo).toBe(true);
    store().addNode('Tanh', { x: 0, y: 0 });
    expect(store().canRedo).toBe(false);
  });

  it('results mark the project dirty but are not undone', () => {
    const w = { fc1: { bias: { shape: [1], data: [0.5] } } };
    store().setWeights(w);
    expect(store().dirty).toBe(true);
    expect(store().canUndo).toBe(false);
    store().addNode('ReLU', { x: 0, y: 0 });
    store().undo();
    expect(store().project.weights).toEqual(w);
    expect(store().dirty).toBe(true);
    store().markSaved('/tmp/xor.bpnn', 'xor.bpnn');
    expect(store().dirty).toBe(false);
  });

  it('a run-history edit (rename, delete, sweep runs) marks the project unsaved, is not an undo step, and is not another project', () => {
    const generation = store().generation;
    const linear = exampleProject('linear');
    store().loadProject({ ...linear, runs: [] }, null, 'linear.bpnn');
    expect(store().generation).toBe(generation + 1);
    const run = { id: 'r1', name: 'Run 1', createdAt: '2026-01-01T00:00:00.000Z', settings: linear.training, dataset: linear.dataset, curves: { loss: [1], accuracy: [0.5], testLoss: null, testAccuracy: null, lr: [0.1] }, result: { state: 'done', epochs: 1, loss: 1, accuracy: 0.5, testAccuracy: null, ms: 1 } } as unknown as Parameters<ReturnType<typeof store>['addRun']>[0];
    store().setRuns([run, { ...run, id: 'r2', name: 'Renamed' }]);
    expect(store().project.runs.map((r) => r.name)).toEqual(['Run 1', 'Renamed']);
    expect(store().dirty).toBe(true);
    expect(store().canUndo).toBe(false);
    expect(store().generation).toBe(generation + 1);
  });
});

describe('setInput (keyboard connection)', () => {
  it('replaces the inputs of a node with one edge, as one step', () => {
    store().setInput('fc2', 'input');
    const into = store().project.graph.edges.filter((e) => e.target === 'fc2');
    expect(into.map((e) => e.source)).toEqual(['input']);
    store().undo();
    expect(store().project.graph.edges.filter((e) => e.target === 'fc2').map((e) => e.source)).toEqual(['sig1']);
    store().setInput('fc2', null);
    expect(store().project.graph.edges.some((e) => e.target === 'fc2')).toBe(false);
  });
});

describe('moves without a drag', () => {
  it('a move that ends without drag events (keyboard nudge) is still one undo step', () => {
    const start = pos('fc1');
    store().moveNodes({ fc1: { x: start.x + 5, y: start.y } }, 'end');
    expect(store().canUndo).toBe(true);
    store().undo();
    expect(pos('fc1')).toEqual(start);
  });
});
