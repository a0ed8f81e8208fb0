// The WebAssembly SIMD kernels (wasm/dense.ts) behind the DenseKernels interface.
//
// Operands are copied into the module's memory for each product and the result copied out.
// The copies are O(M·K + K·N + M·N) against O(M·N·K) multiply-adds (about 2–5% of a 784-128
// layer's forward at batch 64), and they keep every tensor an ordinary Float64Array: the layers,
// optimizers, workers and transfers that hold them need no change, and the TypeScript path
// stays the same code. Tensors living in the wasm memory would save the copies; that is a
// larger change (every allocation, and views that die when the memory grows).
import type { DenseKernels } from './dense-types';
import { DENSE_WASM_BASE64 } from './dense-wasm-bytes';
import { decodeBase64 } from './base64';
import { operandHeap } from './operand-heap';

// core/ compiles against ES2022 alone, which does not declare WebAssembly: the few members used.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}
type MatmulExport = (
  M: number, N: number, K: number, a: number, aRow: number, aCol: number, b: number, c: number, bias: number,
) => void;


/**
 * The kernels, or null where they cannot run: no WebAssembly, no SIMD (validation fails), or a
 * page policy without 'wasm-unsafe-eval' (compilation throws). Compiled synchronously: the module
 * is under 2 KB, well below the size browsers refuse to compile off a worker's main thread.
 */
export function loadWasmDense(): DenseKernels | null {
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return null;
  const bytes = decodeBase64(DENSE_WASM_BASE64);
  // Validating the module itself is the SIMD feature test: it fails exactly where these
  // instructions are unknown, which a separate probe module could only approximate.
  if (!api.validate(bytes)) return null;
  let exports: Record<string, unknown>;
  try {
    exports = new api.Instance(new api.Module(bytes), {}).exports;
  } catch {
    return null;
  }
  return wrap(exports.matmul as MatmulExport, exports.memory as WasmMemory);
}

function wrap(kernel: MatmulExport, memory: WasmMemory): DenseKernels {
  const heap = operandHeap(memory);

  function run(
    M: number, N: number, K: number, A: Float64Array, aRow: number, aCol: number,
    B: Float64Array, C: Float64Array, bias: Float64Array | null,
  ): void {
    const at = heap.stage(M, N, K, A, B, bias)!;
    kernel(M, N, K, at.a * 8, aRow, aCol, at.b * 8, at.c * 8, at.q * 8);
    heap.readC(at, C);
  }

  return {
    matmul: (M, N, K, A, B, C, bias) => run(M, N, K, A, K, 1, B, C, bias),
    matmulTN: (M, N, K, A, B, C) => run(M, N, K, A, 1, M, B, C, null),
  };
}
