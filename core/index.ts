// The engine's public surface. Everything outside core/ imports core only through here.
export * from './graph/spec';
export * from './messages/index';
export * from './graph/resolved';
export * from './data/types';
export * from './train/types';
export * from './train/session-types';
export * from './project/types';
export * from './train/events';
export * from './random';
export * from './train/driver';
export { MAX_PROJECT_BYTES, MAX_DEPTH as MAX_PROJECT_DEPTH, MAX_PROBLEMS_SHOWN, MAX_DATA_BYTES, MAX_DATA_VALUES, groupDigits } from './project/limits';
export { checkSavable, checkDatasetFits, datasetBytes, utf8Length, type SavableResult } from './project/savable';
export { parseProject, validateProjectValue, type ParseResult, type Problem as ProjectProblem } from './project/parse';
export { serializeProject, type SerializeResult } from './project/serialize';
export { projectToSpec } from './project/spec';
export { ProjectSchema } from './project/schema';
export { migrateDocument, futureVersionMessage, futureVersionSaid, type MigrationStep } from './project/migrations';
export { compileModel, checkLossFit } from './graph/validate';
export { conv1dOutLength } from './layers/conv1d';
export { MAX_UNITS, MAX_KERNEL, MAX_PARAMS } from './graph/limits';
export { DEFAULT_LEAKY_SLOPE, PARAM_KEYS } from './graph/node-params';
export { BLOCKS, ACTIVATION_TYPES, blockOf, isJoinType, isWeighted, joinOf } from './blocks/index';
export type { ActivationType, BlockDefinition, BlockRole, BooleanParam, JoinDefinition, JoinType, NumberParam, ParamSchema } from './blocks/index';
export { makeDataset, datasetInputShape, parseCsv, type MakeDatasetResult, type CsvProblem, type ParseCsvResult, type ParseCsvOptions } from './data/index';
export { exportWeights, WEIGHTS_CONVENTIONS, WEIGHTS_FORMAT, WEIGHTS_VERSION, type ExportWeightsResult } from './project/weights';
export { readWeightsFile, initialWeightsMismatch, initialWeightsMismatchSaid, type ReadWeightsResult } from './train/weights-file';
export * from './export/index';
export { newProject } from './project/new';
export { dataBounds, planePoints, type PlaneBounds } from './train/plane';
export { createTrainingSession, Session, type SessionOptions, type SessionTestHooks, type SkippedStep } from './train/session';
export {
  estimateTrainingMemory,
  estimateTraceMemory,
  estimateRequestMemory,
  datasetSampleCount,
  splitSizes,
  type MemoryEstimate,
  type MemoryExtras,
  type MemoryPart,
  type MemoryPartKind,
  type MemoryPurpose,
  type DataSize,
} from './train/memory';
export {
  checkMemory,
  memorySummary,
  memorySummarySaid,
  largestBatchThatFits,
  formatBytes,
  parseMemorySize,
  automaticMemoryBudget,
  chosenMemoryBudget,
  isOutOfMemory,
  OUT_OF_MEMORY_MESSAGE,
  OUT_OF_MEMORY_TEXT,
  DEFAULT_MEMORY_BUDGET,
  FALLBACK_MEMORY_LIMIT,
  MAX_MEMORY_LIMIT,
  MIN_MEMORY_LIMIT,
  AUTOMATIC_MEMORY_SHARE,
  type MemoryBudget,
  type MemoryCheck,
  type MemorySizeResult,
} from './train/memory-budget';
export {
  defaultSettings,
  validateSettings,
  OPTIMIZER_DEFAULTS,
  MAX_EPOCHS,
  MAX_BATCH_SIZE,
  MAX_TEST_SPLIT,
  MAX_LR,
  LR_BOUND,
  MIN_LR_BOUND,
  GAMMA_BOUND,
  STEP_SIZE_BOUND,
  EPOCHS_BOUND,
  SEED_BOUND,
  boundText,
  boundSaid,
  inBound,
  type NumberBound,
  REGIMES,
  REGIME_LABELS,
  REGIME_SAID,
  LAB_BCE_CLIP,
  BCE_CLIP_BOUND,
  regimeOf,
  stepBatchSize,
  withRegime,
  withBatchSize,
  DEFAULT_MINI_BATCH,
} from './train/settings';
export { isDecimalText, parseDecimal, readDecimal, type DecimalRead } from './numbers';
export { buildNetwork, Network, type NodeTrace, type NetworkParam, type BuildNetworkOptions, type BuildNetworkResult } from './train/network';
export { MAX_BAD_STEPS, nonFiniteValuesText, nonFiniteValuesSaid } from './train/divergence';
export { scheduledLr } from './optim/schedules';
export { setKernels, kernelKind, kernelThreads, type KernelKind, type KernelOptions } from './kernels/dense';
export { runSplitHelper } from './kernels/split-helper';
export type { HelperInit, HelperThread, StartHelper } from './kernels/split-protocol';
export type { Param } from './layers/layer';
export { MAX_SAMPLES, MAX_CLASSES, MIN_WAVE_LENGTH, MAX_WAVE_LENGTH, MAX_VALUES as MAX_DATASET_VALUES, DEFAULT_N, DEFAULT_NOISE, DEFAULT_CLASSES, DEFAULT_WAVE_LENGTH } from './data/params';
export { WAVE_NAMES } from './data/waves';
export { MAX_CSV_CHARS, MAX_CSV_ROWS, MAX_CSV_COLUMNS, LABEL_NAMES } from './data/csv';
export { LARGE_FEATURE, MAX_INLINE_CLASSES } from './data/inline';
export * from './sweep/index';
export * from './inspect/index';
export { decodeText, decodeSentence, type DecodeResult } from './text/decode';
export { SCREEN_DIGITS, formatNumber, fullNumber, cleanNumber, cleanMs } from './format/number';
