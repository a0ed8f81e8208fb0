// The shipped examples open readable in a 1280×800 window: zoom-to-fit keeps the blocks at
// least at their natural size instead of shrinking a long row to half.
import { describe, expect, it } from 'vitest';
import { FIT_OPTIONS } from '../../../renderer/editor/placement';
import { tidyGraph } from '../../../renderer/store/graph-edits';
import { exampleProject } from '../fixtures';

/** The canvas of a 1280×800 window (palette, inspector, toolbar and charts taken off), as measured in Chromium. */
const CANVAS = { width: 836, height: 436 };
/** A block's size on the canvas at zoom 1. */
const BLOCK = { width: 176, height: 70 };
/** Below this the 13-px block text is too small to read comfortably. */
const MIN_READABLE_ZOOM = 1;
const px = (v: string) => Number.parseFloat(v);

const EXAMPLES = ['xor', 'linear', 'spiral-softmax', 'waves-conv1d', 'residual-spiral'] as const;

describe('shipped example layout', () => {
  it.each(EXAMPLES)('%s fits a 1280×800 window at a readable zoom', (name) => {
    const nodes = exampleProject(name).graph.nodes;
    const xs = nodes.map((n) => n.position.x);
    const ys = nodes.map((n) => n.position.y);
    const width = Math.max(...xs) - Math.min(...xs) + BLOCK.width;
    const height = Math.max(...ys) - Math.min(...ys) + BLOCK.height;
    const p = FIT_OPTIONS.padding;
    const zoom = Math.min((CANVAS.width - px(p.left) - px(p.right)) / width, (CANVAS.height - px(p.top) - px(p.bottom)) / height);
    expect(zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
  });

  it.each(EXAMPLES)('%s is laid out as Tidy layout leaves it (pressing Tidy changes nothing)', (name) => {
    const g = exampleProject(name).graph;
    const columns = new Set(g.nodes.map((n) => n.position.x)).size;
    expect(columns).toBeLessThanOrEqual(4);
    expect(tidyGraph(g, columns).nodes.map((n) => n.position)).toEqual(g.nodes.map((n) => n.position));
  });
});
