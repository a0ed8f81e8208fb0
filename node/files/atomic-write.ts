// Writing a file so that a crash, a full disk or a kill at any instant leaves either the old
// bytes or the new ones, never a mix (D1–D4): a unique temp file in the same folder, write,
// fsync, close, keep the previous version as .bak, rename over the target, fsync the folder.
// The desktop app and the `bpnn` CLI both save through here, so a symlink or a 0600 file is
// treated the same whichever of them writes it.
import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { render, say, type Text } from '../../core/messages/text';
import { fsErrorSaid } from './fs-said';

/** The few fs operations a save needs; tests inject one that records and fails each step. */
export interface FileHandleLike {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  chmod(mode: number): Promise<void>;
  close(): Promise<void>;
}
export interface FsLike {
  open(file: string, flags: string, mode?: number): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  stat(file: string): Promise<{ mode: number; size: number; mtimeMs: number }>;
  realpath(file: string): Promise<string>;
  readdir(dir: string): Promise<string[]>;
}

export const nodeFsLike: FsLike = {
  open: (f, flags, mode) => nodeFs.open(f, flags, mode),
  rename: nodeFs.rename,
  unlink: nodeFs.unlink,
  copyFile: (a, b) => nodeFs.copyFile(a, b),
  stat: nodeFs.stat,
  realpath: (f) => nodeFs.realpath(f),
  readdir: (d) => nodeFs.readdir(d),
};

export class SaveError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** The same in the catalogs' words, for the app to say in the reader's language. */
    readonly text?: Text,
  ) {
    super(message);
  }
}

const errCode = (e: unknown): string | undefined => (e as { code?: unknown } | null)?.code as string | undefined;

/** fsErrorSaid in English: for logs, the CLI and the sentences that are English anyway. */
export function describeFsError(e: unknown, op: 'read' | 'write' = 'write'): string {
  const said = fsErrorSaid(e, op);
  return typeof said === 'string' ? said : render(said);
}

export function saveFailedMessage(fileName: string, reason: string): string {
  return `Could not save '${fileName}': ${reason}. Your previous version is untouched.`;
}

let sequence = 0;
const TEMP_SUFFIX = '.bpnn-tmp';

/** Unique per process, thread and call: two writers can never collide on one temp name. */
export function tempNameFor(target: string): string {
  sequence += 1;
  const base = path.basename(target);
  return path.join(path.dirname(target), `.${base}.${process.pid}.${threadId}.${sequence}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

/** True while process `pid` exists (EPERM: it exists, but belongs to someone else). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errCode(e) === 'EPERM';
  }
}

/**
 * Temp files a killed save left next to `target` (D2: swept on the next open, and after every
 * save). A temp file whose writer is still running is someone's save in progress, not debris.
 */
export async function sweepTemps(target: string, fs: FsLike = nodeFsLike): Promise<string[]> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const writerAlive = (name: string) => {
    const pid = /^(?:bak\.)?(\d+)\.\d+\.\d+\.[0-9a-f]+$/.exec(name.slice(prefix.length, -TEMP_SUFFIX.length))?.[1];
    return pid !== undefined && processAlive(Number(pid));
  };
  const stale = names.filter((n) => n.startsWith(prefix) && n.endsWith(TEMP_SUFFIX) && !writerAlive(n));
  await Promise.all(stale.map((n) => fs.unlink(path.join(dir, n)).catch(() => undefined)));
  return stale;
}

export interface AtomicWriteOptions {
  fs?: FsLike;
  /** Keep the replaced bytes as `<target>.bak` (projects: yes; backups: no). */
  keepBackup?: boolean;
  /** Called when the folder fsync fails after the rename (the save itself stands). */
  onWarning?: (message: string) => void;
}

/** Where a write to `target` really lands: through a symlink to its target (D3). */
export async function resolveTarget(target: string, fs: FsLike = nodeFsLike): Promise<string> {
  try {
    return await fs.realpath(target);
  } catch {
    return path.resolve(target);
  }
}

/**
 * Replace `target` with `data` atomically. Throws SaveError with a student-facing message;
 * on any failure before the rename the target is untouched and the temp file is gone.
 */
export async function atomicWrite(target: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  const fs = opts.fs ?? nodeFsLike;
  const displayName = path.basename(target);
  const real = await resolveTarget(target, fs);
  let existingMode: number | null = null;
  try {
    existingMode = (await fs.stat(real)).mode & 0o7777;
  } catch {
    existingMode = null;
  }
  const temp = tempNameFor(real);
  let handle: FileHandleLike | null = null;
  let tempCreated = false;
  try {
    handle = await fs.open(temp, 'wx', existingMode ?? 0o666);
    tempCreated = true;
    await handle.writeFile(data);
    await handle.sync();
    // open() applies the umask; restore the exact mode the file had (e.g. 0600 stays 0600).
    if (existingMode !== null) await handle.chmod(existingMode);
    const h = handle;
    handle = null;
    await h.close();
    if (opts.keepBackup && existingMode !== null) {
      const bakTemp = tempNameFor(`${real}.bak`);
      try {
        await fs.copyFile(real, bakTemp);
        await fs.rename(bakTemp, `${real}.bak`);
      } catch (e) {
        await fs.unlink(bakTemp).catch(() => undefined);
        const bak = say('host.fs.bakFailed', { file: path.basename(real), why: fsErrorSaid(e) });
        throw new SaveError(render(bak), errCode(e), bak);
      }
    }
    await fs.rename(temp, real);
    tempCreated = false;
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    if (tempCreated) await fs.unlink(temp).catch(() => undefined);
    const reason = e instanceof SaveError ? (e.text ?? e.message) : fsErrorSaid(e);
    throw new SaveError(saveFailedMessage(displayName, typeof reason === 'string' ? reason : render(reason)), errCode(e), say('host.fs.saveFailed', { file: displayName, reason }));
  }
  // The new bytes are in place. Syncing the folder makes the rename survive power loss; if the
  // platform or file system refuses (Windows cannot open folders), the save still stands.
  let dirHandle: FileHandleLike | null = null;
  try {
    dirHandle = await fs.open(path.dirname(real), 'r');
    await dirHandle.sync();
  } catch (e) {
    opts.onWarning?.(`Saved '${displayName}', but the folder could not be flushed to disk (${describeFsError(e)}).`);
  } finally {
    await dirHandle?.close().catch(() => undefined);
  }
  // A save that did succeed is a good moment to clear what killed ones left beside this file.
  await sweepTemps(real, fs).catch(() => undefined);
}

/** Saves to the same file run one after another, in call order (D3). */
export class WriteQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.then(job, job);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
