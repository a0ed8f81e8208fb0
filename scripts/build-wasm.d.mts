// Types for scripts/build-wasm.mjs (used by the test that rebuilds the kernels).
export declare const SOURCE: string;
export declare const OUTPUT: string;
export declare function compileDense(): Promise<Uint8Array>;
export declare function bytesModule(wasm: Uint8Array): string;
