// npm run bench [-- --json] [-- --repeat N] [-- --only xor,linear] [-- --loader] [-- --kernels ts|wasm|both] [-- --threads 1,2]
// Times the training loop alone (data, compile and weight init excluded) for six workloads
// and, where python3 and NumPy exist, the lab's NumPy code (bench/numpy_lab.py) on the same
// XOR and linear runs, side by side. xor and linear are the fixed full-batch compute workloads;
// xor-lab and linear-lab train in the lab's own regime (one step per sample, in order: 105 000
// and 500 000 steps). FLOPs are counted as 6 × parameters × samples (forward 2, backward 4 per
// parameter per sample), summed over the epochs. --kernels picks Linear's products: the
// WebAssembly SIMD kernels (the default where they load) or the TypeScript ones; `both` times
// the two in alternation, repeat by repeat, so that a busy machine slows both alike and the
// ratio holds where the absolute times do not. --threads 1,2 times the WebAssembly kernels on one
// thread and with the helper thread that takes half of each large product (with --kernels both,
// the TypeScript ones too), in alternation, and reports medians.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  LAB_BCE_CLIP,
  createRng,
  createTrainingSession,
  defaultSettings,
  kernelKind,
  nodeId,
  parseProject,
  setKernels,
  kernelThreads,
  projectToSpec,
  withRegime,
  type GeneratorName,
  type KernelKind,
  type ModelSpec,
  type TrainRequest,
} from '../core/index';
import { HELPER_ENTRY_TS } from '../runtime/node-worker-helper-entry';
import { nodeHelperStarter } from '../runtime/node-worker-helper';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NUMPY_SCRIPT = fileURLToPath(new URL('./numpy_lab.py', import.meta.url));
const NUMPY_COMMAND = 'env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/numpy_lab.py';
/** The workloads the NumPy script also runs. */
const NUMPY_WORKLOADS = ['xor', 'linear', 'xor-lab', 'linear-lab', 'mlp'];

interface Workload {
  name: string;
  /** Builds the request; not timed. */
  request(): TrainRequest;
  repeats: number;
}

/**
 * The lab's 2-32-32-1 Sigmoid network on its XOR or linear data, defined here rather than read
 * from the examples so the workloads stay fixed when the examples change: 5000 epochs of SGD at
 * lr 0.05 from standard-normal weights, full batch, or the lab's regime with its BCE clip.
 */
function labRequest(generator: GeneratorName, regime: 'fullBatch' | 'perSample'): TrainRequest {
  const chain: [string, ModelSpec['nodes'][number]['type'], Record<string, number>][] = [
    ['input', 'Input', {}],
    ['fc1', 'Linear', { outFeatures: 32 }],
    ['sig1', 'Sigmoid', {}],
    ['fc2', 'Linear', { outFeatures: 32 }],
    ['sig2', 'Sigmoid', {}],
    ['fc3', 'Linear', { outFeatures: 1 }],
    ['sig3', 'Sigmoid', {}],
  ];
  const base = { ...defaultSettings(), optimizer: { type: 'SGD' as const, lr: 0.05 }, epochs: 5000, init: 'normal' as const };
  return {
    spec: {
      nodes: chain.map(([id, type, params]) => ({ id: nodeId(id), type, params })),
      edges: chain.slice(1).map(([id], i) => ({ source: nodeId(chain[i][0]), target: nodeId(id) })),
    },
    dataset: { kind: 'generator', generator, params: {}, seed: 1 },
    settings: regime === 'perSample' ? { ...withRegime(base, 'perSample'), bceClip: LAB_BCE_CLIP } : withRegime(base, 'fullBatch'),
    initialWeights: null,
  };
}

