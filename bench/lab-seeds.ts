// npm run bench:lab-seeds [-- --seeds 10] [-- examples/xor.bpnn …]
// How many seeds reach 100 % training accuracy when the lab's examples are trained exactly as a
// student would: `bpnn train <example> --seed k --json`, one process per seed, the final
// accuracy read from the done line. The acceptance bar for the lab's regime is 9 of 10.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BPNN = fileURLToPath(new URL('../bin/bpnn.mjs', import.meta.url));

interface Done {
  event: string;
  accuracy: number | null;
  loss: number | null;
}

function parseArgs(argv: string[]): { seeds: number; files: string[] } {
  const si = argv.indexOf('--seeds');
  const seeds = si >= 0 ? Number(argv[si + 1]) : 10;
  if (!(Number.isInteger(seeds) && seeds >= 1)) {
    process.stderr.write('lab-seeds: --seeds must be a whole number ≥ 1\n');
    process.exit(2);
  }
  const files = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--seeds');
  return { seeds, files: files.length ? files : ['examples/xor.bpnn', 'examples/linear.bpnn'] };
}

function trainOnce(file: string, seed: number): Done | string {
  const r = spawnSync(process.execPath, [BPNN, 'train', file, '--seed', String(seed), '--json'], { cwd: ROOT, encoding: 'utf8' });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) return (r.stderr.trim() || `exit ${r.status}`).split('\n')[0];
  return JSON.parse(last) as Done;
}

const { seeds, files } = parseArgs(process.argv.slice(2));
for (const file of files) {
  let full = 0;
  const cells: string[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const r = trainOnce(file, seed);
    if (typeof r === 'string') {
      cells.push(`seed ${seed}: ${r}`);
      continue;
    }
    if (r.accuracy === 1) full++;
    cells.push(`${seed}:${r.accuracy === null ? '–' : (100 * r.accuracy).toFixed(0)}%`);
  }
  process.stdout.write(`${file}: 100% on ${full} of ${seeds} seeds  (${cells.join(' ')})\n`);
}
