// k Gaussian blobs with centres evenly spaced on the unit circle, balanced: sample i is class i mod k.
import { planar, type Generator } from './generated';

/** Spread of each blob: σ = 0.2 + 0.5·noise, so noise 1 makes neighbouring blobs overlap. */
export const blobSigma = (noise: number): number => 0.2 + 0.5 * noise;

export const gaussian: Generator = ({ n, noise, classes }, rng) => {
  const d = planar(n, Array.from({ length: classes }, (_, c) => String(c)));
  const sigma = blobSigma(noise);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const t = (2 * Math.PI * c) / classes;
    d.x[2 * i] = Math.cos(t) + sigma * rng.normal();
    d.x[2 * i + 1] = Math.sin(t) + sigma * rng.normal();
    d.y[i] = c;
  }
  return d;
};
