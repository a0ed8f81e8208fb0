// A product's operands in a WebAssembly memory, shared by the one-thread kernels (wasm-dense.ts)
// and the two-thread split (dense-split.ts): A, B and the bias copied in one after another, C
// after them, the memory grown to hold them, and C copied back out.

export const PAGE = 65536;
/** Byte 0 means "no bias" to the kernel, so operands start after one 16-byte slot. */
const BASE = 2;

interface Memory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(pages: number): number;
}

/** Where a staged product's operands start, in doubles (multiply by 8 for the kernel's bytes). */
export interface Staged {
  a: number;
  b: number;
  /** The bias, or 0 when there is none. */
  q: number;
  c: number;
  cLen: number;
}

export interface OperandHeap {
  /** Copies A, B and the bias in; null when the memory may not grow that far. The Staged it returns is reused by the next call (nothing is allocated per product). */
  stage(M: number, N: number, K: number, A: Float64Array, B: Float64Array, bias: Float64Array | null): Staged | null;
  /** Copies the product out of the memory into C. */
  readC(at: Staged, C: Float64Array): void;
}

export function operandHeap(memory: Memory, maxBytes = Infinity): OperandHeap {
  let heap = new Float64Array(memory.buffer);

  function reserve(doubles: number): boolean {
    const bytes = doubles * 8;
    if (bytes > maxBytes) return false;
    const have = memory.buffer.byteLength;
    if (have < bytes) memory.grow(Math.ceil((bytes - have) / PAGE));
    // Growing detaches a plain memory's buffer; a shared one's stays, with its old length.
    if (heap.buffer !== memory.buffer || heap.length * 8 !== memory.buffer.byteLength) heap = new Float64Array(memory.buffer);
    return true;
  }

  const at: Staged = { a: 0, b: 0, q: 0, c: 0, cLen: 0 };
  const put = (src: Float64Array, length: number, at: number): void => heap.set(src.length === length ? src : src.subarray(0, length), at);

  return {
    stage(M, N, K, A, B, bias) {
      const aLen = M * K, bLen = K * N, cLen = M * N, qLen = bias ? N : 0;
      const a = BASE, b = a + aLen, q = b + bLen, c = q + qLen;
      if (!reserve(c + cLen)) return null;
      put(A, aLen, a);
      put(B, bLen, b);
      if (bias) put(bias, qLen, q);
      at.a = a;
      at.b = b;
      at.q = bias ? q : 0;
      at.c = c;
      at.cLen = cLen;
      return at;
    },
    readC(staged, C) {
      C.set(heap.subarray(staged.c, staged.c + staged.cLen));
    },
  };
}
