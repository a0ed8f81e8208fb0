// Keeps main's view of the document (name, path, unsaved flag, and the project for the crash
// backup) in step with the store. The flags go at once: closing the window right after an edit
// must already ask about unsaved changes. The project goes with them, so main never holds
// "dirty" without something to save; later edits that change only the project (every pointer
// move of a drag) are sent once editing pauses.
import type { BpnnApi, DocumentState } from '../../runtime/api';

/** Pause after the last edit before main receives the updated project for its crash backup. */
export const DOCUMENT_STATE_DELAY_MS = 400;

export interface DocumentSync {
  /** The store changed: report it (at once when a flag changed, else after the pause). */
  update(state: DocumentState): void;
  /** Send a waiting update now (the window lost focus, e.g. to main's close prompt). */
  flush(): void;
  /** Send the current state again, even if main should already have it. */
  resend(): void;
  /** Whether main has confirmed that the document is dirty (so main asked before replacing it). */
  mainKnowsDirty(): boolean;
  dispose(): void;
}

const sameFlags = (a: DocumentState, b: DocumentState): boolean =>
  a.fileName === b.fileName && a.filePath === b.filePath && a.dirty === b.dirty;

export function createDocumentSync(
  api: Pick<BpnnApi, 'setDocumentState'>,
  delayMs: number = DOCUMENT_STATE_DELAY_MS,
): DocumentSync {
  let latest: DocumentState | null = null;
  let sent: DocumentState | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sequence = 0;
  let acknowledged = 0;
  let acknowledgedDirty = false;

  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const send = (): void => {
    cancel();
    if (!latest) return;
    const state: DocumentState = { ...latest, project: latest.dirty ? latest.project : null };
    sent = state;
    const n = ++sequence;
    void api
      .setDocumentState(state)
      .then(() => {
        // Replies may overtake each other; only the newest report says what main holds.
        if (n < acknowledged) return;
        acknowledged = n;
        acknowledgedDirty = state.dirty;
      })
      .catch(() => undefined);
  };

  return {
    update(state) {
      latest = state;
      if (!sent || !sameFlags(sent, state) || !state.dirty) {
        send();
        return;
      }
      cancel();
      timer = setTimeout(send, delayMs);
    },
    flush() {
      if (timer !== null) send();
    },
    resend: send,
    mainKnowsDirty: () => acknowledgedDirty,
    dispose: cancel,
  };
}
