// k interleaved spiral arms (the classic CS231n toy set), balanced: sample i is class i mod k.
import { planar, type Generator } from './generated';

/** How far each arm winds, in radians, from the centre to radius 1. */
export const SPIRAL_TURN = 4;

/** Noise jitters the angle by a normal of σ = 0.3·noise radians, blurring the arms together. */
export const spiral: Generator = ({ n, noise, classes }, rng) => {
  const d = planar(n, Array.from({ length: classes }, (_, c) => String(c)));
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const r = 0.05 + 0.95 * rng.next();
    const t = (2 * Math.PI * c) / classes + SPIRAL_TURN * r + (noise > 0 ? 0.3 * noise * rng.normal() : 0);
    d.x[2 * i] = r * Math.cos(t);
    d.x[2 * i + 1] = r * Math.sin(t);
    d.y[i] = c;
  }
  return d;
};
