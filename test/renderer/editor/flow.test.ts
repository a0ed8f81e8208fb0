import { describe, expect, it } from 'vitest';
import type { NodeChange } from '@xyflow/react';
import { nodeId, type ProjectNode } from '../../../core/index';
import { readEdgeSelection, readNodeChanges, toFlowEdges, toFlowNodes, type FlowNode } from '../../../renderer/editor/flow';

const pn = (id: string, x = 0): ProjectNode => ({ id: nodeId(id), type: 'Linear', params: { outFeatures: 4 }, position: { x, y: 0 } });

describe('canvas ⇄ graph', () => {
  it('builds React Flow nodes whose data is the params only', () => {
    const [n] = toFlowNodes([pn('a', 10)], new Set(), new Map(), new Map());
    expect(n).toMatchObject({ id: 'a', type: 'Linear', position: { x: 10, y: 0 }, selected: false });
    expect(n.data).toEqual({ params: { outFeatures: 4 } });
    expect(JSON.parse(JSON.stringify(n.data))).toEqual(n.data);
  });

  it('reuses an unchanged node object and rebuilds a selected or moved one', () => {
    const cache = new Map();
    const a = pn('a');
    const b = pn('b');
    const first = toFlowNodes([a, b], new Set(), new Map(), cache);
    const second = toFlowNodes([a, { ...b, position: { x: 5, y: 0 } }], new Set(['a']), new Map(), cache);
    expect(second[0]).not.toBe(first[0]);
    expect(second[0].selected).toBe(true);
    expect(second[1].position.x).toBe(5);
    const third = toFlowNodes([a, second[1] === first[1] ? b : { ...b, position: { x: 5, y: 0 } }], new Set(['a']), new Map(), cache);
    expect(third[0]).toBe(second[0]);
  });

  it('keeps measured sizes so React Flow does not hide re-created nodes', () => {
    const [n] = toFlowNodes([pn('a')], new Set(), new Map([['a', { width: 176, height: 70 }]]), new Map());
    expect(n.measured).toEqual({ width: 176, height: 70 });
  });

  it('reads a drag as positions with a drag phase, and its end as the end', () => {
    const drag: NodeChange<FlowNode>[] = [{ type: 'position', id: 'a', position: { x: 3, y: 4 }, dragging: true }];
    expect(readNodeChanges(drag, [])).toMatchObject({ positions: { a: { x: 3, y: 4 } }, phase: 'drag', selection: null });
    const end: NodeChange<FlowNode>[] = [{ type: 'position', id: 'a', dragging: false }];
    expect(readNodeChanges(end, []).phase).toBe('end');
  });

  it('applies select changes to the current selection and ignores removals', () => {
    const changes: NodeChange<FlowNode>[] = [
      { type: 'select', id: 'a', selected: false },
      { type: 'select', id: 'c', selected: true },
      { type: 'remove', id: 'b' },
    ];
    expect(readNodeChanges(changes, ['a', 'b']).selection).toEqual(['b', 'c']);
    expect(readEdgeSelection([{ type: 'select', id: 'e1', selected: true }], [])).toEqual(['e1']);
    expect(readEdgeSelection([{ type: 'remove', id: 'e1' }], ['e1'])).toBeNull();
  });
});

describe('edges', () => {
  it('animate only while a run is in progress, and carry an accessible name', () => {
    const edges = [{ id: 'ab', source: nodeId('a'), target: nodeId('b') }];
    expect(toFlowEdges(edges, new Set())[0]).toMatchObject({ animated: false, ariaLabel: 'Edge from a to b', selected: false });
    expect(toFlowEdges(edges, new Set(['ab']), true)[0]).toMatchObject({ animated: true, selected: true });
  });

  it('marks the connections into Linear nodes, which can carry a weight heat map', () => {
    const edges = [
      { id: 'ab', source: nodeId('a'), target: nodeId('b') },
      { id: 'bc', source: nodeId('b'), target: nodeId('c') },
    ];
    const flow = toFlowEdges(edges, new Set(), false, new Set(['b']));
    expect(flow.map((e) => [e.type, e.data?.intoLinear])).toEqual([
      ['weights', true],
      ['weights', false],
    ]);
  });
});

describe('drag overlay', () => {
  it('shows positions of a drag in progress without touching the project node', () => {
    const a = pn('a', 10);
    const cache = new Map();
    const [still] = toFlowNodes([a], new Set(), new Map(), cache);
    const [moving] = toFlowNodes([a], new Set(), new Map(), cache, { a: { x: 99, y: 5 } });
    expect(moving.position).toEqual({ x: 99, y: 5 });
    expect(a.position).toEqual({ x: 10, y: 0 });
    const [after] = toFlowNodes([a], new Set(), new Map(), cache);
    expect(after.position).toEqual({ x: 10, y: 0 });
    expect(still).not.toBe(moving);
  });
});

describe('Concat input numbers on the wires', () => {
  it('numbers the wires into an ordered block by their place in the edge list, and no others', () => {
    const edges = [
      { id: 'e1', source: nodeId('b'), target: nodeId('cat') },
      { id: 'e2', source: nodeId('a'), target: nodeId('x') },
      { id: 'e3', source: nodeId('a'), target: nodeId('cat') },
    ];
    const flow = toFlowEdges(edges, new Set(), false, new Set(), new Set(['cat']));
    expect(flow.map((e) => e.data?.order)).toEqual([1, undefined, 2]);
    expect(flow[2].ariaLabel).toBe('Edge from a to cat, input 2');
  });
});
