// Small run records for table tests.
import { buildRunRecord, defaultSettings, type EpochMetrics, type RunRecord, type RunResult } from '../../../core/index';

export function defaultSettingsRecord(name: string, metrics: EpochMetrics[], result: RunResult): RunRecord {
  return buildRunRecord({
    id: `id-${name}`,
    name,
    createdAt: '2026-01-01T00:00:00.000Z',
    settings: defaultSettings(),
    dataset: { kind: 'generator', generator: 'xor', params: {}, seed: 1 },
    metrics,
    result,
  });
}
