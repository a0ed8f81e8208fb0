// Everything the handlers, the menu and the window flows share, passed explicitly.
import type { BrowserWindow } from 'electron';
import type { EventChannel, EventChannels } from '../ipc/contract';
import type { Dialogs } from './dialogs';
import type { DocumentTracker } from './document';
import type { MainLanguage } from './language';
import type { RecentFiles } from './recent';
import type { BackupService } from './services/backups';
import type { FileService } from './services/files';
import type { TrainingHost } from './services/training-host';

export interface AppContext {
  window(): BrowserWindow | null;
  files: FileService;
  backups: BackupService;
  host: TrainingHost;
  dialogs: Dialogs;
  doc: DocumentTracker;
  recent: RecentFiles;
  /** The language of the menu and the native dialogs, and main's words in it. */
  language: MainLanguage;
  /** Folder holding the bundled example projects. */
  examplesDir: string;
  /** Files the OS asked us to open before the renderer asked for its first project. */
  pendingOpen: string[];
  shell: { openExternal(url: string): Promise<void> };
  send<C extends EventChannel>(channel: C, payload: EventChannels[C]): void;
  log(message: string): void;
}
