// The checked-in kernels are the compiled source: rebuild wasm/dense.ts with the pinned
// AssemblyScript (a devDependency) and compare both generated modules byte for byte.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generated, SHARED_MAX_PAGES, SOURCE } from '../../../scripts/build-wasm.mjs';
import { SHARED_MAX_PAGES as CORE_SHARED_MAX_PAGES } from '../../../core/kernels/split-protocol';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('the generated kernel modules', () => {
  it(`are ${SOURCE} as compiled now (else run npm run build:wasm)`, async () => {
    for (const [file, text] of await generated()) expect(text, file).toBe(readFileSync(`${ROOT}${file}`, 'utf8'));
  }, 600_000);

  it('declare the shared memory’s maximum that core creates it with', () => {
    expect(CORE_SHARED_MAX_PAGES).toBe(SHARED_MAX_PAGES);
  });
});
