// The CLI's file handling: it reads only regular UTF-8 files, never more than the limit (a FIFO
// or a link to /dev/zero is refused at once, docs/reliability.md F1), and writes through the
// desktop app's atomic save (symlinks followed, the mode kept, a .bak, D2–D4). FIFOs and devices
// are tried in a child process, as a user's shell would run bpnn: a CLI that blocked on one
// would hang the test worker itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTextFile, writeOutput } from '../../cli/files';
import { CliError } from '../../cli/errors';
import { BIN, bpnn, expectOneLineError, ROOT, tempDir, writeTemp, type Run } from './run';

/** A generous guard against a hang (never a speed check): a refused FIFO returns at once. */
const HANG_GUARD_MS = 300_000;

/** Like bpnn(), but killed if it blocks, so a FIFO that hangs fails the test instead of the run. */
function bpnnGuarded(args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: HANG_GUARD_MS, killSignal: 'SIGKILL' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter((l) => l !== '') };
}

function fifoIn(dir: string, name: string): string {
  const path = join(dir, name);
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  return path;
}

const xorText = readFileSync(join(ROOT, 'examples/xor.bpnn'), 'utf8');
const utf16le = (s: string, bom: boolean) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);
const TEMP_SUFFIX = '.bpnn-tmp';
/** A temp file name as a killed writer leaves it; no process has a pid this large. */
const staleTemp = (target: string) => `.${target}.999999999.0.1.abcd${TEMP_SUFFIX}`;

let trained = '';
beforeAll(() => {
  trained = join(tempDir(), 'trained.bpnn');
  const r = bpnn(['train', 'examples/xor.bpnn', '--epochs', '1', '--json', '--out', trained]);
  if (r.code !== 0) throw new Error(r.stderr);
}, 600_000);

describe('bpnn reads only regular files (F1)', () => {
  it('F1: validate refuses a FIFO at once with one line, instead of waiting for a writer', () => {
    const fifo = fifoIn(tempDir(), 'z.bpnn');
    expectOneLineError(bpnnGuarded(['validate', fifo]), 1, /'.*z\.bpnn' is not a regular file \(it is a FIFO\); open a \.bpnn project file$/, expect);
  });

  it('F1: validate refuses a symlink to /dev/zero at once, instead of reading without end', () => {
    const link = join(tempDir(), 'z.bpnn');
    symlinkSync('/dev/zero', link);
    expectOneLineError(bpnnGuarded(['validate', link]), 1, /'.*z\.bpnn' is not a regular file \(it is a device\); open a \.bpnn project file$/, expect);
  });

  it('F1: predict refuses a FIFO as its --input CSV', () => {
    const fifo = fifoIn(tempDir(), 'points.csv');
    expectOneLineError(bpnnGuarded(['predict', trained, '--input', fifo]), 1, /'.*points\.csv' is not a regular file \(it is a FIFO\); open a CSV file of points$/, expect);
  });

  it('F1: a folder is refused the same way', () => {
    expectOneLineError(bpnn(['validate', 'examples']), 1, /^bpnn: 'examples' is not a regular file \(it is a folder\); open a \.bpnn project file$/, expect);
  });

  it('F1: a symlink to a regular project file is read as usual', () => {
    const dir = tempDir();
    const real = writeTemp(dir, 'real.bpnn', xorText);
    symlinkSync(real, join(dir, 'link.bpnn'));
    const r = bpnn(['validate', join(dir, 'link.bpnn')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('F1: reads at most the limit, even from a file whose size on disk says 0 (/proc)', () => {
    // /proc files report size 0 however much they hold: only a bounded read notices.
    expect(statSync('/proc/self/status').size).toBe(0);
    expect(() => readTextFile('/proc/self/status', 'project', 100)).toThrow(/^Cannot read project '\/proc\/self\/status': it is .* MiB, over the limit/);
  });
});

describe('bpnn reads UTF-8 only, and says how to fix other encodings', () => {
  it('validate refuses a UTF-16 LE project with a byte-order mark', () => {
    const path = join(tempDir(), 'wide.bpnn');
    writeFileSync(path, utf16le(xorText, true));
    expectOneLineError(bpnn(['validate', path]), 1, /^bpnn: Cannot read project '.*wide\.bpnn': this file is UTF-16; save it as UTF-8$/, expect);
  });

  it('the CSV of predict: UTF-16 without a byte-order mark is refused, not read as NUL-filled names', () => {
    const path = join(tempDir(), 'points.csv');
    writeFileSync(path, utf16le('x1,x2\n0.1,0.9\n', false));
    expect(() => readTextFile(path, 'points', 1024)).toThrow(/^Cannot read points file '.*points\.csv': this file is UTF-16; save it as UTF-8$/);
  });

  it('the CSV of predict: Latin-1 é is refused naming the byte and the line, not turned into U+FFFD', () => {
    const path = join(tempDir(), 'points.csv');
    writeFileSync(path, Buffer.from('x1,x2\n0.1,0.9\n0.5,0.2 caf\u00e9\n', 'latin1'));
    expect(() => readTextFile(path, 'points', 1024)).toThrow(/: this file is not UTF-8 \(byte 0xE9 at line 3\); save it as UTF-8$/);
  });

  it('a UTF-8 byte-order mark still works, for a project and for a CSV', () => {
    const dir = tempDir();
    const bom = '\ufeff';
    const r = bpnn(['validate', writeTemp(dir, 'bom.bpnn', bom + xorText)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readTextFile(writeTemp(dir, 'bom.csv', `${bom}x1,x2\n0.1,0.9\n`), 'points', 1024)).toBe('x1,x2\n0.1,0.9\n');
  });
});

describe('bpnn writes through the app’s atomic save (D2–D4)', () => {
  it('D3: train --out through a symlink writes the link’s target, keeps the link and the 0600 mode; D4: keeps a .bak', () => {
    const dir = tempDir();
    const real = writeTemp(dir, 'real.bpnn', xorText);
    chmodSync(real, 0o600);
    const link = join(dir, 'link.bpnn');
    symlinkSync(real, link);
    const r = bpnn(['train', 'examples/xor.bpnn', '--epochs', '1', '--json', '--out', link]);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(real, 'utf8')).weights).not.toBeNull();
    expect(readFileSync(`${real}.bak`, 'utf8')).toBe(xorText);
  });

  it('D3: train --weights keeps a 0600 file at 0600', () => {
    const dir = tempDir();
    const weights = writeTemp(dir, 'w.json', '{}');
    chmodSync(weights, 0o600);
    expect(bpnn(['train', 'examples/xor.bpnn', '--epochs', '1', '--json', '--weights', weights]).code).toBe(0);
    expect(statSync(weights).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(weights, 'utf8')).layers.length).toBeGreaterThan(0);
  });

  it('D2: writing an output clears temp files a killed earlier write left beside it', () => {
    const dir = tempDir();
    writeTemp(dir, staleTemp('out.bpnn'), 'half a project');
    expect(bpnn(['train', 'examples/xor.bpnn', '--epochs', '1', '--json', '--out', join(dir, 'out.bpnn')]).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['out.bpnn']);
  });

  it('writeOutput: when the rename fails, reports it in one sentence, and leaves no temp file', async () => {
    const dir = tempDir();
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'x');
    const error = await writeOutput(target, 'new', 'export').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toBe("Could not save 'taken': a folder has that name. Your previous version is untouched.");
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(target)).toEqual(['inside']);
  });
});
