import { describe, expect, it } from 'vitest';
import { anyOverlap, bestColumns, FOOTPRINT, freeSpotNear, tidySpacing } from '../../../renderer/editor/placement';
import { TIDY_SPACING, tidyGraph } from '../../../renderer/store/graph-edits';
import { nodeId } from '../../../core/index';

describe('keyboard placement', () => {
  it('uses the centre when it is free', () => {
    expect(freeSpotNear({ x: 100, y: 100 }, [{ x: 600, y: 100 }])).toEqual({ x: 100, y: 100 });
  });

  it('steps to the nearest free row when a node covers the centre', () => {
    const p = freeSpotNear({ x: 100, y: 100 }, [{ x: 120, y: 100 }]);
    expect(p).toEqual({ x: 100, y: 100 + FOOTPRINT.y });
    const q = freeSpotNear({ x: 100, y: 100 }, [{ x: 100, y: 100 }, p]);
    expect(q).toEqual({ x: 100, y: 100 - FOOTPRINT.y });
  });
});

describe('tidy columns', () => {
  const spacing = { x: 220, y: 140 };
  it('keeps a chain on one row when it fits', () => {
    expect(bestColumns(4, 1200, 400, spacing)).toBe(4);
  });
  it('wraps a long chain in a narrow canvas', () => {
    const c = bestColumns(7, 800, 440, spacing);
    expect(c).toBeGreaterThan(1);
    expect(c).toBeLessThan(7);
  });
});

describe('tidy spacing', () => {
  const node = (offsetWidth: number, offsetHeight: number) => ({ offsetWidth, offsetHeight });

  it('keeps the usual spacing for plain nodes', () => {
    expect(tidySpacing([node(176, 70), node(176, 90)], false)).toEqual(TIDY_SPACING);
  });

  it('grows with nodes made taller by neuron views, and leaves room for heat maps on the connections', () => {
    const s = tidySpacing([node(176, 70), node(176, 232)], true);
    expect(s.y).toBe(232 + 96);
    expect(tidySpacing([node(176, 232)], false).y).toBe(232 + 40);
    expect(s.x).toBe(176 + 96);
    // Rows of a tidy layout then never overlap: the next row starts below the tallest node.
    const g = tidyGraph(
      {
        nodes: ['a', 'b', 'c'].map((id) => ({ id: nodeId(id), type: 'Linear' as const, params: { outFeatures: 2 }, position: { x: 0, y: 0 } })),
        edges: [
          { id: 'ab', source: nodeId('a'), target: nodeId('b') },
          { id: 'bc', source: nodeId('b'), target: nodeId('c') },
        ],
      },
      2,
      s,
    );
    expect(g.nodes.map((n) => n.position)).toEqual([
      { x: 0, y: 0 },
      { x: s.x, y: 0 },
      { x: 0, y: s.y },
    ]);
  });
});

describe('overlap check', () => {
  const box = (x: number, y: number, width?: number, height?: number) => ({ position: { x, y }, measured: width ? { width, height } : undefined });
  it('finds blocks that overlap as drawn, and ignores blocks not measured yet', () => {
    expect(anyOverlap([box(0, 0, 176, 70), box(220, 0, 176, 70)])).toBe(false);
    expect(anyOverlap([box(0, 0, 176, 230), box(0, 160, 176, 70)])).toBe(true);
    expect(anyOverlap([box(0, 0), box(0, 0, 176, 70)])).toBe(false);
  });
});
