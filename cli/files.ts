// Reading projects and CSV files, and writing results. Reads go through node/files/read.ts (a
// regular file only, never more than the limit: a path to /dev/zero or a FIFO is refused at
// once) and core's decodeText (UTF-8 only, F1); writes go through the same atomic save as the
// desktop app (node/files/atomic-write.ts: through a symlink to its target, the file's mode
// kept, a .bak for projects). Every failure becomes a CliError naming the file.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { MAX_PROJECT_BYTES, decodeText, parseProject, type Project } from '../core/index';
import { atomicWrite, describeFsError } from '../node/files/atomic-write';
import { notRegularMessage, readRegularFileSync } from '../node/files/read';
import { CliError } from './errors';
import { cliSpoken } from './text';

/** What to open instead, by what the command wanted to read. */
const EXPECTED: Record<string, string> = { project: 'a .bpnn project file', 'points file': 'a CSV file of points' };

/** Read a UTF-8 text file of at most maxBytes; anything else is a CliError naming the file and the fix. */
export function readTextFile(path: string, what: string, maxBytes: number): string {
  const read = readRegularFileSync(path, maxBytes);
  if (!read.ok) {
    switch (read.reason) {
      case 'not-regular':
        throw new CliError(notRegularMessage(path, read.kind, EXPECTED[what] ?? `a ${what}`));
      case 'too-large':
        throw new CliError(`Cannot read ${what} '${path}': it is ${(read.size / 1048576).toFixed(1)} MiB, over the limit of ${maxBytes / 1048576} MiB`);
      case 'unreadable':
        throw new CliError(`Cannot read ${what} '${path}': ${describeFsError(read.error, 'read')}`);
    }
  }
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) throw new CliError(`Cannot read ${what} '${path}': ${cliSpoken(decoded)}`);
  return decoded.text;
}

/** Load and validate a .bpnn file; the first problem (with its JSON path) becomes the error line. */
export function loadProject(path: string): Project {
  const parsed = parseProject(readTextFile(path, 'project', MAX_PROJECT_BYTES));
  if (parsed.ok) return parsed.project;
  const first = parsed.problems[0];
  const others = parsed.problems.length - 1 + parsed.more;
  const more = others > 0 ? ` (and ${others} more; run 'bpnn validate ${path}' to see them)` : '';
  const where = first.path === '(top level)' ? '' : `${first.path}: `;
  throw new CliError(`${path}: ${where}${cliSpoken(first)}${more}`);
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

/**
 * Write a result with the app's atomic save. `project` outputs keep the replaced version as
 * `<file>.bak`, as the app's Save does; exports and reports, like the app's, do not.
 */
export async function writeOutput(path: string, data: string | Uint8Array, kind: 'project' | 'export'): Promise<void> {
  try {
    await atomicWrite(path, data, { keepBackup: kind === 'project' });
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
}
