// The checked-in kernels are the compiled source: rebuild wasm/dense.ts with the pinned
// AssemblyScript (a devDependency) and compare the generated module byte for byte.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bytesModule, compileDense, OUTPUT, SOURCE } from '../../../scripts/build-wasm.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe(`${OUTPUT}`, () => {
  it(`is ${SOURCE} as compiled now (else run node scripts/build-wasm.mjs)`, async () => {
    const wasm = await compileDense();
    expect(bytesModule(wasm)).toBe(readFileSync(`${ROOT}${OUTPUT}`, 'utf8'));
  }, 600_000);
});
