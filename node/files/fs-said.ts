// What the file system's refusals mean to a student, as catalog Texts (core/messages/*/host.json):
// the app shows them in the reader's language, the CLI and the logs in English.
import { say, type Text } from '../../core/messages/text';
import type { FileKind } from './read';

const errCode = (e: unknown): string | undefined => (e as { code?: unknown } | null)?.code as string | undefined;

/** The file system's error codes that have words of their own, by operation. */
const REASONS = {
  ENOSPC: () => say('host.fs.diskFull'),
  EACCES: () => say('host.fs.denied'),
  EPERM: () => say('host.fs.denied'),
  EROFS: () => say('host.fs.readOnly'),
  ENOENT: (op: 'read' | 'write') => say(op === 'read' ? 'host.fs.noFile' : 'host.fs.noFolder'),
  EISDIR: (op: 'read' | 'write') => say(op === 'read' ? 'host.fs.isFolder' : 'host.fs.folderHasName'),
  EMFILE: () => say('host.fs.tooManyOpen'),
  ENFILE: () => say('host.fs.tooManyOpen'),
} satisfies Record<string, (op: 'read' | 'write') => Text>;

/** Whether fsErrorSaid has words for this code (otherwise it passes Node's message on). */
export const hasFsWords = (code: string | undefined): boolean => code !== undefined && Object.hasOwn(REASONS, code);

/** A reason a student can act on, from a Node error met while reading or writing a file; an unknown error keeps Node's own words. */
export function fsErrorSaid(e: unknown, op: 'read' | 'write' = 'write'): Text | string {
  const code = errCode(e);
  if (hasFsWords(code)) return REASONS[code as keyof typeof REASONS](op);
  return e instanceof Error && e.message ? e.message : say('host.fs.unknown');
}

const KIND_KEYS = { folder: 'host.fs.kind.folder', device: 'host.fs.kind.device', FIFO: 'host.fs.kind.FIFO', socket: 'host.fs.kind.socket', 'special file': 'host.fs.kind.special' } as const;

/** What kind of thing stood where a file was expected ("device", 「裝置」). */
export const fileKindSaid = (kind: FileKind): Text => say(KIND_KEYS[kind]);

/** "'z.bpnn' is not a regular file (it is a device); open a .bpnn project file". */
export function notRegularSaid(name: string, kind: FileKind, expected: Text | string): Text {
  return say('host.fs.notRegular', { name, kind: fileKindSaid(kind), expected });
}
