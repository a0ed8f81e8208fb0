// Concat joins its inputs in the order of the project's edges; the Node tab's move up/down
// reorders them, one undo step each, and the engine then joins them in the new order.
import { beforeEach, describe, expect, it } from 'vitest';
import { compileModel, datasetInputShape, projectToSpec, type Project } from '../../../core/index';
import { moveInput } from '../../../renderer/store/graph-edits';
import { useProjectStore } from '../../../renderer/store/project';
import { exampleProject } from '../fixtures';

const store = () => useProjectStore.getState();

/** residual-spiral with its Add made a Concat of tanh1 (first) and tanh2. */
function concatProject(): Project {
  const p = exampleProject('residual-spiral');
  const nodes = p.graph.nodes.map((n) => (n.id === 'add' ? { ...n, type: 'Concat' as const } : n));
  return { ...p, graph: { ...p.graph, nodes } };
}

/** The Concat's sources as the engine compiles them. */
function concatSources(p: Project): string[] {
  const r = compileModel(projectToSpec(p), datasetInputShape(p.dataset));
  if (!r.ok) throw new Error(r.problems.map((x) => x.message).join('; '));
  const i = r.model.layers.findIndex((l) => l.nodeId === 'add');
  return r.model.sources[i].map(String);
}

const intoConcat = () => store().project.graph.edges.filter((e) => e.target === 'add');

beforeEach(() => {
  store().loadProject(concatProject(), null, 'concat.bpnn');
});

describe('Concat input order', () => {
  it('starts in edge order', () => {
    expect(concatSources(store().project)).toEqual(['tanh1', 'tanh2']);
  });

  it('moving the second input up makes the engine join it first, in one undo step', () => {
    const second = intoConcat()[1];
    store().moveInput(second.id, -1);
    expect(intoConcat().map((e) => e.source)).toEqual(['tanh2', 'tanh1']);
    expect(concatSources(store().project)).toEqual(['tanh2', 'tanh1']);
    expect(store().dirty).toBe(true);
    store().undo();
    expect(concatSources(store().project)).toEqual(['tanh1', 'tanh2']);
    expect(store().canUndo).toBe(false);
  });

  it('moving the first input down is the same swap', () => {
    store().moveInput(intoConcat()[0].id, 1);
    expect(concatSources(store().project)).toEqual(['tanh2', 'tanh1']);
  });

  it('the first input moved up, or the last down, changes nothing and adds no undo step', () => {
    const [first, last] = intoConcat();
    store().moveInput(first.id, -1);
    store().moveInput(last.id, 1);
    expect(store().canUndo).toBe(false);
    expect(concatSources(store().project)).toEqual(['tanh1', 'tanh2']);
  });

  it('only swaps with an edge into the same block, leaving every other edge in place', () => {
    const g = store().project.graph;
    const moved = moveInput(g, intoConcat()[1].id, -1);
    const others = (x: typeof g) => x.edges.filter((e) => e.target !== 'add').map((e) => e.id);
    expect(others(moved)).toEqual(others(g));
    expect(moved.edges.map((e) => e.id).sort()).toEqual(g.edges.map((e) => e.id).sort());
  });
});
