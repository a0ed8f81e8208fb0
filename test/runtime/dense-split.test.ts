// The second core: a large product's rows split between this thread and a helper thread on
// worker_threads give the one-thread numbers bit for bit (every shape, odd ones too, below and
// above the threshold); without shared memory the kernels stay on one thread with the same
// numbers; the helper ends with the kernels' choice and never keeps a process alive.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSplitKernels, SPLIT_MIN, type SplitKernels } from '../../core/kernels/dense-split';
import { kernelThreads, matmul, setKernels } from '../../core/kernels/dense';
import { loadWasmDense } from '../../core/kernels/wasm-dense';
import { createRng } from '../../core/random';
import type { StartHelper } from '../../core/kernels/split-protocol';
import { HELPER_ENTRY_TS } from '../../runtime/node-worker-helper-entry';
import { nodeHelperStarter } from '../../runtime/node-worker-helper';

const rng = createRng(17);
function values(n: number): Float64Array {
  // Mixed signs and magnitudes, so a changed order of additions would change the rounding.
  return Float64Array.from({ length: n }, () => (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 6 - 3));
}

function expectSameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) expect(actual[i], `${what}: index ${i}`).toBe(expected[i]);
  }
}

async function until(ready: () => boolean): Promise<void> {
  await expect.poll(ready, { timeout: 120_000, interval: 10 }).toBe(true);
}

const one = loadWasmDense()!;
const start = nodeHelperStarter(HELPER_ENTRY_TS);
const open: SplitKernels[] = [];
afterEach(() => {
  for (const k of open.splice(0)) k.stop();
  setKernels('wasm');
  vi.unstubAllGlobals();
});

async function split(splitMin: number, helper: StartHelper = start): Promise<SplitKernels> {
  const k = createSplitKernels(helper, one, splitMin);
  expect(k, 'threads are available in Node').not.toBeNull();
  open.push(k!);
  await until(() => k!.splitting());
  return k!;
}

function compare(k: SplitKernels, M: number, N: number, K: number): void {
  const what = `M ${M}, N ${N}, K ${K}`;
  const A = values(M * K), At = values(K * M), B = values(K * N), bias = values(N);
  for (const q of [null, bias]) {
    const want = new Float64Array(M * N).fill(7), got = new Float64Array(M * N).fill(-7);
    one.matmul(M, N, K, A, B, want, q);
    k.matmul(M, N, K, A, B, got, q);
    expectSameBits(got, want, `matmul ${what}${q ? ' + bias' : ''}`);
  }
  const want = new Float64Array(M * N), got = new Float64Array(M * N);
  one.matmulTN(M, N, K, At, B, want);
  k.matmulTN(M, N, K, At, B, got);
  expectSameBits(got, want, `matmulTN ${what}`);
}

describe('products split over two threads', () => {
  it('give one thread’s numbers bit for bit on every small shape, each split', async () => {
    const k = await split(0);
    for (let M = 1; M <= 19; M++) {
      for (const N of [1, 2, 3, 4, 5, 7, 9]) {
        for (const K of [0, 1, 3, 8]) compare(k, M, N, K);
      }
    }
    // Three products per shape from M = 8 on.
    expect(k.splits()).toBe(12 * 7 * 4 * 3);
  });

  it('give one thread’s numbers on W3’s products and odd ones around the threshold', async () => {
    const k = await split(SPLIT_MIN);
    const shapes = [[64, 128, 784], [128, 784, 64], [64, 784, 128], [64, 64, 128], [63, 129, 65], [65, 127, 63], [9, 10, 11], [37, 31, 29], [8, 8, 8], [7, 400, 400]];
    for (const [M, N, K] of shapes) compare(k, M, N, K);
    const large = shapes.filter(([M, N, K]) => M >= 8 && M * N * K >= SPLIT_MIN).length;
    expect(large).toBeGreaterThan(3);
    expect(large).toBeLessThan(shapes.length);
    // Three products per shape.
    expect(k.splits()).toBe(large * 3);
  });

  it('grow the shared memory for a large product after small ones, and go back to small ones', async () => {
    const k = await split(0);
    for (const [M, N, K] of [[8, 3, 4], [64, 128, 784], [301, 500, 300], [9, 5, 2]]) compare(k, M, N, K);
  });
});

describe('one thread instead', () => {
  it('where SharedArrayBuffer is missing (a page that is not cross-origin isolated)', () => {
    vi.stubGlobal('SharedArrayBuffer', undefined);
    const helper = vi.fn(start);
    expect(createSplitKernels(helper, one)).toBeNull();
    expect(helper).not.toHaveBeenCalled();
    setKernels('wasm', { helper });
    expect(kernelThreads()).toBe(1);
    const [M, N, K] = [64, 128, 784];
    const A = values(M * K), B = values(K * N), want = new Float64Array(M * N), got = new Float64Array(M * N);
    one.matmul(M, N, K, A, B, want, null);
    matmul(M, N, K, A, B, got, null);
    expectSameBits(got, want, 'matmul without threads');
  });

  it('until the helper is ready, and after it failed to start', () => {
    const k = createSplitKernels(() => ({ terminate: () => {} }), one, 0)!;
    open.push(k);
    expect(k.splitting()).toBe(false);
    const [M, N, K] = [16, 8, 8];
    const A = values(M * K), B = values(K * N), want = new Float64Array(M * N), got = new Float64Array(M * N);
    one.matmul(M, N, K, A, B, want, null);
    k.matmul(M, N, K, A, B, got, null);
    expectSameBits(got, want, 'matmul before the helper is ready');
  });
});

describe('the helper thread', () => {
  it('is started by setKernels with a helper and ended by the next choice', async () => {
    const terminated = vi.fn();
    const helper: StartHelper = (init) => {
      const t = start(init);
      return { terminate: () => { terminated(); t.terminate(); } };
    };
    setKernels('wasm', { helper });
    await until(() => kernelThreads() === 2);
    setKernels('wasm');
    expect(terminated).toHaveBeenCalledTimes(1);
    expect(kernelThreads()).toBe(1);
    setKernels('ts', { helper });
    expect(kernelThreads()).toBe(1);
  });

  it('does not keep a process alive after its products', () => {
    const script = fileURLToPath(new URL('./fixtures/split-then-exit.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 300_000 });
    expect(r.error, r.stderr).toBeUndefined();
    expect(r.stdout.trim()).toBe('split 2');
    expect(r.status).toBe(0);
  }, 600_000);
});
