// The app's lifecycle: one hardened main window serving the built renderer from app://bpnn/,
// a single instance that receives files from the OS, the IPC handlers, the menu, hot-exit
// backups and a clean shutdown that waits for training threads to exit.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type Session, type WebContents } from 'electron';
import type { EventChannel, EventChannels } from '../ipc/contract';
import { makeCloseHandler, openFromOutside, openPath } from './actions';
import type { AppContext } from './context';
import { createDialogs } from './dialogs';
import { DocumentTracker } from './document';
import { registerHandlers } from './handlers/index';
import { createIpcRegistry } from './ipc';
import { MainLanguage } from './language';
import { spoken } from '../../core/messages/said';
import { buildMenuTemplate, DOCS_URL } from './menu';
import { APP_SCHEME_PRIVILEGES, makeAppProtocolHandler } from './protocol';
import { RecentFiles } from './recent';
import { Settings } from './settings';
import { BackupService } from './services/backups';
import { FileService } from './services/files';
import { TrainingHost } from './services/training-host';
import {
  APP_ENTRY,
  APP_SCHEME,
  makeWindowOpenHandler,
  onWillNavigate,
  openExternalSafely,
  permissionCheckHandler,
  permissionRequestHandler,
  windowOptions,
  windowTitle,
} from './window';

export interface StartOptions {
  /** Folder holding main.cjs, preload.cjs, training-worker.cjs and dense-helper.cjs (the bundle's __dirname). */
  appDir?: string;
  argv?: string[];
  log?: (message: string) => void;
}

