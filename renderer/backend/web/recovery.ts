// Hot exit for the browser build: while the project has unsaved changes, a copy is kept in
// localStorage (debounced) and offered again on the next visit. Storage and timers are
// injected so this is tested in Node.
import { parseProject, serializeProject } from '../../../core/index';
import type { DocumentState, OpenResult, RecoveryOffer } from '../../../runtime/api';

export const BACKUP_KEY = 'bpnn-studio:backup:v1';
export const BACKUP_ID = 'browser-backup';
export const BACKUP_DELAY_MS = 1_000;

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface StoredBackup {
  fileName: string;
  savedAt: string;
  text: string;
}

export interface RecoveryDeps {
  storage: KeyValueStore | null;
  nowIso(): string;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

function readBackup(storage: KeyValueStore | null): StoredBackup | null {
  try {
    const raw = storage?.getItem(BACKUP_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<StoredBackup>;
    if (typeof v.fileName !== 'string' || typeof v.savedAt !== 'string' || typeof v.text !== 'string') return null;
    return { fileName: v.fileName, savedAt: v.savedAt, text: v.text };
  } catch {
    return null;
  }
}

export class BrowserRecovery {
  /** The backup found when the page loaded; later writes do not replace the offer. */
  private offered: StoredBackup | null;
  private timer: unknown = null;
  /** Whether the stored backup is this page's own (so a clean state may remove it). */
  private ownsStored = false;

  constructor(private readonly deps: RecoveryDeps) {
    this.offered = readBackup(deps.storage);
  }

  /** Called on every document change: back up a dirty project after a quiet second; forget a clean one. */
  update(state: DocumentState): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    if (!state.dirty || !state.project) {
      // Leave an older session's backup alone until the user has answered its offer.
      if (this.ownsStored) this.write(null);
      return;
    }
    const { project, fileName } = state;
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      const s = serializeProject(project);
      if (s.ok) this.write({ fileName, savedAt: this.deps.nowIso(), text: s.text });
    }, BACKUP_DELAY_MS);
  }

  offers(): RecoveryOffer[] {
    const b = this.offered;
    return b ? [{ backupId: BACKUP_ID, fileName: b.fileName, filePath: null, savedAt: b.savedAt }] : [];
  }

  restore(backupId: string): OpenResult {
    const b = backupId === BACKUP_ID ? this.offered : null;
    if (!b) {
      return { ok: false, canceled: false, fileName: 'backup', problems: [{ path: '(backup)', message: 'This backup is no longer available.' }], moreProblems: 0 };
    }
    this.forgetOffer();
    const parsed = parseProject(b.text);
    if (!parsed.ok) {
      return { ok: false, canceled: false, fileName: b.fileName, problems: parsed.problems, moreProblems: parsed.more };
    }
    return { ok: true, project: parsed.project, filePath: null, fileName: b.fileName, dirty: true };
  }

  discard(backupId: string): void {
    if (backupId === BACKUP_ID) this.forgetOffer();
  }

  private forgetOffer(): void {
    if (!this.offered) return;
    this.offered = null;
    // Drop the stored copy unless this page has since written its own, newer backup.
    if (!this.ownsStored) this.write(null);
  }

  private write(backup: StoredBackup | null): void {
    try {
      if (backup) this.deps.storage?.setItem(BACKUP_KEY, JSON.stringify(backup));
      else this.deps.storage?.removeItem(BACKUP_KEY);
      this.ownsStored = backup !== null;
    } catch {
      // Storage full or disabled (private mode): the backup is a convenience, never an error.
    }
  }
}
