// The training worker for the CLI, which runs TypeScript through tsx without a build step: a
// worker thread does not inherit the parent's loader, so it registers tsx itself and then
// loads the TypeScript entry.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('./training-worker.ts');