/** .bpnn files named on a command line (the first launch's or a second instance's). */
export function bpnnFilesIn(argv: readonly string[], cwd: string = process.cwd()): string[] {
  return argv
    .slice(1)
    .filter((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.bpnn'))
    .map((a) => path.resolve(cwd, a));
}

/** Inside a packaged app the worker file must sit outside the asar archive (asarUnpack). */
export function unpackedPath(file: string): string {
  return file.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
}

/** S6: every session, the default one and any created later, denies every permission. */
export function hardenSession(s: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  s.setPermissionRequestHandler(permissionRequestHandler);
  s.setPermissionCheckHandler(permissionCheckHandler);
}

/** S5: no navigation away, no new windows, no <webview>, for every web contents. */
export function hardenWebContents(wc: WebContents): void {
  wc.on('will-navigate', (event, url) => onWillNavigate(event, url));
  wc.on('will-redirect', (event, url) => onWillNavigate(event, url));
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(makeWindowOpenHandler(shell));
}

export interface RunningApp {
  ready: Promise<void>;
  context(): AppContext | null;
  window(): BrowserWindow | null;
}

export function startApp(opts: StartOptions = {}): RunningApp | null {
  const appDir = opts.appDir ?? __dirname;
  const log = opts.log ?? ((m: string) => console.warn(`[bpnn] ${m}`));
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const pendingOpen = bpnnFilesIn(opts.argv ?? process.argv);
  let ctx: AppContext | null = null;
  let mainWindow: BrowserWindow | null = null;
  let cleanedUp = false;
  // Set by Quit: once the window's close prompt is settled, the quit goes on (macOS too).
  let quitRequested = false;

  app.on('session-created', (s) => hardenSession(s));
  app.on('web-contents-created', (_e, wc) => hardenWebContents(wc));

  app.on('second-instance', (_e, argv, cwd) => {
    const win = mainWindow;
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const [file] = bpnnFilesIn(argv, cwd);
    if (file && ctx) void openFromOutside(ctx, file);
  });

  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (ctx && mainWindow) void openFromOutside(ctx, file);
    else pendingOpen.push(file);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('before-quit', () => {
    quitRequested = true;
  });

  app.on('will-quit', (event) => {
    if (cleanedUp || !ctx) return;
    // B7: stop training threads and write pending backups before the process goes away.
    event.preventDefault();
    const c = ctx;
    void Promise.allSettled([c.host.dispose(), c.backups.shutdown()]).then(() => {
      cleanedUp = true;
      app.quit();
    });
  });

  const createMainWindow = (c: AppContext): BrowserWindow => {
    const win = new BrowserWindow(windowOptions(path.join(appDir, 'preload.cjs')));
    mainWindow = win;
    win.once('ready-to-show', () => win.show());
    // Our title, not the page's <title>.
    win.on('page-title-updated', (event) => event.preventDefault());
    win.on(
      'close',
      makeCloseHandler(
        c,
        () => {
          win.close();
          if (quitRequested) app.quit();
        },
        () => (quitRequested = false),
      ),
    );
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    win.webContents.on('render-process-gone', (_e, details) => {
      if (details.reason === 'clean-exit') return;
      // B7 policy: the runs belonged to the page that died; stop them, keep the backup, offer Reload.
      for (const runId of c.host.liveRuns()) c.host.stop(runId);
      void c.dialogs.askReload(win, details.reason).then((reload) => (reload ? win.reload() : win.close()));
    });
    const d = c.doc.current;
    win.setTitle(windowTitle(d.fileName, d.dirty));
    void win.loadURL(APP_ENTRY);
    return win;
  };

  const ready = app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, makeAppProtocolHandler(path.join(appDir, '..', 'web')));

    const userData = app.getPath('userData');
    const backups = new BackupService({ userData, log });
    const recent = new RecentFiles(userData);
    await recent.load();
    const settings = new Settings(userData);
    await settings.load();
    const language = new MainLanguage(settings, app);
    const dialogs = createDialogs(dialog, language);
    const c: AppContext = {
      window: () => mainWindow,
      files: new FileService({ log }),
      backups,
      host: new TrainingHost({
        workerPath: unpackedPath(path.join(appDir, 'training-worker.cjs')),
        helperPath: unpackedPath(path.join(appDir, 'dense-helper.cjs')),
        log,
      }),
      dialogs,
      doc: new DocumentTracker(),
      recent,
      language,
      examplesDir: app.isPackaged ? path.join(process.resourcesPath, 'examples') : path.join(app.getAppPath(), 'examples'),
      pendingOpen,
      shell,
      send<C extends EventChannel>(channel: C, payload: EventChannels[C]) {
        const wc = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
        if (wc && !wc.isDestroyed()) wc.send(channel, payload);
      },
      log,
    };
    ctx = c;

    registerHandlers(
      createIpcRegistry(ipcMain, log, () => language.t('main.dialogs.somethingWentWrong')),
      c,
    );
    c.host.onEvent((event) => c.send('training:event', event));
    // D7: watch the open file; a clean document follows the disk, a dirty one gets a notice.
    let watched: { path: string; stop: () => void } | null = null;
    const onDiskChange = (file: string) => {
      const d = c.doc.current;
      if (d.filePath !== file) return;
      if (d.dirty) void dialogs.notifyChangedOnDisk(mainWindow, d.fileName);
      else void openPath(c, file, { askUnsaved: false }).then((r) => c.send('project:opened', r));
    };
    let previousDocumentId = c.doc.current.documentId;
    c.doc.onChange((d) => {
      // A replaced document was settled (saved or discarded) before it was replaced.
      if (d.documentId !== previousDocumentId) void c.backups.clear(previousDocumentId);
      previousDocumentId = d.documentId;
      if (watched?.path !== d.filePath) {
        watched?.stop();
        const file = d.filePath;
        watched = file ? { path: file, stop: c.files.watch(file, () => onDiskChange(file)) } : null;
      }
      mainWindow?.setTitle(windowTitle(d.fileName, d.dirty));
      // macOS only (the dot in the close button); the method does not exist elsewhere.
      if (process.platform === 'darwin') mainWindow?.setDocumentEdited(d.dirty);
      if (d.dirty && d.project) c.backups.update(d.documentId, { fileName: d.fileName, filePath: d.filePath, project: d.project });
      else if (!d.dirty) void c.backups.clear(d.documentId);
    });

    const setMenu = () =>
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            isMac: process.platform === 'darwin',
            devTools: !app.isPackaged,
            recent: c.recent.list(),
            t: language.t,
            language: language.current,
            chooseLanguage: (l) => {
              // The window switches (and reports back, which rebuilds the menu): its state stays.
              // With no window to ask, put the radio check back where it belongs.
              if (mainWindow && !mainWindow.isDestroyed()) c.send('language:switch', l);
              else setMenu();
            },
            send: (command) => c.send('menu:command', command),
            openRecent: (file) => void openFromOutside(c, file),
            clearRecent: () => c.recent.clear(),
            openDocs: () => openExternalSafely(DOCS_URL, shell),
            showAbout: () => app.showAboutPanel(),
          }),
        ),
      );
    c.recent.onChange(setMenu);
    language.onChange(setMenu);
    setMenu();
    app.setAboutPanelOptions({ applicationName: 'BPNN Studio', applicationVersion: app.getVersion(), copyright: 'MIT License' });

    const startup = await backups.start();
    // The log in English; the dialog in the reader's language.
    for (const line of startup.skipped) log(line.message);
    if (startup.skipped.length > 0) {
      void dialogs.showError(null, language.t('main.dialogs.backupsSkipped'), startup.skipped.map((s) => spoken(s, language.current)).join('\n'));
    }

    createMainWindow(c);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(c);
    });
  });

  return { ready, context: () => ctx, window: () => mainWindow };
}
