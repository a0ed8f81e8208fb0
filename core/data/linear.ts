// The lab's linearly separable set: n points uniform in [0,1]², label 1 when x1 < x2.
import { planar, type Generator } from './generated';

/**
 * Noise jitters each point by a normal of σ = 0.1·noise after it has been labelled, so
 * points near the line cross it and the classes overlap. noise = 0 is the lab's data.
 */
export const linear: Generator = ({ n, noise }, rng) => {
  const d = planar(n, ['0', '1']);
  for (let i = 0; i < n; i++) {
    const x1 = rng.next();
    const x2 = rng.next();
    d.y[i] = x1 < x2 ? 1 : 0;
    d.x[2 * i] = noise > 0 ? x1 + 0.1 * noise * rng.normal() : x1;
    d.x[2 * i + 1] = noise > 0 ? x2 + 0.1 * noise * rng.normal() : x2;
  }
  return d;
};
