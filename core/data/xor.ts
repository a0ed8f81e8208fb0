// The lab's XOR set, exactly: for i in 0..10 the point (0.1i, 0.1i) with label 0 and,
// unless i = 5 (where both diagonals meet), (0.1i, 1 − 0.1i) with label 1. 21 points.
import { planar, type Generator } from './generated';

export const XOR_POINTS = 21;

/** n is ignored (the set is fixed); noise jitters the points by a normal of σ = 0.1·noise. */
export const xor: Generator = ({ noise }, rng) => {
  const pts: [number, number, number][] = [];
  for (let i = 0; i <= 10; i++) {
    pts.push([0.1 * i, 0.1 * i, 0]);
    if (i !== 5) pts.push([0.1 * i, 1 - 0.1 * i, 1]);
  }
  const d = planar(pts.length, ['0', '1']);
  pts.forEach(([a, b, label], i) => {
    d.x[2 * i] = noise > 0 ? a + 0.1 * noise * rng.normal() : a;
    d.x[2 * i + 1] = noise > 0 ? b + 0.1 * noise * rng.normal() : b;
    d.y[i] = label;
  });
  return d;
};
