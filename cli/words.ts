// Small pieces several commands print (a duration, a run's state, why the file system said no),
// in the terminal's language.
import type { RunResult } from '../core/index';
import { cliText } from './text';

export const duration = (ms: number): string =>
  ms < 1000 ? cliText('common.ms', { value: Math.round(ms) }) : cliText('common.s', { value: (ms / 1000).toFixed(2) });

export const stateWord = (state: RunResult['state'] | string): string =>
  state === 'done' || state === 'stopped' || state === 'diverged' || state === 'error' ? cliText(`state.${state}`) : state;

/** The error codes fsReason has words for. */
export const FS_CODES: ReadonlySet<string> = new Set(['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'EISDIR', 'EMFILE', 'ENFILE']);

const errCode = (e: unknown): unknown => (e as { code?: unknown } | null)?.code;

/** Why reading or writing failed, as node/files/atomic-write.ts's describeFsError says it in English. */
export function fsReason(e: unknown, op: 'read' | 'write'): string {
  switch (errCode(e)) {
    case 'ENOSPC':
      return cliText('fs.diskFull');
    case 'EACCES':
    case 'EPERM':
      return cliText('fs.permission');
    case 'EROFS':
      return cliText('fs.readOnly');
    case 'ENOENT':
      return cliText(op === 'read' ? 'fs.noFile' : 'fs.folderGone');
    case 'EISDIR':
      return cliText(op === 'read' ? 'fs.readFolder' : 'fs.writeFolder');
    case 'EMFILE':
    case 'ENFILE':
      return cliText('fs.tooManyFiles');
    default:
      // The system's own words: only these codes have ours.
      return e instanceof Error && e.message ? e.message : cliText('common.unknownError');
  }
}
