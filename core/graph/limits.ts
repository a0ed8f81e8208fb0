// Size limits for a model. They exist so a typo (100000 instead of 100) is caught with an
// explanation instead of freezing the app while it allocates gigabytes.

/** Widest Linear/Conv1d output; also caps the fan-in a single node may see. */
export const MAX_UNITS = 65_536;
/** Longest Conv1d kernel, stride or padding. */
export const MAX_KERNEL = 4_096;
/**
 * Most parameters in one model. Training keeps about four float64 copies of each
 * (weights, gradients, two optimizer moments): 10 million parameters are ~320 MB.
 */
export const MAX_PARAMS = 10_000_000;
/** Most nodes on one canvas: a chain this long is far beyond anything a student trains. */
export const MAX_NODES = 1_000;
/** Most edges in one spec (junk beyond this is not inspected). */
export const MAX_EDGES = 4_000;
/** Largest per-sample tensor anywhere in the chain (elements), again for memory. */
export const MAX_ELEMENTS = 1_000_000;

// Why MAX_UNITS and MAX_KERNEL exist, as the student is told, is in the block catalogs
// (core/messages/<language>/blocks.json: blocks.limit.*), which the block definitions name
// (a param's `limitWhy`).
