// Hot exit (D5, D6): about a second after the last edit, the unsaved project is written to
// <userData>/Backups/<documentId>/backup.json (UTF-8). Saving or "Don't Save" deletes it; quitting
// keeps it. A "running" marker tells the next start whether the app exited cleanly; every backup
// found at start is offered for recovery, and a damaged one is skipped with a message naming it.
import { randomUUID, createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_PROJECT_BYTES, decodeText, parseProject, serializeProject, type Project } from '../../../core/index';
import type { OpenResult, RecoveryOffer } from '../../ipc/contract';
import { atomicWrite, WriteQueue } from '../../../node/files/atomic-write';
import { fileKindSaid, fsErrorSaid } from '../../../node/files/fs-said';
import { say, type Text } from '../../../core/messages/text';
import { saying, type Said } from '../../../core/messages/said';
import { readRegularFile } from '../../../node/files/read';

export const BACKUP_DEBOUNCE_MS = 1000;
const BACKUP_FORMAT = 'bpnn-backup';
const BACKUP_FILE = 'backup.json';
const MARKER_FILE = 'running';
const ID_PATTERN = /^[a-z0-9-]{1,80}$/;
/**
 * Largest backup read back: a project at its size limit, escaped inside the envelope's JSON
 * string (quotes and newlines double), plus the envelope's own fields.
 */
const MAX_BACKUP_BYTES = 2 * MAX_PROJECT_BYTES + 64 * 1024;

interface BackupEnvelope {
  format: typeof BACKUP_FORMAT;
  version: 1;
  fileName: string;
  filePath: string | null;
  savedAt: string;
  /** The project exactly as a .bpnn file would hold it. */
  projectText: string;
}

export interface BackupDocument {
  fileName: string;
  filePath: string | null;
  project: Project;
}

export interface StartupReport {
  /** The previous run did not shut down cleanly (crash, kill, power loss). */
  uncleanExit: boolean;
  offers: RecoveryOffer[];
  /** One line per backup that could not be read, naming it (English, and a Text for the reader's language). */
  skipped: Said[];
}

export interface BackupServiceOptions {
  userData: string;
  debounceMs?: number;
  /** Wall clock for the "saved at" shown to the user. */
  now?: () => Date;
  log?: (message: string) => void;
}

/** A saved file's backups live under a stable id (its path); an untitled one under a fresh id. */
export function documentIdFor(filePath: string | null): string {
  if (filePath === null) return `untitled-${randomUUID()}`;
  return `file-${createHash('sha256').update(path.resolve(filePath)).digest('hex').slice(0, 32)}`;
}

export class BackupService {
  readonly root: string;
  private readonly debounceMs: number;
  private readonly now: () => Date;
  private readonly log: (message: string) => void;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly latest = new Map<string, BackupDocument>();
  private readonly writes = new WriteQueue();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(opts: BackupServiceOptions) {
    this.root = path.join(opts.userData, 'Backups');
    this.debounceMs = opts.debounceMs ?? BACKUP_DEBOUNCE_MS;
    this.now = opts.now ?? (() => new Date());
    this.log = opts.log ?? (() => {});
  }

  /** At app start: note whether the last exit was clean, mark this run, list what can be restored. */
  async start(): Promise<StartupReport> {
    await fs.mkdir(this.root, { recursive: true });
    const marker = path.join(this.root, MARKER_FILE);
    const uncleanExit = await fs.access(marker).then(
      () => true,
      () => false,
    );
    await fs.writeFile(marker, `${process.pid}\n`, 'utf8');
    return { uncleanExit, ...(await this.list()) };
  }

  /** Every backup on disk that can be restored, newest first; damaged ones are named in `skipped`. */
  async list(): Promise<Omit<StartupReport, 'uncleanExit'>> {
    const offers: RecoveryOffer[] = [];
    const skipped: Said[] = [];
    for (const id of await this.backupIds()) {
      const file = path.join(this.root, id, BACKUP_FILE);
      const read = await this.read(id);
      if (read.ok) {
        offers.push({ backupId: id, fileName: read.envelope.fileName, filePath: read.envelope.filePath, savedAt: read.envelope.savedAt });
      } else {
        skipped.push(saying(say('host.backup.skipped', { file, reason: read.reason })));
      }
    }
    offers.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    return { offers, skipped };
  }

  /** The document changed: (re)write its backup once edits pause for debounceMs. */
  update(documentId: string, doc: BackupDocument): void {
    if (!ID_PATTERN.test(documentId)) return;
    this.latest.set(documentId, doc);
    const old = this.timers.get(documentId);
    if (old) clearTimeout(old);
    this.timers.set(
      documentId,
      setTimeout(() => {
        this.timers.delete(documentId);
        this.track(this.write(documentId));
      }, this.debounceMs),
    );
  }

