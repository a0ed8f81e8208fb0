import { describe, expect, it } from 'vitest';
import { nodeId, type ProjectNode } from '../../../core/index';
import { addEdge, deleteFromGraph, freshNodeId, sameTopology, setParams, setPositions, tidyGraph, TIDY_SPACING, type Graph } from '../../../renderer/store/graph-edits';

const node = (id: string, type: ProjectNode['type'], x = 0, y = 0): ProjectNode => ({ id: nodeId(id), type, params: {}, position: { x, y } });
const edge = (s: string, t: string) => ({ id: `${s}-${t}`, source: nodeId(s), target: nodeId(t) });

describe('graph edits', () => {
  it('picks the smallest free id for a kind', () => {
    expect(freshNodeId('Linear', new Set(['linear1', 'linear3']))).toBe('linear2');
    expect(freshNodeId('LeakyReLU', new Set())).toBe('leakyrelu1');
  });

  it('returns the same graph object when nothing changes', () => {
    const g: Graph = { nodes: [node('a', 'Input'), node('b', 'ReLU')], edges: [edge('a', 'b')] };
    expect(deleteFromGraph(g, ['nope'], ['nope'])).toBe(g);
    expect(addEdge(g, 'a', 'b')).toBe(g);
    expect(addEdge(g, 'a', 'missing')).toBe(g);
  });

  it('tidy puts a branch on its own row and a loose node below the chain', () => {
    const g: Graph = {
      nodes: [node('x', 'ReLU', 50, 50), node('in', 'Input', 10, 10), node('a', 'Linear', 99, 3), node('b', 'Tanh', 7, 7), node('c', 'Sigmoid', 1, 1)],
      edges: [edge('in', 'a'), edge('in', 'b'), edge('a', 'c')],
    };
    const t = tidyGraph(g);
    const p = Object.fromEntries(t.nodes.map((n) => [n.id, n.position]));
    expect(p.in).toEqual({ x: 1, y: 1 });
    expect(p.a).toEqual({ x: 1 + TIDY_SPACING.x, y: 1 });
    expect(p.b).toEqual({ x: 1 + TIDY_SPACING.x, y: 1 + TIDY_SPACING.y });
    expect(p.c).toEqual({ x: 1 + 2 * TIDY_SPACING.x, y: 1 });
    expect(p.x).toEqual({ x: 1, y: 1 + 2 * TIDY_SPACING.y });
  });

  it('tidy lays blocks wired to nothing side by side, Input first, wrapping like a chain', () => {
    const g: Graph = { nodes: [node('l1', 'Linear', 0, 300), node('in', 'Input', 0, 0), node('s1', 'Sigmoid', 0, 100), node('l2', 'Linear', 0, 200)], edges: [] };
    const row = Object.fromEntries(tidyGraph(g).nodes.map((n) => [n.id, n.position]));
    expect(row).toEqual({ in: { x: 0, y: 0 }, l1: { x: TIDY_SPACING.x, y: 0 }, s1: { x: 2 * TIDY_SPACING.x, y: 0 }, l2: { x: 3 * TIDY_SPACING.x, y: 0 } });
    const wrapped = Object.fromEntries(tidyGraph(g, 2).nodes.map((n) => [n.id, n.position]));
    expect(wrapped.s1).toEqual({ x: 0, y: TIDY_SPACING.y });
  });

  it('tidy survives a cycle', () => {
    const g: Graph = { nodes: [node('a', 'ReLU'), node('b', 'Tanh', 5, 5)], edges: [edge('a', 'b'), edge('b', 'a')] };
    const t = tidyGraph(g);
    expect(t.nodes).toHaveLength(2);
    expect(t.nodes.every((n) => Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
  });
});

describe('tidy with wrapping', () => {
  it('wraps a chain after maxColumns and keeps reading order', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const g: Graph = {
      nodes: names.map((id, i) => node(id, i === 0 ? 'Input' : 'ReLU', i * 7, i * 3)),
      edges: names.slice(1).map((id, i) => edge(names[i], id)),
    };
    const p = Object.fromEntries(tidyGraph(g, 3).nodes.map((n) => [n.id, n.position]));
    expect(p.a).toEqual({ x: 0, y: 0 });
    expect(p.c).toEqual({ x: 2 * TIDY_SPACING.x, y: 0 });
    expect(p.d).toEqual({ x: 0, y: TIDY_SPACING.y });
    expect(p.e).toEqual({ x: TIDY_SPACING.x, y: TIDY_SPACING.y });
  });
});

describe('sameTopology', () => {
  it('ignores moves but not params, types or edges', () => {
    const g: Graph = { nodes: [node('a', 'Input'), node('b', 'Linear')], edges: [edge('a', 'b')] };
    const moved = setPositions(g, { b: { x: 50, y: 60 } });
    expect(moved).not.toBe(g);
    expect(sameTopology(g, moved)).toBe(true);
    expect(sameTopology(g, setParams(g, 'b', { outFeatures: 3 }))).toBe(false);
    expect(sameTopology(g, deleteFromGraph(g, [], ['a-b']))).toBe(false);
  });
});
