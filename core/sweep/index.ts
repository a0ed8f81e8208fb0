// Sweeps ("change one thing"), their results table and run records.
export * from './types';
export { SWEEP_PRESETS, SWEEP_SETTING_LABELS, SWEEP_SETTING_HELP, LAB_LEAKY_SLOPE, LAB_OPTIMIZERS, sweepValueLabel, sweepValueSaid, sweepSettingSaid, sweepSettingHelpSaid } from './presets';
export { parseSweepSetting, parseSweepValue, unknownSettingMessage, unknownSettingSaid } from './values';
export { hiddenLinearIds, hiddenActivationIds } from './graph';
export { skipAddIds, withoutSkips } from './skip';
export { initialWeightsOf, shareWeights, sharedNodeIds } from './weights';
export { expandSweep, isStructural, rerunRequest, seedsFrom, sweepSettingKey, parseSweepSettingKey } from './expand';
export { sweepMemoryRefusal } from './memory';
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
export { summarizeByValue, spreadOf, spreadText, curveBand, type ValueSummary, type Spread, type CurveBand } from './summary';
export {
  LAB_FINDINGS,
  LAB_SEEDS,
  NEAR_TIE,
  labTaskOf,
  labFindingsFor,
  labSweep,
  judgeFinding,
  earlyOscillation,
  type LabTask,
  type LabFinding,
  type LabRun,
  type LabVerdict,
  type FindingResult,
} from './lab';
export { mainRun } from './main-run';
