// Where the helper thread starts for code run through tsx (the CLI, the bench, tests). Apart from
// node-worker-helper.ts, since the Electron bundles are CommonJS, where import.meta.url is empty.
import { fileURLToPath } from 'node:url';

export const HELPER_ENTRY_TS = fileURLToPath(new URL('./node-worker-helper-thread.mjs', import.meta.url));