  /** The document was saved or its changes discarded: no backup any more. */
  async clear(documentId: string): Promise<void> {
    if (!ID_PATTERN.test(documentId)) return;
    const t = this.timers.get(documentId);
    if (t) clearTimeout(t);
    this.timers.delete(documentId);
    this.latest.delete(documentId);
    await this.writes.run(documentId, () => fs.rm(path.join(this.root, documentId), { recursive: true, force: true }));
  }

  async restore(backupId: string): Promise<OpenResult> {
    const read = ID_PATTERN.test(backupId) ? await this.read(backupId) : { ok: false as const, reason: say('host.backup.noSuch') };
    if (!read.ok) {
      return {
        ok: false,
        canceled: false,
        fileName: backupId,
        problems: [{ path: '(file)', ...saying(say('host.backup.restoreFailed', { reason: read.reason })) }],
        moreProblems: 0,
      };
    }
    const parsed = parseProject(read.envelope.projectText);
    if (!parsed.ok) {
      return { ok: false, canceled: false, fileName: read.envelope.fileName, problems: parsed.problems, moreProblems: parsed.more };
    }
    return { ok: true, project: parsed.project, filePath: read.envelope.filePath, fileName: read.envelope.fileName, dirty: true };
  }

  discard(backupId: string): Promise<void> {
    return this.clear(backupId);
  }

  /** Wait for scheduled-and-started writes (tests, and quitting). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /**
   * Clean quit: write any backup still waiting for its debounce (hot exit keeps unsaved work),
   * then remove the running marker.
   */
  async shutdown(): Promise<void> {
    for (const [id, t] of this.timers) {
      clearTimeout(t);
      this.timers.delete(id);
      this.track(this.write(id));
    }
    await this.idle();
    await fs.rm(path.join(this.root, MARKER_FILE), { force: true });
  }

  private track(p: Promise<unknown>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private write(documentId: string): Promise<void> {
    return this.writes.run(documentId, async () => {
      const doc = this.latest.get(documentId);
      if (!doc) return;
      const serialized = serializeProject(doc.project);
      if (!serialized.ok) {
        this.log(`backup of '${doc.fileName}' skipped: ${serialized.message}`);
        return;
      }
      const envelope: BackupEnvelope = {
        format: BACKUP_FORMAT,
        version: 1,
        fileName: doc.fileName,
        filePath: doc.filePath,
        savedAt: this.now().toISOString(),
        projectText: serialized.text,
      };
      try {
        await fs.mkdir(path.join(this.root, documentId), { recursive: true });
        await atomicWrite(path.join(this.root, documentId, BACKUP_FILE), JSON.stringify(envelope), { onWarning: this.log });
      } catch (e) {
        this.log(`backup of '${doc.fileName}' failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  }

  private async backupIds(): Promise<string[]> {
    try {
      const entries = await fs.readdir(this.root, { withFileTypes: true });
      return entries.filter((e) => e.isDirectory() && ID_PATTERN.test(e.name)).map((e) => e.name);
    } catch {
      return [];
    }
  }

  private async read(id: string): Promise<{ ok: true; envelope: BackupEnvelope } | { ok: false; reason: Text }> {
    const read = await readRegularFile(path.join(this.root, id, BACKUP_FILE), MAX_BACKUP_BYTES);
    if (!read.ok) {
      if (read.reason === 'not-regular') return { ok: false, reason: say('host.backup.notRegular', { kind: fileKindSaid(read.kind) }) };
      if (read.reason === 'too-large') return { ok: false, reason: say('host.backup.tooLarge', { mib: (read.size / 1048576).toFixed(1) }) };
      return { ok: false, reason: say('host.backup.unreadable', { why: fsErrorSaid(read.error, 'read') }) };
    }
    const decoded = decodeText(read.bytes);
    if (!decoded.ok) return { ok: false, reason: say('host.backup.damaged', { detail: decoded.text ?? decoded.message }) };
    const text = decoded.text;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, reason: say('host.backup.notJson') };
    }
    const e = value as Partial<BackupEnvelope> | null;
    if (
      !e ||
      e.format !== BACKUP_FORMAT ||
      typeof e.fileName !== 'string' ||
      typeof e.savedAt !== 'string' ||
      typeof e.projectText !== 'string' ||
      !(e.filePath === null || typeof e.filePath === 'string')
    ) {
      return { ok: false, reason: say('host.backup.missingFields') };
    }
    const parsed = parseProject(e.projectText);
    if (!parsed.ok) {
      const first = parsed.problems[0];
      return { ok: false, reason: say('host.backup.projectDamaged', { path: first?.path ?? '', problem: first?.text ?? first?.message ?? '' }) };
    }
    return { ok: true, envelope: e as BackupEnvelope };
  }
}
