// Reading projects and CSV files, and writing results. Reads go through node/files/read.ts (a
// regular file only, never more than the limit: a path to /dev/zero or a FIFO is refused at
// once) and core's decodeText (UTF-8 only, F1); writes go through the same atomic save as the
// desktop app (node/files/atomic-write.ts: through a symlink to its target, the file's mode
// kept, a .bak for projects). Every failure becomes a CliError naming the file.
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { MAX_PROJECT_BYTES, decodeText, parseProject, type Project } from '../core/index';
import { SaveError, atomicWrite } from '../node/files/atomic-write';
import { readRegularFileSync, type FileKind } from '../node/files/read';
import { CliError } from './errors';
import { cliSpoken, cliText } from './text';
import { fsReason } from './words';
import { hasFsWords } from '../node/files/fs-said';

type Readable = 'project' | 'points' | 'weights';

/** "'z.bpnn' is not a regular file (it is a device); open a .bpnn project file", in the terminal's language. */
export function notRegularText(name: string, kind: FileKind, expected: 'project' | 'points' | 'weights' | 'onnx'): string {
  return cliText('files.notRegular', { name, kind: cliText(`files.kind.${kind}`), expected: cliText(`files.expected.${expected}`) });
}

export const mib = (bytes: number): string => (bytes / 1048576).toFixed(1);

/** Read a UTF-8 text file of at most maxBytes; anything else is a CliError naming the file and the fix. */
export function readTextFile(path: string, what: Readable, maxBytes: number): string {
  const read = readRegularFileSync(path, maxBytes);
  const whatText = cliText(`files.what.${what}`);
  if (!read.ok) {
    switch (read.reason) {
      case 'not-regular':
        throw new CliError(notRegularText(path, read.kind, what));
      case 'too-large':
        throw new CliError(cliText('files.tooLarge', { what: whatText, path, size: mib(read.size), limit: maxBytes / 1048576 }));
      case 'unreadable':
        throw new CliError(cliText('files.cannotRead', { what: whatText, path, reason: fsReason(read.error, 'read') }));
    }
  }
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) throw new CliError(cliText('files.cannotRead', { what: whatText, path, reason: cliSpoken(decoded) }));
  return decoded.text;
}

/** Load and validate a .bpnn file; the first problem (with its JSON path) becomes the error line. */
export function loadProject(path: string): Project {
  const parsed = parseProject(readTextFile(path, 'project', MAX_PROJECT_BYTES));
  if (parsed.ok) return parsed.project;
  const first = parsed.problems[0];
  const others = parsed.problems.length - 1 + parsed.more;
  const more = others > 0 ? cliText('files.moreProblems', { count: others, path }) : '';
  const message = `${cliSpoken(first)}${more}`;
  throw new CliError(first.path === '(top level)' ? cliText('where.at', { path, message }) : cliText('common.problemAt', { path, where: first.path, message: cliSpoken(first), more }));
}

/** Fail before a long run, not after it, when `path` cannot be written to. */
export function checkWritable(path: string): void {
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new CliError(cliText('files.isFolder', { path }));
    if (!statSync(dirname(path)).isDirectory()) throw new CliError(cliText('files.notFolder', { path, dir: dirname(path) }));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(cliText('files.noFolder', { path, dir: dirname(path) }));
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
    // A failure the file system names gets our words; anything else keeps the save's own.
    if (e instanceof SaveError && !e.message.includes('.bak') && hasFsWords(e.code)) {
      throw new CliError(cliText('files.saveFailed', { name: basename(path), reason: fsReason(e, 'write') }));
    }
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
}
