// Types for scripts/build-wasm.mjs (used by the test that rebuilds the kernels).
export declare const SOURCE: string;
export declare const OUTPUT: string;
export declare const SHARED_OUTPUT: string;
export declare const SHARED_MAX_PAGES: number;
export declare function compileDense(shared?: boolean): Promise<Uint8Array>;
export declare function bytesModule(wasm: Uint8Array, name?: string): string;
export declare function generated(): Promise<[string, string][]>;
