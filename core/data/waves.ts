// 1-D signals for Conv1d: each sample is one waveform of `length` steps, shape [1, length].
// Classes differ in shape, not in level or timing (random phase, frequency and amplitude),
// so a small kernel sliding along the signal is the natural detector.
import type { Generator } from './generated';

export const WAVE_NAMES = ['sine', 'square', 'triangle', 'sawtooth'] as const;
/** Cycles per window: jittered so a class is not one fixed pattern. */
export const MIN_CYCLES = 1.5;
export const MAX_CYCLES = 3.5;
/** Amplitude jitter: small, because the shapes differ in energy too (square > sine > triangle) and ±20% blurs sine into triangle. */
export const MIN_AMPLITUDE = 0.9;
export const MAX_AMPLITUDE = 1.1;

/** Value of waveform `kind` at phase p in [0, 1), range [−1, 1]. */
export function waveAt(kind: number, p: number): number {
  switch (kind) {
    case 0:
      return Math.sin(2 * Math.PI * p);
    case 1:
      return p < 0.5 ? 1 : -1;
    case 2:
      return 1 - 4 * Math.abs(p - 0.5);
    default:
      return 2 * p - 1;
  }
}

/** Noise adds a normal of σ = noise to every step (default 0.2, see params). Sample i is class i mod k. */
export const waves: Generator = ({ n, noise, classes, length }, rng) => {
  const x = new Float64Array(n * length);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const cycles = rng.uniform(MIN_CYCLES, MAX_CYCLES);
    const phase = rng.next();
    const amp = rng.uniform(MIN_AMPLITUDE, MAX_AMPLITUDE);
    for (let t = 0; t < length; t++) {
      const p = (((cycles * t) / length + phase) % 1 + 1) % 1;
      x[i * length + t] = amp * waveAt(c, p) + (noise > 0 ? noise * rng.normal() : 0);
    }
    y[i] = c;
  }
  return {
    x,
    y,
    inputShape: [1, length],
    classNames: WAVE_NAMES.slice(0, classes),
    featureNames: Array.from({ length }, (_, t) => `t${t}`),
  };
};
