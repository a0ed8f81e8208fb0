// Every block kind: one line each. The kinds' names, their order, their words in the catalogs and
// every type derived from them are read from these modules' `kind` and `block` exports.
export * as add from './add';
export * as concat from './concat';
export * as conv1d from './conv1d';
export * as flatten from './flatten';
export * as identity from './identity';
export * as input from './input';
export * as leakyRelu from './leaky-relu';
export * as linear from './linear';
export * as relu from './relu';
export * as sigmoid from './sigmoid';
export * as softmax from './softmax';
export * as tanh from './tanh';
