// Start-up (recovery offers, then the initial project), desktop menu commands, and keeping the
// document title and main's document state in step with the store.
import { useEffect } from 'react';
import type { BpnnApi, MenuCommand, OpenResult } from '../../runtime/api';
import { getApi } from '../backend/api';
import { useProjectStore, type ProjectState } from '../store/project';
import { useUiStore } from '../store/ui';
import { runAction } from './actions';
import { createDocumentSync, type DocumentSync } from './document-sync';
import { applyOpenResult, confirmDiscard, reportOpenProblems } from './file-actions';
import { syncLanguage } from './language-sync';
import { shouldRun } from './menu-dedupe';
import { isTypingTarget } from './shortcuts';
import { t } from '../i18n';

export const APP_NAME = 'BPNN Studio';

export function documentTitle(fileName: string, dirty: boolean): string {
  return `${dirty ? '• ' : ''}${fileName} — ${APP_NAME}`;
}

const NATIVE_EDIT: Partial<Record<MenuCommand, string>> = {
  'edit:undo': 'undo',
  'edit:redo': 'redo',
  'edit:cut': 'cut',
  'edit:copy': 'copy',
  'edit:paste': 'paste',
  'edit:delete': 'delete',
  'edit:selectAll': 'selectAll',
};

function onMenuCommand(command: MenuCommand): void {
  if (!shouldRun(command, 'menu')) return;
  const native = NATIVE_EDIT[command];
  if (native && isTypingTarget(document.activeElement)) {
    // Edit menu items act on the text field being typed in, as in any other app.
    document.execCommand(native);
    return;
  }
  runAction(command);
}

let started = false;

async function start(): Promise<void> {
  // Once per page, even when React runs effects twice (StrictMode in development).
  if (started) return;
  started = true;
  const api = getApi();
  const ui = useUiStore.getState();
  try {
    const offers = await api.recoveryOffers();
    for (const offer of offers) {
      const when = new Date(offer.savedAt).toLocaleString();
      const [restore, discard] = [t('files.restore'), t('files.discard')];
      const choice = await ui.ask(t('files.restoreTitle'), t('files.restoreMessage', { name: offer.fileName, when }), [restore, discard]);
      if (choice === restore && applyOpenResult(await api.restoreBackup(offer.backupId), { dirty: true })) return;
      if (choice === discard) await api.discardBackup(offer.backupId);
    }
    applyOpenResult(await api.initialProject());
  } catch (err) {
    ui.showBanner({
      kind: 'error',
      title: t('files.firstProjectFailed'),
      lines: [err instanceof Error ? err.message : String(err), t('files.useNewOrOpen')],
    });
  }
}

const documentState = (s: ProjectState) => ({ fileName: s.fileName, filePath: s.filePath, dirty: s.dirty, project: s.project });

/** Reports every change of the document to main (see document-sync.ts); returns the unsubscribe. */
function syncDocument(sync: DocumentSync): () => void {
  sync.update(documentState(useProjectStore.getState()));
  const unsubscribe = useProjectStore.subscribe((s, prev) => {
    if (s.fileName === prev.fileName && s.filePath === prev.filePath && s.dirty === prev.dirty && s.project === prev.project) return;
    sync.update(documentState(s));
  });
  // A native prompt (closing the window, quitting) takes the focus: main gets the latest edits first.
  const flush = () => sync.flush();
  window.addEventListener('blur', flush);
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    window.removeEventListener('blur', flush);
    window.removeEventListener('pagehide', flush);
    sync.dispose();
  };
}

/**
 * Main opened a file on its own (Open Recent, a second launch, a double-click, macOS open-file)
 * and has already asked about unsaved changes it knew of. Edits main had not heard of yet are
 * settled here; after Cancel, main is told again which document the window still shows.
 */
export async function showOpenedProject(result: OpenResult, sync: Pick<DocumentSync, 'mainKnowsDirty' | 'resend'>): Promise<void> {
  if (!result.ok) {
    if (!result.canceled) reportOpenProblems(result);
    return;
  }
  if (useProjectStore.getState().dirty && !sync.mainKnowsDirty() && !(await confirmDiscard())) {
    sync.resend();
    return;
  }
  applyOpenResult(result);
}

function subscribeOpened(api: BpnnApi, sync: DocumentSync): () => void {
  if (!api.onProjectOpened) return () => undefined;
  // One at a time, in order: a second file waits for the first one's question to be answered.
  let queue = Promise.resolve();
  return api.onProjectOpened((result) => {
    queue = queue.then(() => showOpenedProject(result, sync)).catch(() => undefined);
  });
}

export function useAppLifecycle(): void {
  useEffect(() => {
    void start();
    const api = getApi();
    const sync = createDocumentSync(api);
    const stops = [api.onMenuCommand(onMenuCommand), syncDocument(sync), subscribeOpened(api, sync), syncLanguage(api)];
    return () => stops.forEach((stop) => stop());
  }, []);

  const fileName = useProjectStore((s) => s.fileName);
  const dirty = useProjectStore((s) => s.dirty);

  useEffect(() => {
    document.title = documentTitle(fileName, dirty);
  }, [fileName, dirty]);
}
