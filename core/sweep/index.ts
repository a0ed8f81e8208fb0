// Sweeps ("change one thing"), their results table and run records.
export * from './types';
export { SWEEP_PRESETS, SWEEP_SETTING_LABELS, SWEEP_SETTING_HELP, sweepValueLabel } from './presets';
export { parseSweepSetting, parseSweepValue, unknownSettingMessage, MAX_SWEEP_LR } from './values';
export { hiddenLinearIds, hiddenActivationIds } from './graph';
export { initialWeightsOf, shareWeights, sharedNodeIds } from './weights';
export { expandSweep, rerunRequest, sweepSettingKey, parseSweepSettingKey } from './expand';
export { buildRunRecord, curvesFromMetrics, metricsFromRunCurves, type RunRecordInput } from './record';
export {
  resultRow,
  rowOf,
  type RowSource,
  sortRows,
  rowsToCsv,
  epochReaching,
  formatPercent,
  formatLoss,
  CSV_COLUMNS,
  TARGET_TOLERANCE,
  DEFAULT_TARGET_ACCURACY,
  type ResultRow,
  type RowKey,
} from './table';
