import { describe, expect, it } from 'vitest';
import { bestColumns, FOOTPRINT, freeSpotNear } from '../../../renderer/editor/placement';

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
