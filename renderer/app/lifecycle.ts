// Start-up (recovery offers, then the initial project), desktop menu commands, and keeping the
// document title and main's document state in step with the store.
import { useEffect } from 'react';
import type { MenuCommand } from '../../electron/ipc/contract';
import { getApi } from '../backend/api';
import { useProjectStore } from '../store/project';
import { useUiStore } from '../store/ui';
import { runAction } from './actions';
import { applyOpenResult } from './file-actions';
import { shouldRun } from './menu-dedupe';
import { isTypingTarget } from './shortcuts';

export const APP_NAME = 'BPNN Studio';
/** Pause after the last edit before main receives the project for its crash backup. */
export const DOCUMENT_STATE_DELAY_MS = 400;

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
      const choice = await ui.ask(
        'Restore unsaved work?',
        `BPNN Studio closed before ${offer.fileName} was saved. Restore the changes backed up at ${when}?`,
        ['Restore', 'Discard'],
      );
      if (choice === 'Restore' && applyOpenResult(await api.restoreBackup(offer.backupId), { dirty: true })) return;
      if (choice === 'Discard') await api.discardBackup(offer.backupId);
    }
    applyOpenResult(await api.initialProject());
  } catch (err) {
    ui.showBanner({
      kind: 'error',
      title: 'Could not open the first project',
      lines: [err instanceof Error ? err.message : String(err), 'Use New or Open to start.'],
    });
  }
}

export function useAppLifecycle(): void {
  useEffect(() => {
    void start();
    return getApi().onMenuCommand(onMenuCommand);
  }, []);

  const fileName = useProjectStore((s) => s.fileName);
  const filePath = useProjectStore((s) => s.filePath);
  const dirty = useProjectStore((s) => s.dirty);
  const project = useProjectStore((s) => s.project);

  useEffect(() => {
    document.title = documentTitle(fileName, dirty);
  }, [fileName, dirty]);

  useEffect(() => {
    // Title and close prompt need the flag at once; the backup can wait for a pause in editing.
    const send = () =>
      void getApi()
        .setDocumentState({ fileName, filePath, dirty, project: dirty ? project : null })
        .catch(() => undefined);
    if (!dirty) {
      send();
      return;
    }
    const timer = setTimeout(send, DOCUMENT_STATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [fileName, filePath, dirty, project]);
}
