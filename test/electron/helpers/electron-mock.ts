// A stand-in for the 'electron' module (the binary cannot run here). It records what main hands
// to Electron — window options, IPC handlers, permission handlers, protocol handlers, menus —
// and lets tests fire the events Electron would fire.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  const e = {
    defaultPrevented: false,
    preventDefault: vi.fn(() => {
      e.defaultPrevented = true;
    }),
  };
  return e;
}

class FakeWebContents extends EventEmitter {
  send = vi.fn();
  reload = vi.fn();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn((h: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = h;
  });
  isDestroyed = () => false;
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows = () => BrowserWindow.instances.filter((w) => !w.destroyed);
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  destroyed = false;
  title = '';
  setTitle = vi.fn((t: string) => {
    this.title = t;
  });
  setDocumentEdited = vi.fn();
  loadURL = vi.fn(async () => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  reload = vi.fn();
  isMinimized = () => false;
  isDestroyed = () => this.destroyed;

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  /** Like Electron: 'close' can be prevented; otherwise the window is gone. */
  close = vi.fn(() => {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  });
}

class FakeApp extends EventEmitter {
  userData = '';
  appPath = '';
  private resolveReady: () => void = () => {};
  private readyPromise = new Promise<void>((r) => (this.resolveReady = r));
  isPackaged = false;
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  whenReady = () => this.readyPromise;
  fireReady = () => this.resolveReady();
  getPath = vi.fn((name: string) => (name === 'userData' ? this.userData : `/tmp/${name}`));
  getAppPath = () => this.appPath;
  getVersion = () => '0.1.0';
  /** The system's language as Electron reports it; a test sets these before startApp. */
  locale = 'en-US';
  preferredSystemLanguages: string[] = ['en-US'];
  getLocale = vi.fn(() => this.locale);
  getPreferredSystemLanguages = vi.fn(() => [...this.preferredSystemLanguages]);
  setAboutPanelOptions = vi.fn();
  showAboutPanel = vi.fn();
}

export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => {
    ipcMain.handlers.set(channel, fn);
  }),
  on: vi.fn(),
};

function fakeSession() {
  return { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
}
export const session = { defaultSession: fakeSession(), fromPartition: vi.fn(() => fakeSession()) };

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const dialog = {
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: undefined as string | undefined })),
  showMessageBox: vi.fn(async () => ({ response: 2, checkboxChecked: false })),
};

export const shell = { openExternal: vi.fn(async () => undefined) };

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const ipcRenderer = {
  invoke: vi.fn(async () => undefined as unknown),
  on: vi.fn(),
  removeListener: vi.fn(),
  send: vi.fn(),
  sendSync: vi.fn(),
};

export default { app, BrowserWindow, ipcMain, session, protocol, Menu, dialog, shell, contextBridge, ipcRenderer };
