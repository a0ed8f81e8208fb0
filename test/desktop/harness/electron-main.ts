// The `electron` module as the main process under test sees it (boot.ts resolves
// require('electron') to it). Only members Electron documents exist, each behaving as
// documented for what main relies on: the app lifecycle (ready, quit with before-quit, window
// closes that can cancel it, will-quit, quit), windows whose pages are Chromium pages owned by
// the test process, ipcMain.handle answering the page's invokes with the calling frame as
// senderFrame, protocol.handle serving the page's requests, and dialogs, menus, shell and
// sessions that record what main asks and wait for the test's answer. Anything else is reported
// and throws (honest.ts), so the test fails where main would rely on something unproven.
import { EventEmitter } from 'node:events';
import { homedir, tmpdir } from 'node:os';
import { honest } from './honest';
import {
  STAND_IN_CONFIG_ENV,
  type DialogMethod,
  type HostNote,
  type HostRequest,
  type MainRequest,
  type MenuItemInfo,
  type ProtocolReply,
  type StandInConfig,
  type ToHost,
  type ToMain,
} from './wire';

const config = JSON.parse(process.env[STAND_IN_CONFIG_ENV] ?? 'null') as StandInConfig;

// --- the wire to the test process ----------------------------------------------------------

const post = (message: ToHost): void => {
  process.send?.(message);
};
const note = (n: HostNote): void => post({ type: 'note', note: n });
const record = (api: string, ...args: unknown[]): void => note({ kind: 'record', api, args: plain(args) as unknown[] });
const report = (what: string): void => note({ kind: 'unimplemented', what });

let nextRequestId = 1;
const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

function ask<T>(request: HostRequest): Promise<T> {
  const id = nextRequestId++;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    post({ type: 'request', id, request });
  });
}

/** Plain data only (what Electron would clone for its own records); functions become a marker. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'function' ? '[function]' : v)) ?? 'null') as unknown;
}

/** An Electron event: preventable, with whatever fields the event documents. */
function electronEvent<T extends object>(fields: T = {} as T): T & { preventDefault(): void; defaultPrevented: boolean } {
  const e = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return honest(e, 'Event', report);
}

// --- app ------------------------------------------------------------------------------------

let isReady = false;
let resolveReady: () => void = () => undefined;
const readyPromise = new Promise<void>((r) => (resolveReady = r));
let quitting = false;

const PATHS: Record<string, () => string> = {
  userData: () => config.userData,
  sessionData: () => config.userData,
  temp: () => tmpdir(),
  home: () => homedir(),
};

class App extends EventEmitter {
  readonly isPackaged = config.packaged;
  whenReady(): Promise<void> {
    return readyPromise;
  }
  isReady(): boolean {
    return isReady;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  hasSingleInstanceLock(): boolean {
    return true;
  }
  quit(): void {
    // Like Electron: the quit sequence runs after the caller returns.
    setImmediate(() => void quitApp());
  }
  exit(code = 0): void {
    process.exit(code);
  }
  getPath(name: string): string {
    const p = PATHS[name];
    if (!p) {
      report(`app.getPath('${name}')`);
      throw new Error(`The Electron stand-in knows no '${name}' path.`);
    }
    return p();
  }
  getAppPath(): string {
    return config.appPath;
  }
  getVersion(): string {
    return config.version;
  }
  // English, as the page's Chromium reports by default: the tests read English.
  getLocale(): string {
    return 'en-US';
  }
  getPreferredSystemLanguages(): string[] {
    return ['en-US'];
  }
  setAboutPanelOptions(options: unknown): void {
    record('app.setAboutPanelOptions', options);
  }
  showAboutPanel(): void {
    record('app.showAboutPanel');
  }
}
const app = honest(new App(), 'app', report);

function requireReady(what: string): void {
  if (!isReady) throw new Error(`${what} cannot be used before the app is ready.`);
}

// --- windows --------------------------------------------------------------------------------

interface WindowState {
  win: BrowserWindow;
  destroyed: boolean;
  title: string;
  visible: boolean;
  minimized: boolean;
  url: string;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null;
}
const windows = new Map<number, WindowState>();
let nextWindowId = 1;

function stateOf(id: number): WindowState {
  const s = windows.get(id);
  if (!s) throw new Error(`No window ${id}.`);
  return s;
}

function liveWindows(): WindowState[] {
  return [...windows.values()].filter((s) => !s.destroyed);
}

class WebContents extends EventEmitter {
  constructor(readonly id: number) {
    super();
  }
  send(channel: string, ...args: unknown[]): void {
    const s = stateOf(this.id);
    if (s.destroyed) throw new Error('Object has been destroyed');
    note({ kind: 'webContents.send', winId: this.id, channel, args });
  }
  isDestroyed(): boolean {
    return stateOf(this.id).destroyed;
  }
  getURL(): string {
    return stateOf(this.id).url;
  }
  reload(): void {
    void ask({ kind: 'window.reload', winId: this.id });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    stateOf(this.id).windowOpenHandler = handler;
  }
}

class BrowserWindow extends EventEmitter {
  static getAllWindows(): BrowserWindow[] {
    return liveWindows().map((s) => s.win);
  }
  static fromId(id: number): BrowserWindow | null {
    const s = windows.get(id);
    return s && !s.destroyed ? s.win : null;
  }

