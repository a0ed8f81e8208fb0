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

const PAGE = 65536;
/** Byte 0 means "no bias" to the kernel, so operands start after one 16-byte slot. */
const BASE = 2;

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
  let heap = new Float64Array(memory.buffer);

  /** The memory as doubles, grown to hold at least `doubles` of them. */
  function reserve(doubles: number): Float64Array {
    const bytes = doubles * 8;
    if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
    // Growing detaches the old buffer and every view of it.
    if (heap.buffer !== memory.buffer) heap = new Float64Array(memory.buffer);
    return heap;
  }

  function put(h: Float64Array, src: Float64Array, length: number, at: number): void {
    h.set(src.length === length ? src : src.subarray(0, length), at);
  }

  function run(
    M: number, N: number, K: number, A: Float64Array, aRow: number, aCol: number,
    B: Float64Array, C: Float64Array, bias: Float64Array | null,
  ): void {
    const aLen = M * K, bLen = K * N, cLen = M * N, qLen = bias ? N : 0;
    const a = BASE, b = a + aLen, q = b + bLen, c = q + qLen;
    const h = reserve(c + cLen);
    put(h, A, aLen, a);
    put(h, B, bLen, b);
    if (bias) put(h, bias, qLen, q);
    kernel(M, N, K, a * 8, aRow, aCol, b * 8, c * 8, bias ? q * 8 : 0);
    C.set(h.subarray(c, c + cLen));
  }

  return {
    matmul: (M, N, K, A, B, C, bias) => run(M, N, K, A, K, 1, B, C, bias),
    matmulTN: (M, N, K, A, B, C) => run(M, N, K, A, 1, M, B, C, null),
  };
}
