import { describe, expect, it } from 'vitest';
import { MAX_SHIFT, mapCentreY } from '../../../renderer/backprop/heatmap-place';

/** A block as drawn: 176 wide, 70 tall. */
const block = (x: number, y: number, height = 70) => ({ x, y, width: 176, height });
const size = { width: 70, height: 80 };

describe('where a heat map sits on its connection', () => {
  it('stays centred on the wire when it covers no block (blocks a Tidy layout apart)', () => {
    expect(mapCentreY(224, 28, size, [block(0, 0), block(272, 0)])).toBe(28);
  });

  it('moves to the nearest place clear of every block, above or below, when blocks are closer than it is wide', () => {
    // A wire at y 28 between two blocks 44 apart: just above them is nearer than just below.
    const blocks = [block(0, 0), block(220, 0)];
    expect(mapCentreY(198, 28, size, blocks)).toBe(-size.height / 2 - 2);
    // With a block above in that place, just below the two is the nearest clear one.
    expect(mapCentreY(198, 28, size, [...blocks, block(150, -100)])).toBe(70 + size.height / 2 + 2);
  });

  it('when leaving blocks whole would take it far from its wire, it covers a body but never a title', () => {
    // Tall blocks (neuron views) side by side: clear of them is more than MAX_SHIFT away.
    const blocks = [block(0, 0, 400), block(220, 0, 400)];
    const y = mapCentreY(198, 200, size, blocks);
    expect(Math.abs(y - 200)).toBeLessThanOrEqual(MAX_SHIFT);
    expect(y).toBe(200);
    // A second row below: a wire at its titles' height moves just above them, onto the first row's bodies.
    const rows = [...blocks, block(0, 420, 400), block(220, 420, 400)];
    expect(mapCentreY(198, 430, size, rows)).toBe(420 - size.height / 2 - 2);
  });
});