function fromExample(file: string, epochs: number): TrainRequest {
  const parsed = parseProject(readFileSync(`${ROOT}examples/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems[0].path}: ${parsed.problems[0].message}`);
  const p = parsed.project;
  return { spec: projectToSpec(p), dataset: p.dataset, settings: { ...p.training, epochs }, initialWeights: null };
}

/** 784-128-64-10 ReLU MLP with Softmax + cross-entropy on 4096 random samples (MNIST-sized). */
function mlpRequest(): TrainRequest {
  const rng = createRng(42);
  const n = 4096;
  const features = Array.from({ length: n }, () => Array.from({ length: 784 }, () => rng.next()));
  const labels = Array.from({ length: n }, () => rng.int(10));
  const chain: [string, ModelSpec['nodes'][number]['type'], Record<string, number>][] = [
    ['input', 'Input', {}],
    ['fc1', 'Linear', { outFeatures: 128 }],
    ['relu1', 'ReLU', {}],
    ['fc2', 'Linear', { outFeatures: 64 }],
    ['relu2', 'ReLU', {}],
    ['fc3', 'Linear', { outFeatures: 10 }],
    ['softmax', 'Softmax', {}],
  ];
  return {
    spec: {
      nodes: chain.map(([id, type, params]) => ({ id: nodeId(id), type, params })),
      edges: chain.slice(1).map(([id], i) => ({ source: nodeId(chain[i][0]), target: nodeId(id) })),
    },
    dataset: {
      kind: 'inline',
      name: 'random-784',
      featureNames: Array.from({ length: 784 }, (_, i) => `px${i}`),
      features,
      labels,
      classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    },
    settings: { ...defaultSettings(), loss: 'crossEntropy', optimizer: { type: 'SGD', lr: 0.01 }, epochs: 3, batchSize: 64, init: 'he' },
    initialWeights: null,
  };
}

const WORKLOADS: Workload[] = [
  { name: 'xor', request: () => labRequest('xor', 'fullBatch'), repeats: 3 },
  { name: 'linear', request: () => labRequest('linear', 'fullBatch'), repeats: 3 },
  { name: 'xor-lab', request: () => labRequest('xor', 'perSample'), repeats: 3 },
  { name: 'linear-lab', request: () => labRequest('linear', 'perSample'), repeats: 1 },
  { name: 'mlp', request: mlpRequest, repeats: 1 },
  { name: 'conv1d', request: () => fromExample('waves-conv1d.bpnn', 20), repeats: 3 },
];

interface Measured {
  workload: string;
  ms: number;
  epochsPerSecond: number;
  gflops: number;
  epochs: number;
  samples: number;
  params: number;
  accuracy: number | null;
}

function measure(w: Workload, repeats: number, before: () => void = () => {}): Measured {
  const req = w.request();
  let best = Infinity;
  let last: Omit<Measured, 'ms' | 'epochsPerSecond' | 'gflops'> | null = null;
  for (let r = 0; r < repeats; r++) {
    before();
    const created = createTrainingSession(req, { now: () => performance.now() });
    if (!created.ok) throw new Error(`${w.name}: ${created.problems[0].message}`);
    const s = created.session;
    const t0 = performance.now();
    let result = s.runBatches(Number.MAX_SAFE_INTEGER).finished;
    while (result === null) result = s.runBatches(Number.MAX_SAFE_INTEGER).finished;
    best = Math.min(best, performance.now() - t0);
    last = { workload: w.name, epochs: s.epoch, samples: s.trainIndices.length, params: s.model.paramCount, accuracy: result.accuracy };
  }
  if (last === null) throw new Error('no runs');
  const flops = 6 * last.params * last.samples * last.epochs;
  return { ...last, ms: best, epochsPerSecond: (1000 * last.epochs) / best, gflops: flops / (best / 1000) / 1e9 };
}

interface NumpyResult {
  workload: string;
  ms: number;
}

function numpyReference(names: string[]): NumpyResult[] | string {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  // The app never needs Python: without python3 or NumPy this comparison is left out, saying so.
  const probe = spawnSync('python3', ['-c', 'import numpy'], { env, encoding: 'utf8' });
  if (probe.error !== undefined) return `skipped: python3 is not installed (${probe.error.message})`;
  if (probe.status !== 0) return 'skipped: NumPy is not installed for python3 (pip install numpy)';
  const r = spawnSync('python3', [NUMPY_SCRIPT, ...names], { env, encoding: 'utf8', timeout: 600_000 });
  if (r.error !== undefined) return `skipped: python3 could not finish (${r.error.message})`;
  if (r.status !== 0) return `skipped: ${(r.stderr.trim().split('\n').pop() ?? 'the script failed').slice(0, 200)}`;
  return r.stdout
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as NumpyResult);
}

/**
 * --loader: how long parseProject takes on a near-limit file and on a hostile one, and how much
 * heap it holds afterwards (F1: the heap stays bounded; checked here, not in a timed test).
 */
function loaderBench(): void {
  const doc = JSON.parse(readFileSync(`${ROOT}examples/xor.bpnn`, 'utf8')) as Record<string, unknown>;
  const rng = createRng(7);
  doc.dataset = {
    kind: 'inline',
    name: 'big',
    featureNames: Array.from({ length: 784 }, (_, i) => `px${i}`),
    features: Array.from({ length: 4096 }, () => Array.from({ length: 784 }, () => rng.next())),
    labels: Array.from({ length: 4096 }, () => rng.int(2)),
    classNames: ['0', '1'],
  };
  const cases: [string, string][] = [
    ['inline 4096×784 dataset', JSON.stringify(doc)],
    ['[[[… 100 000 deep', '['.repeat(100_000)],
    ['10^7 numbers', `[${'1,'.repeat(10_000_000)}1]`],
  ];
  const rows: string[][] = [];
  for (const [name, text] of cases) {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const r = parseProject(text);
    const ms = performance.now() - t0;
    const after = process.memoryUsage().heapUsed;
    rows.push([name, `${(text.length / 1048576).toFixed(1)}`, r.ok ? 'ok' : 'refused', ms.toFixed(0), `${((after - before) / 1048576).toFixed(0)}`]);
  }
  process.stdout.write('\n');
  table(['loader input', 'MiB', 'result', 'ms', 'heap +MiB'], rows);
}

