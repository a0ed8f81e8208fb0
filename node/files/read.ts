// Reading a file the user named, safely: only a regular file (a symlink to one is fine), and never
// more than a hard byte limit, whatever the file claims (F1). A path to /dev/zero would otherwise
// be read until memory runs out, and a FIFO would block forever: so the file is opened without
// blocking, checked through its descriptor (not its path, which could change in between), and
// read from that same descriptor, at most limit + 1 bytes. The desktop app reads with the
// promise version, the CLI with the synchronous one; both share the rules below.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { decodeText } from '../../core/text/decode';
import { render } from '../../core/messages/text';
import { notRegularSaid } from './fs-said';

/** Open for reading; a FIFO or a terminal must not block the open or become our terminal. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export type FileKind = 'folder' | 'device' | 'FIFO' | 'socket' | 'special file';

export type ReadResult =
  | { ok: true; bytes: Uint8Array; mtimeMs: number }
  /** Not a regular file: reading it could hang or never end. */
  | { ok: false; reason: 'not-regular'; kind: FileKind }
  /** Larger than allowed, on disk or while being read (`size` is a lower bound then). */
  | { ok: false; reason: 'too-large'; size: number }
  /** The file system refused (missing, no permission, …): describe `error` with describeFsError(e, 'read'). */
  | { ok: false; reason: 'unreadable'; error: unknown };

/**
 * "'z.bpnn' is not a regular file (it is a device); open a .bpnn project file": the one wording
 * for a refused device, FIFO or folder, wherever the name came from.
 */
export function notRegularMessage(name: string, kind: FileKind, expected: string): string {
  return render(notRegularSaid(name, kind, expected));
}

function kindOf(st: Stats): FileKind {
  if (st.isDirectory()) return 'folder';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  return 'special file';
}

/** The refusal for what fstat says, or null when the file may be read. */
function refusal(st: Stats, maxBytes: number): Exclude<ReadResult, { ok: true }> | null {
  if (!st.isFile()) return { ok: false, reason: 'not-regular', kind: kindOf(st) };
  if (st.size > maxBytes) return { ok: false, reason: 'too-large', size: st.size };
  return null;
}

/** A socket, or a device with no driver behind it, cannot even be opened (ENXIO): not a regular file either. */
function openFailure(error: unknown): Exclude<ReadResult, { ok: true }> {
  return (error as { code?: unknown } | null)?.code === 'ENXIO' ? { ok: false, reason: 'not-regular', kind: 'special file' } : { ok: false, reason: 'unreadable', error };
}

/** Room for the size fstat gave plus one byte, to notice a file that grew past it. */
function initialCapacity(size: number, maxBytes: number): number {
  return Math.min(size, maxBytes) + 1;
}

/** Grow only as the file turns out longer (it grew, or under-reports like /proc), never past maxBytes + 1. */
function grown(buf: Uint8Array, maxBytes: number): Uint8Array {
  const next = new Uint8Array(Math.min(buf.length * 2, maxBytes + 1));
  next.set(buf);
  return next;
}

function finish(buf: Uint8Array, length: number, maxBytes: number, mtimeMs: number): ReadResult {
  if (length > maxBytes) return { ok: false, reason: 'too-large', size: length };
  return { ok: true, bytes: buf.subarray(0, length), mtimeMs };
}

/** Read a regular file of at most maxBytes (see the top of this file). Never throws. */
export async function readRegularFile(file: string, maxBytes: number): Promise<ReadResult> {
  let handle: FileHandle;
  try {
    handle = await open(file, READ_FLAGS);
  } catch (e) {
    return openFailure(e);
  }
  try {
    const st = await handle.stat();
    const refused = refusal(st, maxBytes);
    if (refused) return refused;
    let buf: Uint8Array = new Uint8Array(initialCapacity(st.size, maxBytes));
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (buf.length > maxBytes) break;
        buf = grown(buf, maxBytes);
      }
      const { bytesRead } = await handle.read(buf, length, buf.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return finish(buf, length, maxBytes, st.mtimeMs);
  } catch (e) {
    return { ok: false, reason: 'unreadable', error: e };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The same, synchronously, for the CLI (the desktop app's main process never blocks on disk). */
export function readRegularFileSync(file: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, READ_FLAGS);
  } catch (e) {
    return openFailure(e);
  }
  try {
    const st = fstatSync(fd);
    const refused = refusal(st, maxBytes);
    if (refused) return refused;
    let buf: Uint8Array = new Uint8Array(initialCapacity(st.size, maxBytes));
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (buf.length > maxBytes) break;
        buf = grown(buf, maxBytes);
      }
      const bytesRead = readSync(fd, buf, length, buf.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return finish(buf, length, maxBytes, st.mtimeMs);
  } catch (e) {
    return { ok: false, reason: 'unreadable', error: e };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Closing a descriptor we only read from cannot lose data.
    }
  }
}

/**
 * A small JSON file the app keeps for itself (recent files, settings), or undefined when it is
 * missing, damaged, not UTF-8 or planted (a FIFO, a device, too large): what it remembers is a
 * convenience, and start-up must never depend on it.
 */
export async function readOwnJson(file: string, maxBytes: number): Promise<unknown> {
  const read = await readRegularFile(file, maxBytes);
  const decoded = read.ok ? decodeText(read.bytes) : null;
  if (!decoded?.ok) return undefined;
  try {
    return JSON.parse(decoded.text) as unknown;
  } catch {
    return undefined;
  }
}
