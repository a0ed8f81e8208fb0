// The canvas pans towards an edge only after the pointer rests there (issue: a wire passing the
// edge must never move the network away under it).
import { describe, expect, it } from 'vitest';
import { DWELL_MS, EDGE_BAND, PAN_SPEED, edgeDirection, idleEdgePan, nextEdgePan, type EdgePanState, type Point } from '../../../renderer/editor/edge-pan';

const RECT = { left: 0, top: 0, right: 800, bottom: 600 };

/** Feeds pointer samples at the given times; returns the total pan. */
function run(samples: [number, Point][]): { dx: number; dy: number; state: EdgePanState } {
  let state = idleEdgePan(samples[0][0]);
  let dx = 0;
  let dy = 0;
  for (const [t, p] of samples) {
    const r = nextEdgePan(state, p, RECT, t);
    state = r.state;
    dx += r.dx;
    dy += r.dy;
  }
  return { dx, dy, state };
}

describe('edge pan', () => {
  it('knows which edge the pointer is at, and nothing outside the canvas', () => {
    expect(edgeDirection({ x: 795, y: 300 }, RECT)).toEqual({ x: 1, y: 0 });
    expect(edgeDirection({ x: 5, y: 5 }, RECT)).toEqual({ x: -1, y: -1 });
    expect(edgeDirection({ x: 400, y: 300 }, RECT)).toEqual({ x: 0, y: 0 });
    expect(edgeDirection({ x: 900, y: 300 }, RECT)).toEqual({ x: 0, y: 0 });
    expect(edgeDirection({ x: 800 - EDGE_BAND - 1, y: 300 }, RECT)).toEqual({ x: 0, y: 0 });
  });

  it('a wire moving along the edge never pans, however long it stays there', () => {
    const samples: [number, Point][] = [];
    for (let i = 0; i < 100; i++) samples.push([i * 50, { x: 790, y: 100 + i * 4 }]);
    const r = run(samples);
    expect(r.dx).toBe(0);
    expect(r.dy).toBe(0);
  });

  it('resting at the edge pans after the dwell, towards that edge, at a steady speed', () => {
    const samples: [number, Point][] = [];
    for (let t = 0; t <= DWELL_MS + 1000; t += 16) samples.push([t, { x: 795, y: 300 }]);
    const r = run(samples);
    expect(r.state.panning).toBe(true);
    expect(r.dy).toBe(0);
    // About a second of panning (the frame that starts it moves nothing).
    expect(r.dx).toBeGreaterThan(900 * PAN_SPEED);
    expect(r.dx).toBeLessThanOrEqual(1000 * PAN_SPEED);
    // Nothing moved before the dwell was over.
    const early = run(samples.filter(([t]) => t < DWELL_MS));
    expect(early.dx).toBe(0);
  });

  it('a tremor does not restart the dwell, leaving the band stops the pan', () => {
    const samples: [number, Point][] = [];
    for (let t = 0; t <= DWELL_MS + 500; t += 16) samples.push([t, { x: 795 + ((t / 16) % 2), y: 300 }]);
    const resting = run(samples);
    expect(resting.state.panning).toBe(true);
    const left = nextEdgePan(resting.state, { x: 400, y: 300 }, RECT, DWELL_MS + 520);
    expect(left.dx).toBe(0);
    expect(left.state.panning).toBe(false);
  });

  it('panning left and up moves the other way', () => {
    const samples: [number, Point][] = [];
    for (let t = 0; t <= DWELL_MS + 200; t += 16) samples.push([t, { x: 3, y: 3 }]);
    const r = run(samples);
    expect(r.dx).toBeLessThan(0);
    expect(r.dy).toBeLessThan(0);
  });
});
