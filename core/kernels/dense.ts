// The seam between Linear and the code that computes its products: the TypeScript kernels of
// core/matmul.ts (readable, and the fallback) or the WebAssembly SIMD ones. Both give the same
// numbers bit for bit (see wasm/dense.ts), so the choice changes speed only.
import { matmul as tsMatmul, matmulTN as tsMatmulTN } from '../matmul';
import type { DenseKernels } from './dense-types';
import { createSplitKernels, type SplitKernels } from './dense-split';
import type { StartHelper } from './split-protocol';
import { loadWasmDense } from './wasm-dense';

export type KernelKind = 'ts' | 'wasm';

const TS: DenseKernels = { matmul: tsMatmul, matmulTN: tsMatmulTN };

// Loaded on first use rather than at import, so a program that never trains pays nothing.
let wasm: DenseKernels | null | undefined;
let active: DenseKernels | null = null;
let wanted: KernelKind = 'wasm';
let split: SplitKernels | null = null;

export interface KernelOptions {
  /**
   * Starts the helper thread that takes half of each large product (the runtime's worker_threads
   * or Web Worker adapter). Without it, or where threads are unavailable, one thread: the same
   * numbers either way. This thread waits for the helper with Atomics.wait, so not on a browser
   * page's main thread, where that throws: there, train in a worker as the app does.
   */
  helper?: StartHelper;
}

function wasmKernels(): DenseKernels | null {
  if (wasm === undefined) wasm = loadWasmDense();
  return wasm;
}

function current(): DenseKernels {
  if (active === null) active = split ?? (wanted === 'wasm' ? (wasmKernels() ?? TS) : TS);
  return active;
}

/**
 * Chooses the kernels for this thread (each worker has its own). Returns the kind now in use:
 * 'ts' after asking for 'wasm' where WebAssembly SIMD is unavailable. Ends the helper thread of
 * an earlier choice; `options.helper` starts a new one (wasm only).
 */
export function setKernels(kind: KernelKind, options: KernelOptions = {}): KernelKind {
  split?.stop();
  split = null;
  wanted = kind;
  active = null;
  const one = current();
  if (one !== TS && options.helper) {
    split = createSplitKernels(options.helper, one);
    active = null;
  }
  return kernelKind();
}

export function kernelKind(): KernelKind {
  return current() === TS ? 'ts' : 'wasm';
}

/**
 * Threads the large products run on now: 2 once the helper is ready, 1 before that, without
 * one, or where threads are unavailable.
 */
export function kernelThreads(): 1 | 2 {
  current();
  return split?.splitting() ? 2 : 1;
}

export function matmul(M: number, N: number, K: number, A: Float64Array, B: Float64Array, C: Float64Array, bias: Float64Array | null): void {
  (active ?? current()).matmul(M, N, K, A, B, C, bias);
}

export function matmulTN(M: number, N: number, K: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  (active ?? current()).matmulTN(M, N, K, A, B, C);
}
