#!/usr/bin/env node
// Runs bench/sweep.ts the way `bpnn` runs the CLI: tsx registered through its API, not as a
// node flag. Flags would be inherited by every worker thread the pool spawns, and each would
// then load the TypeScript loader it does not need (~0.3 s per run).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('./sweep.ts');
