// Native dialogs, behind one small interface so the document flows can be tested with fakes.
// Titles, messages, buttons and file-type names come from the catalogs (main.dialogs.…), read
// when a dialog opens, so each one speaks the language main speaks at that moment.
import type { BrowserWindow, Dialog } from 'electron';
import type { Language } from '../../core/messages/languages';
import type { MainT } from './language';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export interface Dialogs {
  chooseOpenPath(win: BrowserWindow | null): Promise<string | null>;
  chooseSavePath(win: BrowserWindow | null, defaultName: string): Promise<string | null>;
  /** Where to export: the weights JSON unless `kind` says an ONNX model or a PyTorch model.py. */
  chooseExportPath(win: BrowserWindow | null, defaultName: string, kind?: ExportKind): Promise<string | null>;
  /** D8: Save / Don't Save / Cancel. */
  askUnsaved(win: BrowserWindow | null, fileName: string): Promise<UnsavedChoice>;
  /** B7: closing while a run is going. */
  askStopTraining(win: BrowserWindow | null): Promise<boolean>;
  askReload(win: BrowserWindow | null, reason: string): Promise<boolean>;
  showError(win: BrowserWindow | null, message: string, detail?: string): Promise<void>;
  /** D7: the open file was changed by another program while there are unsaved changes. */
  notifyChangedOnDisk(win: BrowserWindow | null, fileName: string): Promise<void>;
  /** D4: the file is broken, a good .bak exists. */
  askOpenLastGood(win: BrowserWindow | null, fileName: string, problem: string, savedAt: Date): Promise<boolean>;
}

export const projectFilters = (t: MainT): Electron.FileFilter[] => [{ name: t('main.dialogs.projectFilter'), extensions: ['bpnn'] }];
export type ExportKind = 'weights' | 'onnx' | 'pytorch';
const exportDialog = (t: MainT, kind: ExportKind): { title: string; filters: Electron.FileFilter[] } =>
  ({
    weights: { title: t('main.dialogs.exportWeightsTitle'), filters: [{ name: t('main.dialogs.weightsFilter'), extensions: ['json'] }] },
    onnx: { title: t('main.dialogs.exportOnnxTitle'), filters: [{ name: t('main.dialogs.onnxFilter'), extensions: ['onnx'] }] },
    pytorch: { title: t('main.dialogs.exportPyTorchTitle'), filters: [{ name: t('main.dialogs.pythonFilter'), extensions: ['py'] }] },
  })[kind];

/** Why a window's page went away (Electron's render-process-gone reasons), in the student's words. */
const GONE_REASONS = ['abnormal-exit', 'killed', 'crashed', 'oom', 'launch-failed', 'integrity-failure', 'memory-eviction'] as const;
type GoneReason = (typeof GONE_REASONS)[number];
const isGoneReason = (r: string): r is GoneReason => (GONE_REASONS as readonly string[]).includes(r);

/** Main's words and the language they are in (MainLanguage), read at each dialog. */
export interface DialogWords {
  readonly t: MainT;
  readonly current: Language;
}

function withBpnnExtension(name: string): string {
  return name.toLowerCase().endsWith('.bpnn') ? name : `${name}.bpnn`;
}

export function createDialogs(dialog: Dialog, words: DialogWords): Dialogs {
  const { t } = words;
  // Electron's overloads want a window or none at all, not null.
  const box = (win: BrowserWindow | null, options: Electron.MessageBoxOptions) =>
    win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
  return {
    async chooseOpenPath(win) {
      const options: Electron.OpenDialogOptions = { title: t('main.dialogs.openTitle'), filters: projectFilters(t), properties: ['openFile'] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    },
    async chooseSavePath(win, defaultName) {
      const options: Electron.SaveDialogOptions = { title: t('main.dialogs.saveTitle'), defaultPath: withBpnnExtension(defaultName), filters: projectFilters(t) };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : withBpnnExtension(r.filePath);
    },
    async chooseExportPath(win, defaultName, kind = 'weights') {
      const options: Electron.SaveDialogOptions = { ...exportDialog(t, kind), defaultPath: defaultName };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async askUnsaved(win, fileName) {
      const r = await box(win, {
        type: 'warning',
        message: t('main.dialogs.unsaved', { name: fileName }),
        detail: t('main.dialogs.unsavedDetail'),
        buttons: [t('main.dialogs.save'), t('main.dialogs.dontSave'), t('main.dialogs.cancel')],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      return (['save', 'discard', 'cancel'] as const)[r.response] ?? 'cancel';
    },
    async askStopTraining(win) {
      const r = await box(win, {
        type: 'question',
        message: t('main.dialogs.stopTraining'),
        detail: t('main.dialogs.stopTrainingDetail'),
        buttons: [t('main.dialogs.stopAndQuit'), t('main.dialogs.cancel')],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      return r.response === 0;
    },
    async askReload(win, reason) {
      const r = await box(win, {
        type: 'error',
        message: t('main.dialogs.windowCrashed'),
        // A reason Electron may add later is shown as Electron names it.
        detail: t('main.dialogs.windowCrashedDetail', { reason: isGoneReason(reason) ? t(`main.dialogs.goneReason.${reason}`) : reason }),
        buttons: [t('main.dialogs.reload'), t('main.dialogs.close')],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      return r.response === 0;
    },
    async notifyChangedOnDisk(win, fileName) {
      await box(win, {
        type: 'info',
        message: t('main.dialogs.changedOnDisk', { name: fileName }),
        detail: t('main.dialogs.changedOnDiskDetail'),
        buttons: [t('main.dialogs.ok')],
        noLink: true,
      });
    },
    async askOpenLastGood(win, fileName, problem, savedAt) {
      const r = await box(win, {
        type: 'warning',
        message: t('main.dialogs.damaged', { name: fileName }),
        detail: t('main.dialogs.damagedDetail', { problem }),
        buttons: [t('main.dialogs.openLastGood', { when: savedAt.toLocaleString(words.current) }), t('main.dialogs.cancel')],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      return r.response === 0;
    },
    async showError(win, message, detail) {
      await box(win, { type: 'error', message, detail, buttons: [t('main.dialogs.ok')], noLink: true });
    },
  };
}
