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