interface Args {
  json: boolean;
  repeat: number | null;
  only: string[] | null;
  loader: boolean;
  kernels: KernelKind | 'both' | null;
  threads: (1 | 2)[] | null;
}

function parseArgs(argv: string[]): Args {
  const json = argv.includes('--json');
  const loader = argv.includes('--loader');
  const ri = argv.indexOf('--repeat');
  const repeat = ri >= 0 ? Number(argv[ri + 1]) : null;
  if (repeat !== null && !(Number.isInteger(repeat) && repeat >= 1)) {
    process.stderr.write('bench: --repeat must be a whole number ≥ 1\n');
    process.exit(2);
  }
  const oi = argv.indexOf('--only');
  const only = oi >= 0 ? (argv[oi + 1] ?? '').split(',') : null;
  const ki = argv.indexOf('--kernels');
  const kernels = ki >= 0 ? argv[ki + 1] : null;
  if (kernels !== null && kernels !== 'ts' && kernels !== 'wasm' && kernels !== 'both') {
    process.stderr.write('bench: --kernels must be ts, wasm or both\n');
    process.exit(2);
  }
  const ti = argv.indexOf('--threads');
  const threads = ti >= 0 ? (argv[ti + 1] ?? '').split(',').map(Number) : null;
  if (threads !== null && !threads.every((t): t is 1 | 2 => t === 1 || t === 2)) {
    process.stderr.write('bench: --threads takes 1, 2 or 1,2\n');
    process.exit(2);
  }
  return { json, repeat, only, loader, kernels, threads: threads as (1 | 2)[] | null };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.loader) {
    loaderBench();
    return;
  }
  if (args.threads !== null) {
    await compareThreads(WORKLOADS.filter((w) => args.only === null || args.only.includes(w.name)), args);
    return;
  }
  if (args.kernels === 'both') {
    compareKernels(WORKLOADS.filter((w) => args.only === null || args.only.includes(w.name)), args.repeat);
    return;
  }
  if (args.kernels !== null && setKernels(args.kernels) !== args.kernels) {
    process.stderr.write(`bench: the ${args.kernels} kernels are not available here\n`);
    process.exit(2);
  }
  if (!args.json) process.stdout.write(`Linear's products: ${kernelKind() === 'wasm' ? 'WebAssembly SIMD' : 'TypeScript'} kernels\n`);
  const chosen = WORKLOADS.filter((w) => args.only === null || args.only.includes(w.name));
  const results: Measured[] = [];
  for (const w of chosen) {
    const m = measure(w, args.repeat ?? w.repeats);
    results.push(m);
    if (args.json) process.stdout.write(`${JSON.stringify({ workload: m.workload, ms: round(m.ms, 1), epochsPerSecond: round(m.epochsPerSecond, 1), gflops: round(m.gflops, 3) })}\n`);
  }
  if (args.json) return;

  const rows = results.map((m) => [m.workload, String(m.epochs), String(m.samples), String(m.params), m.ms.toFixed(1), m.epochsPerSecond.toFixed(1), m.gflops.toFixed(3)]);
  table(['workload', 'epochs', 'samples', 'params', 'ms (best)', 'epochs/s', 'GFLOP/s'], rows);

  const labNames = results.map((m) => m.workload).filter((n) => NUMPY_WORKLOADS.includes(n));
  if (labNames.length === 0) return;
  process.stdout.write(`\nNumPy reference (the lab's own code, full batch and its per-sample loop): ${NUMPY_COMMAND}\n`);
  const ref = numpyReference(labNames);
  if (typeof ref === 'string') {
    process.stdout.write(`  ${ref}\n`);
    return;
  }
  const side = labNames.map((n) => {
    const ours = results.find((m) => m.workload === n);
    const theirs = ref.find((x) => x.workload === n);
    return [n, ours ? ours.ms.toFixed(1) : '–', theirs ? theirs.ms.toFixed(1) : '–', ours && theirs ? `${(ours.ms / theirs.ms).toFixed(2)}×` : '–'];
  });
  table(['workload', 'engine ms', 'numpy ms', 'engine / numpy'], side);
  process.stdout.write('  (below 1× means the engine is faster than the lab\'s NumPy code)\n');
}

