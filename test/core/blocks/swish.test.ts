import { describe, expect, it } from 'vitest';
import { nodeId } from '../../../core/index';
import { Swish } from '../../../core/blocks/swish';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('Swish', () => {
  it('gives x·σ(x) forward and its derivative backward, as finite differences say', () => {
    const xs = [-3, -0.5, 0, 0.7, 4];
    const layer = new Swish(nodeId('s'), [xs.length]);
    const y = layer.forward(Float64Array.from(xs), 1);
    xs.forEach((x, i) => expect(y[i]).toBeCloseTo(x * sigmoid(x), 12));
    const g = layer.backward(Float64Array.from(xs, () => 1), 1);
    const f = (x: number) => x * sigmoid(x);
    const h = 1e-6;
    xs.forEach((x, i) => expect(g[i]).toBeCloseTo((f(x + h) - f(x - h)) / (2 * h), 6));
  });
});
