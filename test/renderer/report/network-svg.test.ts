// The report's network figure draws every edge of a graph, and a skip wire never crosses a box.
import { describe, expect, it } from 'vitest';
import { networkSvg } from '../../../report/network-svg';
import { exampleProject } from '../fixtures';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const boxes = (svg: string): Box[] =>
  [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => ({ x: +m[1], y: +m[2], w: +m[3], h: +m[4] }));

const wires = (svg: string): [number, number][][] =>
  [...svg.matchAll(/<path d="(M[^"]+)"[^>]*marker-end/g)].map((m) => [...m[1].matchAll(/([\d.]+) ([\d.]+)/g)].map((p) => [+p[1], +p[2]] as [number, number]));

/** Does the axis-parallel segment p→q pass through the inside of the box (edges excluded)? */
function crosses(p: [number, number], q: [number, number], b: Box): boolean {
  const [x1, x2] = [Math.min(p[0], q[0]), Math.max(p[0], q[0])];
  const [y1, y2] = [Math.min(p[1], q[1]), Math.max(p[1], q[1])];
  return x2 > b.x && x1 < b.x + b.w && y2 > b.y && y1 < b.y + b.h;
}

describe('network figure', () => {
  it.each(['xor', 'spiral-softmax', 'residual-spiral'] as const)('draws one arrow per edge of %s', (name) => {
    const p = exampleProject(name);
    expect(wires(networkSvg(p))).toHaveLength(p.graph.edges.length);
  });

  it('routes the residual skip around the boxes, not through them', () => {
    const svg = networkSvg(exampleProject('residual-spiral'));
    const all = boxes(svg);
    expect(all).toHaveLength(8);
    for (const w of wires(svg)) {
      for (let i = 1; i < w.length; i++) for (const b of all) expect(crosses(w[i - 1], w[i], b)).toBe(false);
    }
  });
});