/** Each workload with the TypeScript and the WebAssembly kernels, one repeat of each in turn. */
function compareKernels(chosen: Workload[], repeat: number | null): void {
  if (setKernels('wasm') !== 'wasm') {
    process.stderr.write('bench: the wasm kernels are not available here\n');
    process.exit(2);
  }
  const rows = chosen.map((w) => {
    const best = { ts: Infinity, wasm: Infinity };
    let gflops = { ts: 0, wasm: 0 };
    for (let r = 0; r < Math.max(2, repeat ?? w.repeats); r++) {
      for (const kind of ['ts', 'wasm'] as const) {
        const m = measure(w, 1, () => setKernels(kind));
        if (m.ms < best[kind]) {
          best[kind] = m.ms;
          gflops = { ...gflops, [kind]: m.gflops };
        }
      }
    }
    return [w.name, best.ts.toFixed(1), best.wasm.toFixed(1), gflops.ts.toFixed(3), gflops.wasm.toFixed(3), `${(best.ts / best.wasm).toFixed(2)}×`];
  });
  table(['workload', 'ts ms', 'wasm ms', 'ts GFLOP/s', 'wasm GFLOP/s', 'wasm speed-up'], rows);
}

type Variant = 'ts' | 'wasm×1' | 'wasm×2';

/** The kernels of `v`; for two threads, once the helper thread is ready (its start is not timed). */
async function choose(v: Variant): Promise<void> {
  if (v !== 'wasm×2') {
    setKernels(v === 'ts' ? 'ts' : 'wasm');
    return;
  }
  setKernels('wasm', { helper: nodeHelperStarter(HELPER_ENTRY_TS) });
  for (let waited = 0; kernelThreads() !== 2; waited += 10) {
    if (waited > 30_000) throw new Error('bench: the helper thread did not start');
    await sleep(10);
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Each workload with one and two threads (and the TypeScript kernels with --kernels both), one
 * round of each in turn, so a busy machine slows all alike; medians over the rounds (3 by default).
 * With mlp, NumPy's time on the same network beside them.
 */
async function compareThreads(chosen: Workload[], args: Args): Promise<void> {
  if (setKernels('wasm') !== 'wasm') {
    process.stderr.write('bench: the wasm kernels are not available here\n');
    process.exit(2);
  }
  const variants: Variant[] = [
    ...(args.kernels === 'both' || args.kernels === 'ts' ? ['ts' as const] : []),
    ...args.threads!.map((t) => (t === 1 ? 'wasm×1' as const : 'wasm×2' as const)),
  ];
  const medians = new Map<string, Map<Variant, number>>();
  for (const w of chosen) {
    const times = new Map<Variant, number[]>(variants.map((v) => [v, []]));
    for (let r = 0; r < (args.repeat ?? 3); r++) {
      for (const v of variants) {
        await choose(v);
        times.get(v)!.push(measure(w, 1).ms);
      }
    }
    medians.set(w.name, new Map(variants.map((v) => [v, median(times.get(v)!)])));
  }
  setKernels('wasm');
  const ratio = (a: Variant, b: Variant) => variants.includes(a) && variants.includes(b);
  table(
    ['workload', ...variants.map((v) => `${v} ms`), ...(ratio('wasm×1', 'wasm×2') ? ['×2 speed-up'] : []), ...(ratio('ts', 'wasm×1') ? ['wasm speed-up'] : [])],
    chosen.map((w) => {
      const m = medians.get(w.name)!;
      return [
        w.name,
        ...variants.map((v) => m.get(v)!.toFixed(1)),
        ...(ratio('wasm×1', 'wasm×2') ? [`${(m.get('wasm×1')! / m.get('wasm×2')!).toFixed(2)}×`] : []),
        ...(ratio('ts', 'wasm×1') ? [`${(m.get('ts')! / m.get('wasm×1')!).toFixed(2)}×`] : []),
      ];
    }),
  );
  process.stdout.write(`  (medians of ${args.repeat ?? 3} rounds)\n`);
  if (!chosen.some((w) => w.name === 'mlp')) return;
  const ref = numpyReference(['mlp']);
  if (typeof ref === 'string') {
    process.stdout.write(`\nNumPy mlp: ${ref}\n`);
    return;
  }
  const np = ref.find((x) => x.workload === 'mlp');
  if (!np) return;
  process.stdout.write(`\nNumPy mlp (${NUMPY_COMMAND} mlp): ${np.ms.toFixed(1)} ms\n`);
  const m = medians.get('mlp')!;
  for (const v of variants) process.stdout.write(`  ${v}: ${(np.ms / m.get(v)!).toFixed(2)}× NumPy's speed\n`);
}

const round = (v: number, digits: number): number => Number(v.toFixed(digits));

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}

void main();
