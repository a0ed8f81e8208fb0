// Native dialogs, behind one small interface so the document flows can be tested with fakes.
import type { BrowserWindow, Dialog } from 'electron';

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

export const PROJECT_FILTERS = [{ name: 'BPNN Studio project', extensions: ['bpnn'] }];
export type ExportKind = 'weights' | 'onnx' | 'pytorch';
const EXPORT_DIALOGS: Record<ExportKind, { title: string; filters: Electron.FileFilter[] }> = {
  weights: { title: 'Export weights', filters: [{ name: 'Weights (JSON)', extensions: ['json'] }] },
  onnx: { title: 'Export ONNX model', filters: [{ name: 'ONNX model', extensions: ['onnx'] }] },
  pytorch: { title: 'Export PyTorch model', filters: [{ name: 'Python', extensions: ['py'] }] },
};

function withBpnnExtension(name: string): string {
  return name.toLowerCase().endsWith('.bpnn') ? name : `${name}.bpnn`;
}

export function createDialogs(dialog: Dialog): Dialogs {
  // Electron's overloads want a window or none at all, not null.
  const box = (win: BrowserWindow | null, options: Electron.MessageBoxOptions) =>
    win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
  return {
    async chooseOpenPath(win) {
      const options: Electron.OpenDialogOptions = { title: 'Open project', filters: PROJECT_FILTERS, properties: ['openFile'] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    },
    async chooseSavePath(win, defaultName) {
      const options: Electron.SaveDialogOptions = { title: 'Save project', defaultPath: withBpnnExtension(defaultName), filters: PROJECT_FILTERS };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : withBpnnExtension(r.filePath);
    },
    async chooseExportPath(win, defaultName, kind = 'weights') {
      const options: Electron.SaveDialogOptions = { ...EXPORT_DIALOGS[kind], defaultPath: defaultName };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async askUnsaved(win, fileName) {
      const r = await box(win, {
        type: 'warning',
        message: `Do you want to save the changes you made to ${fileName}?`,
        detail: "Your changes will be lost if you don't save them.",
        buttons: ['Save', "Don't Save", 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      return (['save', 'discard', 'cancel'] as const)[r.response] ?? 'cancel';
    },
    async askStopTraining(win) {
      const r = await box(win, {
        type: 'question',
        message: 'Stop training and quit?',
        detail: 'A network is still training. Its progress so far will be lost.',
        buttons: ['Stop and Quit', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      return r.response === 0;
    },
    async askReload(win, reason) {
      const r = await box(win, {
        type: 'error',
        message: 'The BPNN Studio window stopped working.',
        detail: `Reason: ${reason}. Your unsaved changes were backed up and will be offered when the window reloads.`,
        buttons: ['Reload', 'Close'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      return r.response === 0;
    },
    async notifyChangedOnDisk(win, fileName) {
      await box(win, {
        type: 'info',
        message: `${fileName} was changed by another program.`,
        detail: 'Your unsaved changes are still here. When you save, you can choose to overwrite the other version or reload it from disk.',
        buttons: ['OK'],
        noLink: true,
      });
    },
    async askOpenLastGood(win, fileName, problem, savedAt) {
      const r = await box(win, {
        type: 'warning',
        message: `${fileName} could not be opened.`,
        detail: `${problem}\n\nThe version before your last save was kept. Open it instead? It opens as unsaved; saving replaces the damaged file.`,
        buttons: [`Open Last Good Version (saved ${savedAt.toLocaleString()})`, 'Cancel'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      return r.response === 0;
    },
    async showError(win, message, detail) {
      await box(win, { type: 'error', message, detail, buttons: ['OK'], noLink: true });
    },
  };
}
