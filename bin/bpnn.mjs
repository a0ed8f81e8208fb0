#!/usr/bin/env node
// The `bpnn` command. The CLI is TypeScript sharing core/ with the app, so this entry
// registers tsx's loader (a runtime dependency) and then imports it: `npx bpnn …` works
// right after `npm install`, with no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../cli/main.ts');
