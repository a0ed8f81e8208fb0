// Linear's products on two threads: this one and a helper (core/kernels/split-helper.ts) that
// share one WebAssembly memory. The operands are copied in once; the helper computes the lower
// rows of C and this thread the upper ones, at the same time. Each output is still one lane's
// sum over k in ascending order, whichever thread and row block computes it, so the numbers are
// those of one thread bit for bit.
//
// Small products stay on this thread (through `one`): waking the helper costs microseconds, and
// tens of them when the other core is busy, more than half of a product below SPLIT_MIN
// multiply-adds saves. W3's products (64·128·784, 64·64·128) split; the lab's 2-32-32-1 networks
// (at most 200·32·32) do not.
import type { DenseKernels } from './dense-types';
import {
  createSharedMemory, PAGE, SHARED_MAX_PAGES, sharedKernel, SLOT, SLOTS,
  type HelperThread, type StartHelper,
} from './split-protocol';
import { operandHeap } from './operand-heap';

/** M·N·K from which a product is split (bench/run.ts --threads 1,2 compares). */
export const SPLIT_MIN = 1 << 19;
/** Fewer rows than this leave the helper too little to do. */
const SPLIT_MIN_ROWS = 8;

export interface SplitKernels extends DenseKernels {
  /** Ends the helper thread; later products run on this thread. */
  stop(): void;
  /** True once the helper is ready and has not failed. */
  splitting(): boolean;
  /** Products the helper has taken its half of, so far. */
  splits(): number;
}

/**
 * The two-thread kernels, or null where threads are unavailable (no SharedArrayBuffer or shared
 * WebAssembly memory, or the module does not run): then `one` alone, with the same numbers.
 */
export function createSplitKernels(start: StartHelper, one: DenseKernels, splitMin = SPLIT_MIN): SplitKernels | null {
  const memory = createSharedMemory();
  if (!memory) return null;
  const kernel = sharedKernel(memory);
  if (!kernel) return null;
  const control = new SharedArrayBuffer(SLOTS * 4);
  const ctl = new Int32Array(control);
  let helper: HelperThread | null;
  try {
    helper = start({ memory, control });
  } catch {
    return null;
  }
  const heap = operandHeap(memory, SHARED_MAX_PAGES * PAGE);

  function usable(): boolean {
    return helper !== null && Atomics.load(ctl, SLOT.ready) === 1 && Atomics.load(ctl, SLOT.failed) === 0;
  }

  /** False when the product is not split (the caller then runs it on one thread). */
  function run(
    M: number, N: number, K: number, A: Float64Array, aRow: number, aCol: number,
    B: Float64Array, C: Float64Array, bias: Float64Array | null,
  ): boolean {
    if (M < SPLIT_MIN_ROWS || M * N * K < splitMin || !usable()) return false;
    const at = heap.stage(M, N, K, A, B, bias);
    if (!at) return false;
    const { a, b, c } = at;
    // This thread's rows: half, rounded up to the kernel's blocks of 4.
    const mine = ((M >> 1) + 3) & ~3;
    const qPtr = at.q * 8;
    ctl[SLOT.M] = M - mine;
    ctl[SLOT.N] = N;
    ctl[SLOT.K] = K;
    ctl[SLOT.a] = (a + mine * aRow) * 8;
    ctl[SLOT.aRow] = aRow;
    ctl[SLOT.aCol] = aCol;
    ctl[SLOT.b] = b * 8;
    ctl[SLOT.c] = (c + mine * N) * 8;
    ctl[SLOT.bias] = qPtr;
    const seq = (Atomics.load(ctl, SLOT.seq) + 1) | 0;
    Atomics.store(ctl, SLOT.seq, seq);
    Atomics.notify(ctl, SLOT.seq);
    kernel!(mine, N, K, a * 8, aRow, aCol, b * 8, c * 8, qPtr);
    for (let done = Atomics.load(ctl, SLOT.done); done !== seq; done = Atomics.load(ctl, SLOT.done)) {
      Atomics.wait(ctl, SLOT.done, done);
    }
    if (Atomics.load(ctl, SLOT.failed) === 1) {
      kernel!(M - mine, N, K, ctl[SLOT.a], aRow, aCol, b * 8, ctl[SLOT.c], qPtr);
    }
    heap.readC(at, C);
    return true;
  }

  return {
    matmul(M, N, K, A, B, C, bias) {
      if (!run(M, N, K, A, K, 1, B, C, bias)) one.matmul(M, N, K, A, B, C, bias);
    },
    matmulTN(M, N, K, A, B, C) {
      if (!run(M, N, K, A, 1, M, B, C, null)) one.matmulTN(M, N, K, A, B, C);
    },
    stop() {
      if (!helper) return;
      Atomics.store(ctl, SLOT.stop, 1);
      Atomics.add(ctl, SLOT.seq, 1);
      Atomics.notify(ctl, SLOT.seq);
      helper.terminate();
      helper = null;
    },
    splitting: usable,
    splits: () => Atomics.load(ctl, SLOT.done),
  };
}
