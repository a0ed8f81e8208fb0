// Types for scripts/build-electron.mjs (used by the tests that build the real bundles).
export declare const ELECTRON_ENTRIES: Record<string, string>;
export declare function buildElectron(opts?: { outdir?: string; entries?: Record<string, string>; minify?: boolean }): Promise<string>;
