// The helper thread for code run through tsx (the CLI, the bench, tests): like
// training-worker.mjs, it registers tsx itself, since a worker thread does not inherit the loader.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('./node-worker-helper-thread.ts');
