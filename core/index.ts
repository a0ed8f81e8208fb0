// The engine's public surface. Everything outside core/ imports core only through here.
export * from './graph/spec';
export * from './graph/resolved';
export * from './data/types';
export * from './train/types';
export * from './train/session-types';
export * from './project/types';
export * from './train/events';
export * from './random';
export * from './train/driver';
export { compileModel, checkLossFit } from './graph/validate';
export { conv1dOutLength } from './graph/shapes';
export { MAX_UNITS, MAX_KERNEL, MAX_PARAMS } from './graph/limits';
export { DEFAULT_LEAKY_SLOPE } from './graph/node-params';
export { makeDataset, datasetInputShape, parseCsv, type MakeDatasetResult, type CsvProblem, type ParseCsvResult, type ParseCsvOptions } from './data/index';
