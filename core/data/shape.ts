// The per-sample input shape a dataset spec will produce, without generating the data,
// so the editor can infer shapes while the student edits.
import type { DatasetSpec } from './types';
import { DEFAULT_WAVE_LENGTH, MAX_WAVE_LENGTH, MIN_WAVE_LENGTH } from './params';

export function datasetInputShape(spec: DatasetSpec): number[] {
  try {
    return inputShapeOf(spec);
  } catch {
    // A spec this broken has no shape; [0] makes compileModel say so instead of throwing.
    return [0];
  }
}

function inputShapeOf(spec: DatasetSpec): number[] {
  const s: unknown = spec;
  if (s === null || typeof s !== 'object') return [0];
  if (spec.kind === 'generator') {
    if (spec.generator !== 'waves') return [2];
    // Read exactly as resolveParams does: params that are not a plain object count as none.
    const params: unknown = spec.params;
    const len: unknown = params !== null && typeof params === 'object' && !Array.isArray(params) ? (params as { length?: unknown }).length : undefined;
    const ok = typeof len === 'number' && Number.isInteger(len) && len >= MIN_WAVE_LENGTH && len <= MAX_WAVE_LENGTH;
    return [1, ok ? len : DEFAULT_WAVE_LENGTH];
  }
  const shape: unknown = spec.inputShape;
  if (Array.isArray(shape) && shape.length > 0 && shape.every((d) => typeof d === 'number')) return [...(shape as number[])];
  if (Array.isArray(spec.featureNames) && spec.featureNames.length > 0) return [spec.featureNames.length];
  const first: unknown = Array.isArray(spec.features) ? spec.features[0] : undefined;
  return [Array.isArray(first) ? first.length : 0];
}