  readonly id: number;
  readonly webContents: WebContents;

  constructor(options: Record<string, unknown> = {}) {
    super();
    requireReady('BrowserWindow');
    this.id = nextWindowId++;
    this.webContents = honest(new WebContents(this.id), 'webContents', report);
    const self = honest(this, 'BrowserWindow', report);
    windows.set(this.id, {
      win: self,
      destroyed: false,
      title: typeof options.title === 'string' ? options.title : '',
      visible: options.show !== false,
      minimized: false,
      url: '',
      windowOpenHandler: null,
    });
    note({ kind: 'window.create', winId: this.id, options: plain(options) });
    app.emit('web-contents-created', electronEvent(), this.webContents);
    return self;
  }

  loadURL(url: string): Promise<void> {
    const s = stateOf(this.id);
    s.url = url;
    return ask<void>({ kind: 'window.loadURL', winId: this.id, url });
  }
  reload(): void {
    this.webContents.reload();
  }
  show(): void {
    stateOf(this.id).visible = true;
    note({ kind: 'window.show', winId: this.id });
  }
  hide(): void {
    stateOf(this.id).visible = false;
  }
  isVisible(): boolean {
    return stateOf(this.id).visible;
  }
  focus(): void {
    note({ kind: 'window.focus', winId: this.id });
  }
  minimize(): void {
    stateOf(this.id).minimized = true;
  }
  restore(): void {
    stateOf(this.id).minimized = false;
    note({ kind: 'window.restore', winId: this.id });
  }
  isMinimized(): boolean {
    return stateOf(this.id).minimized;
  }
  isDestroyed(): boolean {
    return stateOf(this.id).destroyed;
  }
  setTitle(title: string): void {
    stateOf(this.id).title = title;
    note({ kind: 'window.title', winId: this.id, title });
  }
  getTitle(): string {
    return stateOf(this.id).title;
  }
  /** As the close button does: 'close' may be prevented; otherwise the window is destroyed. */
  close(): void {
    const s = stateOf(this.id);
    if (s.destroyed) return;
    const event = electronEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    const s = stateOf(this.id);
    if (s.destroyed) return;
    s.destroyed = true;
    this.emit('closed');
    note({ kind: 'window.destroyed', winId: this.id });
    if (liveWindows().length === 0 && !quitting) {
      // Without a listener Electron quits; with one, the app decides (main quits except on macOS).
      if (app.listenerCount('window-all-closed') === 0) app.quit();
      else app.emit('window-all-closed');
    }
  }
}
const BrowserWindowClass = honest(BrowserWindow, 'BrowserWindow (class)', report);

function windowIdOf(win: unknown): number | null {
  for (const [id, s] of windows) if (s.win === win) return id;
  return null;
}

async function quitApp(): Promise<void> {
  if (quitting) return;
  quitting = true;
  try {
    const before = electronEvent();
    app.emit('before-quit', before);
    if (before.defaultPrevented) return;
    for (const s of liveWindows()) {
      s.win.close();
      // A window that kept itself open cancels the quit.
      if (!s.destroyed) return;
    }
    const will = electronEvent();
    app.emit('will-quit', will);
    if (will.defaultPrevented) return;
    app.emit('quit', electronEvent(), 0);
    process.exit(0);
  } finally {
    quitting = false;
  }
}

// --- ipcMain --------------------------------------------------------------------------------

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
const invokeHandlers = new Map<string, InvokeHandler>();

class IpcMain extends EventEmitter {
  handle(channel: string, listener: InvokeHandler): void {
    if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    invokeHandlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    invokeHandlers.delete(channel);
  }
}
const ipcMain = honest(new IpcMain(), 'ipcMain', report);

async function invoke(r: Extract<MainRequest, { kind: 'invoke' }>): Promise<unknown> {
  const handler = invokeHandlers.get(r.channel);
  if (!handler) throw new Error(`No handler registered for '${r.channel}'`);
  const s = stateOf(r.winId);
  const frame = honest({ url: r.frameUrl, isDestroyed: () => s.destroyed }, 'WebFrameMain', report);
  const event = honest({ type: 'frame', processId: 1, frameId: r.isMainFrame ? 1 : 2, sender: s.win.webContents, senderFrame: frame }, 'IpcMainInvokeEvent', report);
  try {
    return await handler(event, ...r.args);
  } catch (e) {
    throw new Error(`Error invoking remote method '${r.channel}': ${String(e)}`, { cause: e });
  }
}

// --- protocol -------------------------------------------------------------------------------

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
const protocolHandlers = new Map<string, ProtocolHandler>();

const protocol = honest(
  {
    registerSchemesAsPrivileged(schemes: unknown[]): void {
      if (isReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      record('protocol.registerSchemesAsPrivileged', schemes);
    },
    handle(scheme: string, handler: ProtocolHandler): void {
      requireReady('protocol.handle');
      if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
      protocolHandlers.set(scheme, handler);
    },
    unhandle(scheme: string): void {
      protocolHandlers.delete(scheme);
    },
    isProtocolHandled(scheme: string): boolean {
      return protocolHandlers.has(scheme);
    },
  },
  'protocol',
  report,
);

async function serve(r: Extract<MainRequest, { kind: 'protocol' }>): Promise<ProtocolReply> {
  const handler = protocolHandlers.get(r.scheme);
  if (!handler) throw new Error(`No handler for the ${r.scheme}: scheme.`);
  const response = await handler(new Request(r.url, { method: r.method, headers: r.headers }));
  // Electron accepts nothing but a Response here.
  if (!(response instanceof Response)) throw new Error(`The ${r.scheme}: handler did not return a Response.`);
  return { status: response.status, headers: Object.fromEntries(response.headers), body: new Uint8Array(await response.arrayBuffer()) };
}

// --- dialog, Menu, shell, session -----------------------------------------------------------

function showDialog(method: DialogMethod, args: unknown[]): Promise<unknown> {
  requireReady(`dialog.${method}`);
  // (browserWindow?, options): a window first when there are two arguments.
  const parented = args.length > 1;
  const options = parented ? args[1] : args[0];
  if (typeof options !== 'object' || options === null) throw new TypeError(`dialog.${method}: options must be an object`);
  const winId = parented ? windowIdOf(args[0]) : null;
  if (parented && winId === null) throw new TypeError(`dialog.${method}: the first argument is not a BrowserWindow`);
  return ask({ kind: 'dialog', method, winId, options: plain(options) });
}

const dialog = honest(
  {
    showOpenDialog: (...args: unknown[]) => showDialog('showOpenDialog', args),
    showSaveDialog: (...args: unknown[]) => showDialog('showSaveDialog', args),
    showMessageBox: (...args: unknown[]) => showDialog('showMessageBox', args),
  },
  'dialog',
  report,
);

interface TemplateItem {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  enabled?: boolean;
  submenu?: TemplateItem[];
  click?: (item: unknown, win: unknown, event: unknown) => void;
  [key: string]: unknown;
}

class MenuItem {
  readonly label: string;
  readonly role: string | undefined;
  readonly type: string;
  readonly accelerator: string | undefined;
  readonly enabled: boolean;
  readonly submenu: Menu | undefined;
  readonly click: (event: unknown, focusedWindow: unknown) => void;
  constructor(t: TemplateItem) {
    if (t.label === undefined && t.role === undefined && t.type === undefined) {
      throw new Error('Invalid template for MenuItem: must have at least one of label, role or type');
    }
    this.label = t.label ?? '';
    this.role = t.role;
    this.type = t.type ?? (t.submenu ? 'submenu' : 'normal');
    this.accelerator = t.accelerator;
    this.enabled = t.enabled !== false;
    this.submenu = t.submenu ? buildFromTemplate(t.submenu) : undefined;
    this.click = (event, focusedWindow) => t.click?.(this, focusedWindow, event);
  }
}

let applicationMenu: Menu | null = null;

class Menu {
  constructor(readonly items: MenuItem[]) {}
}

function buildFromTemplate(template: TemplateItem[]): Menu {
  return honest(new Menu(template.map((t) => honest(new MenuItem(t), 'MenuItem', report))), 'Menu', report);
}

const MenuModule = honest(
  {
    buildFromTemplate,
    setApplicationMenu(menu: Menu | null): void {
      applicationMenu = menu;
      note({ kind: 'menu', template: menu ? describeMenu(menu) : null });
    },
    getApplicationMenu(): Menu | null {
      return applicationMenu;
    },
  },
  'Menu',
  report,
);

function describeMenu(menu: Menu): MenuItemInfo[] {
  return menu.items.map((i) => ({
    label: i.label || undefined,
    role: i.role,
    type: i.type,
    accelerator: i.accelerator,
    enabled: i.enabled,
    submenu: i.submenu ? describeMenu(i.submenu) : undefined,
  }));
}

function clickMenu(labels: string[]): void {
  let menu = applicationMenu;
  let item: MenuItem | undefined;
  for (const label of labels) {
    item = menu?.items.find((i) => i.label === label);
    if (!item) throw new Error(`The application menu has no item '${labels.join(' > ')}'.`);
    menu = item.submenu ?? null;
  }
  if (!item?.enabled) throw new Error(`The menu item '${labels.join(' > ')}' is disabled.`);
  const focused = liveWindows()[0]?.win ?? null;
  item.click(electronEvent(), focused);
}

const shell = honest(
  {
    openExternal(url: string): Promise<void> {
      record('shell.openExternal', url);
      return Promise.resolve();
    },
  },
  'shell',
  report,
);

type PermissionRequestHandler = ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null;
type PermissionCheckHandler = ((wc: unknown, permission: string, origin: string, details: unknown) => boolean) | null;
let permissionRequestHandler: PermissionRequestHandler = null;
let permissionCheckHandler: PermissionCheckHandler = null;

const defaultSession = honest(
  {
    setPermissionRequestHandler(handler: PermissionRequestHandler): void {
      permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler): void {
      permissionCheckHandler = handler;
    },
  },
  'Session',
  report,
);

const session = honest(
  {
    get defaultSession() {
      requireReady('session.defaultSession');
      return defaultSession;
    },
  },
  'session',
  report,
);

/** Asks the session's handlers as Chromium would; with no handler Electron grants. */
function askPermission(permission: string): { requested: boolean; checked: boolean } {
  const wc = liveWindows()[0]?.win.webContents ?? null;
  let requested = true;
  permissionRequestHandler?.(wc, permission, (granted) => (requested = granted), {});
  const checked = permissionCheckHandler ? permissionCheckHandler(wc, permission, 'app://bpnn', {}) : true;
  return { requested, checked };
}

// --- requests from the test process ---------------------------------------------------------

async function answer(r: MainRequest): Promise<unknown> {
  switch (r.kind) {
    case 'protocol':
      return serve(r);
    case 'invoke':
      return invoke(r);
    case 'will-navigate': {
      const s = stateOf(r.winId);
      const event = electronEvent({ url: r.url, isMainFrame: true, isSameDocument: false });
      s.win.webContents.emit('will-navigate', event, r.url);
      if (!event.defaultPrevented) s.url = r.url;
      return { prevented: event.defaultPrevented };
    }
    case 'window-open': {
      const handler = stateOf(r.winId).windowOpenHandler;
      return handler ? plain(handler({ url: r.url })) : { action: 'allow' };
    }
    case 'close':
      stateOf(r.winId).win.close();
      return { closed: stateOf(r.winId).destroyed };
    case 'ready-to-show':
      stateOf(r.winId).win.emit('ready-to-show', electronEvent());
      return null;
    case 'render-process-gone': {
      const s = stateOf(r.winId);
      s.win.webContents.emit('render-process-gone', electronEvent(), { reason: r.reason, exitCode: 1 });
      return null;
    }
    case 'app-event':
      app.emit(r.event, electronEvent(), ...r.args);
      return null;
    case 'menu-click':
      clickMenu(r.path);
      return null;
    case 'permission':
      return askPermission(r.permission);
    case 'quit':
      app.quit();
      return null;
    case 'ping':
      return null;
  }
}

process.on('message', (m: ToMain) => {
  if (m.type === 'reply') {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (!w) return;
    if (m.ok) w.resolve(m.value);
    else w.reject(new Error(m.message));
    return;
  }
  answer(m.request).then(
    (value) => post({ type: 'reply', id: m.id, ok: true, value }),
    (e: unknown) => post({ type: 'reply', id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) }),
  );
});

// The test process is gone (a run cut short): do not outlive it with training threads running.
process.on('disconnect', () => process.exit(1));

// Ready after the main script's first run, as in Electron.
setImmediate(() => {
  isReady = true;
  app.emit('session-created', defaultSession);
  app.emit('ready', electronEvent(), {});
  resolveReady();
  note({ kind: 'ready' });
});

/** What require('electron') returns in the main process under test. */
export const electronStandIn = honest({ app, BrowserWindow: BrowserWindowClass, ipcMain, protocol, dialog, Menu: MenuModule, shell, session }, 'electron', report);
