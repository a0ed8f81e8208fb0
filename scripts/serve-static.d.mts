// Types for scripts/serve-static.mjs (the e2e harness, its header test and vite.config.ts use it).
export declare const ISOLATION_HEADERS: Record<'Cross-Origin-Opener-Policy' | 'Cross-Origin-Embedder-Policy', string>;
export declare function serveStatic(root: string, opts?: { host?: string; port?: number }): Promise<{ url: string; close(): Promise<void> }>;
