// Loading reference vectors and comparing tensors against them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { nodeId } from '../../core/graph/spec';
import type { PlainResolvedLayer } from '../../core/layers/create';
import type { TensorJson } from '../../core/train/types';

/**
 * The conformance bar: the reference promises agreement to a relative error of 1e-9 (float64).
 * "Relative" is taken per tensor: |actual − expected| ≤ REL_TOL · max|expected| over the whole
 * tensor. An entry that is tiny next to its neighbours (a gradient of 1e-17 beside ones of 1e-1)
 * is then judged against the tensor's scale rather than its own, where only rounding noise lives.
 * A tensor that is all zeros must be matched exactly. Scalars (losses) use their own magnitude.
 */
export const REL_TOL = 1e-9;

export const DEFAULT_VECTORS_DIR = fileURLToPath(new URL('../fixtures/reference', import.meta.url));

export interface VectorFile {
  file: string;
  cases: Record<string, unknown>[];
}

export function loadVectorFiles(dir: string): VectorFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases?: unknown };
      if (!Array.isArray(json.cases)) throw new Error(`${file}: no "cases" array`);
      return { file, cases: json.cases as Record<string, unknown>[] };
    });
}

export function expectTensorClose(actual: ArrayLike<number>, expected: TensorJson, what: string): void {
  const n = expected.data.length;
  expect(actual.length, `${what}: length`).toBeGreaterThanOrEqual(n);
  let scale = 0;
  for (const v of expected.data) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  let worstAt = -1;
  for (let i = 0; i < n; i++) {
    const err = Math.abs(actual[i] - expected.data[i]);
    if (!(err <= worst) || worstAt < 0) {
      worst = err;
      worstAt = i;
    }
  }
  const ok = n === 0 || (Number.isFinite(worst) && worst <= REL_TOL * scale);
  expect(
    ok,
    `${what}: entry ${worstAt} is ${actual[worstAt]}, expected ${expected.data[worstAt]} (error ${worst}, allowed ${REL_TOL * scale})`,
  ).toBe(true);
}

export function expectScalarClose(actual: number, expected: number, what: string): void {
  const err = Math.abs(actual - expected);
  expect(err <= REL_TOL * Math.abs(expected), `${what}: ${actual}, expected ${expected} (error ${err})`).toBe(true);
}

/** The reference's layer description, {type, params} with PyTorch names, as a ResolvedLayer. */
export function resolvedFromReference(
  layer: { type: string; params: Record<string, number | boolean> },
  inShape: readonly number[],
  index: number,
): PlainResolvedLayer {
  const id = nodeId(`layer${index}`);
  const p = layer.params;
  const num = (k: string, fallback?: number): number => {
    const v = p[k] ?? fallback;
    if (typeof v !== 'number') throw new Error(`layer ${index} (${layer.type}): param ${k} missing`);
    return v;
  };
  switch (layer.type) {
    case 'Linear':
      return { nodeId: id, type: 'Linear', inFeatures: num('inFeatures'), outFeatures: num('outFeatures'), bias: p.bias !== false };
    case 'Conv1d':
      return {
        nodeId: id,
        type: 'Conv1d',
        inChannels: num('inChannels'),
        outChannels: num('outChannels'),
        kernelSize: num('kernelSize'),
        stride: num('stride', 1),
        padding: num('padding', 0),
        inLength: inShape[1],
      };
    case 'LeakyReLU':
      return { nodeId: id, type: 'LeakyReLU', negativeSlope: num('negativeSlope', 0.01) };
    case 'Flatten':
    case 'Sigmoid':
    case 'Tanh':
    case 'ReLU':
    case 'Identity':
    case 'Softmax':
      return { nodeId: id, type: layer.type };
    default:
      throw new Error(`unknown layer type '${layer.type}' in layer ${index}`);
  }
}
