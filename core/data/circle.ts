// A disc inside a ring, balanced: label 1 inside radius 0.45, label 0 in the ring from
// 0.55 to 1, centred at the origin. Not linearly separable: a network needs a hidden layer.
import { planar, type Generator } from './generated';

export const INNER_RADIUS = 0.45;
export const OUTER_START = 0.55;

/** Samples alternate outside/inside so both classes have n/2 (±1). Noise: normal jitter, σ = 0.1·noise. */
export const circle: Generator = ({ n, noise }, rng) => {
  const d = planar(n, ['outside', 'inside']);
  for (let i = 0; i < n; i++) {
    const inside = i % 2 === 1;
    // sqrt makes the points uniform over the area, not bunched at the centre.
    const r = inside
      ? INNER_RADIUS * Math.sqrt(rng.next())
      : Math.sqrt(OUTER_START ** 2 + rng.next() * (1 - OUTER_START ** 2));
    const t = 2 * Math.PI * rng.next();
    d.x[2 * i] = r * Math.cos(t) + (noise > 0 ? 0.1 * noise * rng.normal() : 0);
    d.x[2 * i + 1] = r * Math.sin(t) + (noise > 0 ? 0.1 * noise * rng.normal() : 0);
    d.y[i] = inside ? 1 : 0;
  }
  return d;
};
