// Types for scripts/start.mjs (its decisions are tested in test/desktop/start.test.ts).
export declare const DOWNLOAD_NEEDS_NODE: string;
export interface ElectronBinary {
  file: string | null;
  present: boolean;
  override: boolean;
}
export declare function atLeast(version: string, minimum?: string): boolean;
export declare function electronBinary(
  electronDir: string,
  env?: Record<string, string | undefined>,
  fs?: { existsSync(file: string): boolean; readFileSync(file: string, encoding: 'utf8'): string },
): ElectronBinary;
export declare function decide(state: { nodeVersion: string; binary: ElectronBinary }): 'launch' | 'override-missing' | 'old-node' | 'download';
export declare function downloadEnv(env?: Record<string, string | undefined>): Record<string, string | undefined>;
export declare function failureReason(output: string): string;
export declare function oldNodeMessage(nodeVersion: string): string;
export declare function overrideMissingMessage(file: string | null): string;
export declare function downloadFailedMessage(opts: { version: string; output: string; env?: Record<string, string | undefined> }): string[];
