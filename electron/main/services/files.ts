// Opening, saving and exporting .bpnn files on disk. Open reads only a regular UTF-8 file of
// bounded size (node/files/read.ts, core's decodeText), validates with the core loader and never
// touches the open project; save is atomic (node/files/atomic-write.ts), keeps a .bak, runs saves
// to one file in order, and refuses to overwrite a file that changed on disk since it was read (D7).
import { createHash } from 'node:crypto';
import { watch as fsWatch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { MAX_PROJECT_BYTES, decodeText, exportWeights, parseProject, say, saying, serializeProject, type Project, type Text } from '../../../core/index';
import type { ExportResult, OpenResult, SaveResult } from '../../ipc/contract';
import { atomicWrite, describeFsError, nodeFsLike, resolveTarget, SaveError, sweepTemps, WriteQueue, type FsLike } from '../../../node/files/atomic-write';
import { readRegularFile, type ReadResult } from '../../../node/files/read';
import { fsErrorSaid, notRegularSaid } from '../../../node/files/fs-said';

const hash = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const MIB = 1024 * 1024;

/** Why a project file could not be read, for the open dialog's problem list. */
function readFailure(fileName: string, r: Exclude<ReadResult, { ok: true }>): { message: string; text?: Text } {
  switch (r.reason) {
    case 'not-regular':
      return saying(notRegularSaid(fileName, r.kind, say('host.fs.projectFile')));
    case 'too-large':
      // F1: refused by its size on disk before a byte is read.
      return saying(say('file.tooLargeOnDisk', { size: (r.size / MIB).toFixed(1), limit: MAX_PROJECT_BYTES / MIB }));
    case 'unreadable':
      return saying(say('file.couldNotRead', { file: fileName, reason: fsErrorSaid(r.error, 'read') }));
  }
}

export interface FileServiceOptions {
  fs?: FsLike;
  log?: (message: string) => void;
}

export interface SaveOptions {
  /** The user chose to overwrite a file that changed on disk. */
  overwrite?: boolean;
}

export class FileService {
  private readonly fs: FsLike;
  private readonly log: (message: string) => void;
  private readonly queue = new WriteQueue();
  /** Hash of the bytes we last read or wrote, per real path: the baseline for conflicts. */
  private readonly known = new Map<string, string>();
  /** Saves in progress per real path: their own rename is not an external change. */
  private readonly saving = new Map<string, number>();
  /** Files the watcher saw change: saving over them is a conflict until the user decides. */
  private readonly changedExternally = new Set<string>();

  constructor(opts: FileServiceOptions = {}) {
    this.fs = opts.fs ?? nodeFsLike;
    this.log = opts.log ?? (() => {});
  }

  async open(filePath: string): Promise<OpenResult> {
    const fileName = path.basename(filePath);
    const fail = (said: { message: string; text?: Text }, at = '(file)'): OpenResult => ({
      ok: false,
      canceled: false,
      fileName,
      problems: [{ path: at, ...said }],
      moreProblems: 0,
    });
    const read = await readRegularFile(filePath, MAX_PROJECT_BYTES);
    if (!read.ok) return fail(readFailure(fileName, read));
    const bytes = read.bytes;
    void sweepTemps(await resolveTarget(filePath, this.fs), this.fs);
    const decoded = decodeText(bytes);
    if (!decoded.ok) return fail(saying(say('file.couldNotRead', { file: fileName, reason: decoded.text })));
    const parsed = parseProject(decoded.text);
    if (!parsed.ok) {
      return { ok: false, canceled: false, fileName, problems: parsed.problems, moreProblems: parsed.more };
    }
    const real = await resolveTarget(filePath, this.fs);
    this.known.set(real, hash(bytes));
    this.changedExternally.delete(real);
    return { ok: true, project: parsed.project, filePath, fileName };
  }

  /**
   * D4: the version kept as `<file>.bak` by the last save, when it still loads. Offered when
   * the file itself does not open. The project comes back unsaved, to be saved over the broken file.
   */
  async lastGoodVersion(filePath: string): Promise<{ result: Extract<OpenResult, { ok: true }>; savedAt: Date } | null> {
    const read = await readRegularFile(`${await resolveTarget(filePath, this.fs)}.bak`, MAX_PROJECT_BYTES);
    if (!read.ok) return null;
    const decoded = decodeText(read.bytes);
    if (!decoded.ok) return null;
    const parsed = parseProject(decoded.text);
    if (!parsed.ok) return null;
    return { result: { ok: true, project: parsed.project, filePath, fileName: path.basename(filePath), dirty: true }, savedAt: new Date(read.mtimeMs) };
  }

  /** Forget the conflict baseline (the document was closed or replaced). */
  async forget(filePath: string): Promise<void> {
    this.known.delete(await resolveTarget(filePath, this.fs));
  }

  async save(project: Project, filePath: string, opts: SaveOptions = {}): Promise<SaveResult> {
    const fileName = path.basename(filePath);
    const serialized = serializeProject(project);
    if (!serialized.ok) {
      return { ok: false, canceled: false, conflict: false, ...saying(say('file.couldNotSaveFile', { file: fileName, reason: serialized.text })) };
    }
    const real = await resolveTarget(filePath, this.fs);
    this.saving.set(real, (this.saving.get(real) ?? 0) + 1);
    const done = () => {
      const n = (this.saving.get(real) ?? 1) - 1;
      if (n > 0) this.saving.set(real, n);
      else this.saving.delete(real);
    };
    return this.queue.run(real, async () => {
      const conflict = await this.changedOnDisk(real);
      if (conflict && !opts.overwrite) {
        return {
          ok: false,
          canceled: false,
          conflict: true,
          ...saying(say('host.fs.changedOnDisk', { file: fileName })),
        } satisfies SaveResult;
      }
      try {
        await atomicWrite(filePath, serialized.text, { fs: this.fs, keepBackup: true, onWarning: this.log });
      } catch (e) {
        if (e instanceof SaveError) return { ok: false, canceled: false, conflict: false, message: e.message, ...(e.text ? { text: e.text } : {}) } satisfies SaveResult;
        return { ok: false, canceled: false, conflict: false, ...saying(say('host.fs.saveFailed', { file: fileName, reason: fsErrorSaid(e) })) } satisfies SaveResult;
      }
      this.known.set(real, hash(serialized.text));
      this.changedExternally.delete(real);
      return { ok: true, filePath, fileName } satisfies SaveResult;
    }).finally(done);
  }

  /**
   * D7: call `onChange` when another program changes `filePath` (new bytes, not just a newer
   * mtime; never for our own saves). Watches the folder, because an atomic save by another
   * editor replaces the file's inode. Returns the function that stops watching.
   */
  watch(filePath: string, onChange: () => void, settleMs = 150): () => void {
    let watcher: FSWatcher | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const base = path.basename(filePath);
    const check = async () => {
      const real = await resolveTarget(filePath, this.fs);
      if (stopped || this.saving.has(real)) return;
      const baseline = this.known.get(real);
      const read = await readRegularFile(real, MAX_PROJECT_BYTES);
      if (stopped || this.saving.has(real) || !read.ok || baseline === undefined) return;
      const now = hash(read.bytes);
      if (now === baseline) return;
      // Report each new version once: it becomes the reference until the next change, and
      // saving over it stays a conflict until the user decides.
      this.known.set(real, now);
      this.changedExternally.add(real);
      onChange();
    };
    try {
      watcher = fsWatch(path.dirname(path.resolve(filePath)), (_event, name) => {
        if (name !== null && name.toString() !== base) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void check(), settleMs);
      });
      watcher.on('error', () => undefined);
    } catch (e) {
      this.log(`cannot watch '${base}' for outside changes: ${describeFsError(e)}`);
    }
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
    };
  }

  async exportWeights(project: Project, filePath: string): Promise<ExportResult> {
    const fileName = path.basename(filePath);
    const exported = exportWeights(project);
    if (!exported.ok) return { ok: false, canceled: false, ...saying(say('export.couldNotExport', { file: fileName, reason: exported.text ?? exported.message })) };
    try {
      await atomicWrite(filePath, exported.text, { fs: this.fs, onWarning: this.log });
    } catch (e) {
      return { ok: false, canceled: false, message: e instanceof Error ? e.message : String(e), ...(e instanceof SaveError && e.text ? { text: e.text } : {}) };
    }
    return { ok: true, fileName };
  }

  /**
   * True when the file we read or wrote before now holds different bytes (D7). Identical bytes
   * with a newer mtime are no conflict; a file we never read is the user's explicit choice in
   * a Save As dialog; a deleted file is simply written again.
   */
  private async changedOnDisk(real: string): Promise<boolean> {
    // A change the watcher already reported still conflicts with the user's unsaved version.
    if (this.changedExternally.has(real)) return true;
    const baseline = this.known.get(real);
    if (baseline === undefined) return false;
    const read = await readRegularFile(real, MAX_PROJECT_BYTES);
    // A folder, a device or an oversize file in its place is a change too; a missing one is not.
    if (!read.ok) return read.reason !== 'unreadable';
    return hash(read.bytes) !== baseline;
  }
}
