// What the two threads of a split product share: a WebAssembly memory both instances of the
// shared-memory kernels run on (operands are copied in once, each thread computes its rows in
// place), and a small Int32Array of slots for the hand-off through Atomics.
import { decodeBase64 } from './base64';
import { DENSE_WASM_SHARED_BASE64 } from './dense-wasm-shared-bytes';

/** The slots of the control array. Pointers are byte offsets into the shared memory. */
export const SLOT = {
  /** Bumped by the caller for each job (and to stop); the helper waits on it. */
  seq: 0,
  /** The last job the helper finished; the caller waits on it. */
  done: 1,
  /** 1 once the helper's instance is ready; until then every product runs on one thread. */
  ready: 2,
  /** 1: the helper returns instead of running the job. */
  stop: 3,
  /** 1 after the helper's kernel threw: the caller computes that job's rows itself, and stops splitting. */
  failed: 4,
  M: 5, N: 6, K: 7, a: 8, aRow: 9, aCol: 10, b: 11, c: 12, bias: 13,
} as const;
export const SLOTS = 14;

/** Must equal SHARED_MAX_PAGES in scripts/build-wasm.mjs: an imported memory may not exceed the module's maximum. */
export const SHARED_MAX_PAGES = 4096;
export const PAGE = 65536;

/** What the runtime hands the helper thread it starts (structured-cloneable: both shared). */
export interface HelperInit {
  /** A shared WebAssembly.Memory. */
  memory: object;
  control: SharedArrayBuffer;
}

/** Ends a helper thread. */
export interface HelperThread {
  terminate(): void;
}

/**
 * Starts a thread that runs runSplitHelper(init) (core/kernels/split-helper.ts). Provided by
 * the runtime, since core/ cannot start threads: worker_threads in Node, a Web Worker in a browser.
 */
export type StartHelper = (init: HelperInit) => HelperThread;

export type MatmulExport = (
  M: number, N: number, K: number, a: number, aRow: number, aCol: number, b: number, c: number, bias: number,
) => void;

// core/ compiles against ES2022 alone, which does not declare WebAssembly: the few members used.
export interface SharedWasmMemory {
  readonly buffer: SharedArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => SharedWasmMemory;
}

function wasmApi(): WasmApi | null {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly ?? null;
}

/**
 * A new shared memory, or null where threads are unavailable: no SharedArrayBuffer (a page that
 * is not cross-origin isolated hides it), or no shared WebAssembly memory.
 */
export function createSharedMemory(): SharedWasmMemory | null {
  const api = wasmApi();
  if (!api || typeof SharedArrayBuffer === 'undefined' || typeof Atomics === 'undefined') return null;
  try {
    const memory = new api.Memory({ initial: 1, maximum: SHARED_MAX_PAGES, shared: true });
    return memory.buffer instanceof SharedArrayBuffer ? memory : null;
  } catch {
    return null;
  }
}

/** The shared-memory kernel on `memory`, or null where the module cannot run (no SIMD or threads, a CSP). */
export function sharedKernel(memory: object): MatmulExport | null {
  const api = wasmApi();
  if (!api) return null;
  const bytes = decodeBase64(DENSE_WASM_SHARED_BASE64);
  if (!api.validate(bytes)) return null;
  try {
    return new api.Instance(new api.Module(bytes), { env: { memory } }).exports.matmul as MatmulExport;
  } catch {
    return null;
  }
}
