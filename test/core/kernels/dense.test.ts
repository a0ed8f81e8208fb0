// The WebAssembly SIMD kernels against the TypeScript ones, bit for bit, on every small shape
// (each blocking's tails: M and N from 1 to 9 cover the 4-row blocks, 4- and 2-column blocks and
// the odd column), and the fallback to TypeScript where WebAssembly cannot run.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { matmul as tsMatmul, matmulTN as tsMatmulTN } from '../../../core/matmul';
import { loadWasmDense } from '../../../core/kernels/wasm-dense';
import { kernelKind, setKernels } from '../../../core/kernels/dense';
import { createRng } from '../../../core/random';

const rng = createRng(16);
function values(n: number, spare = 0): Float64Array {
  // Mixed signs and magnitudes, so a changed order of additions would change the rounding.
  return Float64Array.from({ length: n + spare }, () => (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 6 - 3));
}

function expectSameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) expect(actual[i], `${what}: index ${i}`).toBe(expected[i]);
  }
}

describe('the WebAssembly SIMD dense kernels', () => {
  const wasm = loadWasmDense();

  it('load in Node', () => {
    expect(wasm).not.toBeNull();
  });

  it('give the TypeScript kernels’ numbers bit for bit on every shape up to 9×9×9', () => {
    for (let M = 1; M <= 9; M++) {
      for (let N = 1; N <= 9; N++) {
        for (const K of [0, 1, 2, 3, 7, 9]) {
          const what = `M ${M}, N ${N}, K ${K}`;
          // Operands longer than the product reads: the engine's buffers are reused across batch sizes.
          const A = values(M * K, 3), At = values(K * M), B = values(K * N, 2), bias = values(N);
          for (const q of [null, bias]) {
            const want = new Float64Array(M * N).fill(7), got = new Float64Array(M * N).fill(-7);
            tsMatmul(M, N, K, A, B, want, q);
            wasm!.matmul(M, N, K, A, B, got, q);
            expectSameBits(got, want, `matmul ${what}${q ? ' + bias' : ''}`);
          }
          const want = new Float64Array(M * N), got = new Float64Array(M * N);
          tsMatmulTN(M, N, K, At, B, want);
          wasm!.matmulTN(M, N, K, At, B, got);
          expectSameBits(got, want, `matmulTN ${what}`);
        }
      }
    }
  });

  it('grow their memory for a large product after small ones, and shrink back to small ones', () => {
    for (const [M, N, K] of [[2, 3, 4], [64, 128, 784], [128, 784, 64], [3, 5, 2]]) {
      const A = values(M * K), B = values(K * N), bias = values(N);
      const want = new Float64Array(M * N), got = new Float64Array(M * N);
      tsMatmul(M, N, K, A, B, want, bias);
      wasm!.matmul(M, N, K, A, B, got, bias);
      expectSameBits(got, want, `${M}×${N}×${K}`);
    }
  });
});

describe('the choice of kernels', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('falls back to none where WebAssembly is missing', () => {
    vi.stubGlobal('WebAssembly', undefined);
    expect(loadWasmDense()).toBeNull();
  });

  it('falls back to none where the module does not validate (no SIMD)', () => {
    vi.stubGlobal('WebAssembly', { ...WebAssembly, validate: () => false });
    expect(loadWasmDense()).toBeNull();
  });

  it('falls back to none where compiling is refused (a CSP without wasm-unsafe-eval)', () => {
    const refuse = function Module(): never {
      throw new WebAssembly.CompileError('WebAssembly.Module(): Refused to compile or instantiate WebAssembly module');
    };
    vi.stubGlobal('WebAssembly', { ...WebAssembly, validate: WebAssembly.validate, Instance: WebAssembly.Instance, Module: refuse });
    expect(loadWasmDense()).toBeNull();
  });

  it('switches between the two and reports which one runs', () => {
    const before = kernelKind();
    try {
      expect(setKernels('ts')).toBe('ts');
      expect(kernelKind()).toBe('ts');
      expect(setKernels('wasm')).toBe('wasm');
      expect(kernelKind()).toBe('wasm');
    } finally {
      setKernels(before);
    }
  });

  it('uses the WebAssembly kernels by default where they load', async () => {
    vi.resetModules();
    const fresh = await import('../../../core/kernels/dense');
    expect(fresh.kernelKind()).toBe('wasm');
  });
});
