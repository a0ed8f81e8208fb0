import { describe, expect, it } from 'vitest';
import { mapCentreY, TITLE_ROW } from '../../../renderer/backprop/heatmap-place';

const title = (x: number, y: number) => ({ x, y, width: 176, height: TITLE_ROW });
const size = { width: 70, height: 80 };

describe('where a heat map sits on its connection', () => {
  it('stays centred on the wire when it covers no title (blocks a Tidy layout apart)', () => {
    expect(mapCentreY(224, 28, size, [title(0, 0), title(272, 0)])).toBe(28);
  });

  it('moves to the nearest place clear of every title, above or below, when blocks are closer than it is wide', () => {
    // A wire at y 28 between two blocks 44 apart: just below their titles is nearest.
    const titles = [title(0, 0), title(220, 0)];
    expect(mapCentreY(198, 28, size, titles)).toBe(TITLE_ROW + size.height / 2 + 2);
    // With the next row's title in that place, just above the titles is the nearest clear one.
    expect(mapCentreY(198, 28, size, [...titles, title(150, 60)])).toBe(-size.height / 2 - 2);
  });
});
