// Reading projects and writing results. Sizes are checked on disk before anything is read
// (F1), every failure becomes a CliError naming the file, and writes are atomic: a temp
// file in the same folder, flushed, then renamed over the target, so an interrupted write
// never leaves a torn file behind.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MAX_PROJECT_BYTES, parseProject, type Project } from '../core/index';
import { CliError } from './errors';

function describeFsError(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** Read a text file of at most maxBytes, refusing folders and oversize files by their size on disk. */
export function readTextFile(path: string, what: string, maxBytes: number): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new CliError(`Cannot read ${what} '${path}': it is a folder, not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`Cannot read ${what} '${path}': ${describeFsError(e)}`);
  }
  if (size > maxBytes) {
    throw new CliError(`Cannot read ${what} '${path}': it is ${(size / 1048576).toFixed(1)} MiB, over the limit of ${maxBytes / 1048576} MiB`);
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read ${what} '${path}': ${describeFsError(e)}`);
  }
}

/** Load and validate a .bpnn file; the first problem (with its JSON path) becomes the error line. */
export function loadProject(path: string): Project {
  const text = readTextFile(path, 'project', MAX_PROJECT_BYTES);
  const parsed = parseProject(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (parsed.ok) return parsed.project;
  const first = parsed.problems[0];
  const others = parsed.problems.length - 1 + parsed.more;
  const more = others > 0 ? ` (and ${others} more; run 'bpnn validate ${path}' to see them)` : '';
  const where = first.path === '(top level)' ? '' : `${first.path}: `;
  throw new CliError(`${path}: ${where}${first.message}${more}`);
}

/** Fail before a long run, not after it, when `path` cannot be written to. */
export function checkWritable(path: string): void {
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`Cannot write '${path}': it is a folder, not a file`);
    if (!statSync(dirname(path)).isDirectory()) throw new CliError(`Cannot write '${path}': '${dirname(path)}' is not a folder`);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`Cannot write '${path}': the folder '${dirname(path)}' does not exist`);
  }
}

/** Write text to path atomically: temp file in the same folder → fsync → rename → fsync folder. */
export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the original error is the one to report
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file may never have been created
    }
    throw new CliError(`Could not write '${path}': ${describeFsError(e)}. Nothing was changed.`);
  }
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Some file systems cannot fsync a folder; the rename has already happened.
  }
}
