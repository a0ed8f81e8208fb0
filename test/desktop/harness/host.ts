// The test process's half of the Electron stand-in: it builds the real bundles, runs the real
// main process (dist/electron/main.cjs) as a Node child with `electron` resolved to the stand-in
// (boot.ts, electron-main.ts), and plays every part Electron plays around it with real parts:
//   - each BrowserWindow is a page of Debian's Chromium (playwright-core);
//   - protocol.handle('app', …) serves that page: Chromium does not know the app: scheme, so the
//     page lives at a stand-in origin, https://bpnn.invalid, whose requests are routed (page
//     routing) to main's real handler as the app://bpnn URL they stand for; and what main sees as
//     a sender frame's URL is that app:// URL (any other frame keeps its own URL);
//   - the real built preload runs in the page over a stand-in contextBridge/ipcRenderer (page.ts)
//     whose invoke reaches main's real ipcMain handlers, and webContents.send reaches its listeners;
//   - dialogs, the menu, shell and the sessions record what main asks, and the test answers.
// The page's own navigations are put to main's will-navigate handlers first, as Electron does.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { build as esbuild } from 'esbuild';
import { chromium, type BrowserContext, type Frame, type Page, type Request, type Route } from 'playwright-core';
import { buildElectron } from '../../../scripts/build-electron.mjs';
import { findChromium } from '../../../scripts/chromium.mjs';
import { buildWeb, CHROMIUM_ARGS, ROOT, SCREENSHOTS } from '../../e2e/harness';
import {
  PAGE_BINDING,
  PAGE_DELIVER,
  STAND_IN_CONFIG_ENV,
  type DialogMethod,
  type HostNote,
  type HostRequest,
  type MainRequest,
  type MenuItemInfo,
  type PageMessage,
  type ProtocolReply,
  type StandInConfig,
  type ToHost,
  type ToMain,
} from './wire';

export { SKIP_BROWSER } from '../../e2e/harness';

/** The origin the app's page has in Chromium; its requests go to main's app: handler. */
export const STAND_IN_ORIGIN = 'https://bpnn.invalid';
const APP_ORIGIN = 'app://bpnn';
/** What Electron's argv[0] would be for `electron .` in the repo. */
const ELECTRON_EXE = path.join(ROOT, 'node_modules', 'electron', 'dist', 'electron');
const HERE = import.meta.dirname;
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The page URL that stands for an app:// URL; other URLs are themselves. */
export function toPageUrl(url: string): string {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`) ? STAND_IN_ORIGIN + url.slice(APP_ORIGIN.length) : url;
}

/** The app:// URL a stand-in page URL stands for; other URLs are themselves. */
export function toAppUrl(url: string): string {
  return url === STAND_IN_ORIGIN || url.startsWith(`${STAND_IN_ORIGIN}/`) ? APP_ORIGIN + url.slice(STAND_IN_ORIGIN.length) : url;
}

// --- private folders, removed when the test file is done (or the run is cut short) -----------

const made: string[] = [];
function removeMade(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
afterAll(removeMade);
process.once('exit', removeMade);

export function privateDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

// --- building -------------------------------------------------------------------------------

export interface DesktopBuild {
  /** dist/electron: main.cjs, preload.cjs, training-worker.cjs, as the real build script writes them. */
  electronDir: string;
  /** The stand-in's entry for the main process. */
  boot: string;
  /** The script every document of a window runs first: the stand-in with the real preload in it. */
  pageScript: string;
}

/** The stand-in's own two pieces: the main process's boot.cjs and the page's script around `preload`. */
export async function buildStandIn(dir: string, preloadSource: string): Promise<{ boot: string; pageScript: string }> {
  const boot = path.join(dir, 'boot.cjs');
  await esbuild({ entryPoints: [path.join(HERE, 'boot.ts')], outfile: boot, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  const page = await esbuild({ entryPoints: [path.join(HERE, 'page.ts')], bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'warning' });
  const pageScript = `(function (__bpnnPreload) {\n${page.outputFiles[0].text}\n})(function (exports, require, module, __filename, __dirname) {\n${preloadSource}\n});\n`;
  return { boot, pageScript };
}

/**
 * The real bundles (scripts/build-electron.mjs) and the real web build laid out as in the
 * package (dist/electron next to dist/web, which main serves from ../web), in a private folder.
 */
export async function buildDesktop(): Promise<DesktopBuild> {
  const root = privateDir('bpnn-desktop-');
  const electronDir = path.join(root, 'dist', 'electron');
  await buildElectron({ outdir: electronDir });
  buildWeb(path.join(root, 'dist', 'web'));
  const standIn = await buildStandIn(path.join(root, 'stand-in'), readFileSync(path.join(electronDir, 'preload.cjs'), 'utf8'));
  return { electronDir, ...standIn };
}

// --- dialogs --------------------------------------------------------------------------------

export class AskedDialog {
  answered = false;
  constructor(
    readonly method: DialogMethod,
    readonly options: Record<string, unknown>,
    /** The window it is attached to (modal), or null. */
    readonly winId: number | null,
    private readonly settle: (value: unknown) => void,
  ) {}

  get message(): string {
    return String(this.options.message ?? '');
  }
  get buttons(): string[] {
    return (this.options.buttons as string[] | undefined) ?? [];
  }

  answer(value: unknown): void {
    if (this.answered) throw new Error('This dialog was already answered.');
    this.answered = true;
    this.settle(value);
  }
  /** A message box: the person clicks the button with this label. */
  click(label: string): void {
    const response = this.buttons.indexOf(label);
    if (this.method !== 'showMessageBox' || response < 0) throw new Error(`No button '${label}' in ${this.method}: ${this.buttons.join(', ')}`);
    this.answer({ response, checkboxChecked: false });
  }
  /** A save dialog: the person picks this path. */
  saveTo(filePath: string): void {
    if (this.method !== 'showSaveDialog') throw new Error(`Expected a save dialog, got ${this.method}`);
    this.answer({ canceled: false, filePath });
  }
  /** An open dialog: the person picks this file. */
  open(filePath: string): void {
    if (this.method !== 'showOpenDialog') throw new Error(`Expected an open dialog, got ${this.method}`);
    this.answer({ canceled: false, filePaths: [filePath] });
  }
  /** Escape / the window's close box. */
  cancel(): void {
    if (this.method === 'showOpenDialog') this.answer({ canceled: true, filePaths: [] });
    else if (this.method === 'showSaveDialog') this.answer({ canceled: true, filePath: '' });
    else this.answer({ response: typeof this.options.cancelId === 'number' ? this.options.cancelId : this.buttons.length - 1, checkboxChecked: false });
  }
}

class DialogQueue {
  /** Every dialog main showed, in order. */
  readonly asked: AskedDialog[] = [];
  private waiters: ((d: AskedDialog) => void)[] = [];
  private unclaimed: AskedDialog[] = [];

  add(d: AskedDialog): void {
    this.asked.push(d);
    const waiter = this.waiters.shift();
    if (waiter) waiter(d);
    else this.unclaimed.push(d);
  }

  /** The next dialog main shows (or the oldest one nobody looked at yet). */
  next(method?: DialogMethod): Promise<AskedDialog> {
    const check = (d: AskedDialog) => {
      if (method && d.method !== method) throw new Error(`Expected ${method}, main showed ${d.method}: ${d.message || JSON.stringify(d.options)}`);
      return d;
    };
    const ready = this.unclaimed.shift();
    if (ready) return Promise.resolve(check(ready));
    return new Promise((resolve) => this.waiters.push((d) => resolve(check(d))));
  }

  unanswered(): AskedDialog[] {
    return this.asked.filter((d) => !d.answered);
  }
}

// --- windows --------------------------------------------------------------------------------

export class AppWindow {
  title = '';
  visible = false;
  closed = false;
  focused = 0;
  /** Navigations the page started and what main's will-navigate handlers said. */
  readonly navigations: { url: string; prevented: boolean }[] = [];
  readonly pageErrors: string[] = [];
  /** Resolves once the page has loaded main's first URL. */
  readonly loaded: Promise<void>;
  private markLoaded: () => void = () => undefined;
  private expected: string | null = null;
  private outbox: [string, unknown[]][] = [];
  private delivering = false;

  constructor(
    readonly main: MainProcess,
    readonly id: number,
    readonly page: Page,
    readonly options: Record<string, unknown>,
  ) {
    this.visible = options.show !== false;
    this.loaded = new Promise((r) => (this.markLoaded = r));
  }

  /** main's loadURL: a navigation main asked for, so not one will-navigate is asked about. */
  async load(url: string): Promise<void> {
    const target = toPageUrl(url);
    this.expected = target;
    await this.page.goto(target);
    this.markLoaded();
  }

  async reload(): Promise<void> {
    this.expected = this.page.url();
    await this.page.reload();
  }

  /** Loads a URL in the window behind main's back, as a navigation that escaped its policy would. */
  async forceNavigate(url: string): Promise<void> {
    this.expected = url;
    await this.page.goto(url);
  }

  /** Whether a main-frame navigation to `url` is one main itself started. */
  takeExpected(url: string): boolean {
    if (this.expected !== url) return false;
    this.expected = null;
    return true;
  }

  /** webContents.send: delivered in order, in batches while the page is busy. */
  deliver(channel: string, args: unknown[]): void {
    this.outbox.push([channel, args]);
    if (this.delivering) return;
    this.delivering = true;
    void (async () => {
      while (this.outbox.length > 0 && !this.closed) {
        const batch = this.outbox.splice(0);
        await this.page
          .evaluate(
            ([name, items]) => {
              const deliver = (window as unknown as Record<string, unknown>)[name];
              if (typeof deliver === 'function') deliver(items);
            },
            [PAGE_DELIVER, batch] as const,
          )
          .catch(() => undefined); // A page between documents misses the message, as in Electron.
      }
      this.delivering = false;
    })();
  }

  /** The person clicks the window's close button. Resolves with whether the window closed. */
  async close(): Promise<boolean> {
    const r = await this.main.request<{ closed: boolean }>({ kind: 'close', winId: this.id });
    return r.closed;
  }

  /** Waits until main's title for the window matches. */
  async waitForTitle(test: (title: string) => boolean, timeout = 30_000): Promise<string> {
    const start = Date.now();
    while (!test(this.title)) {
      if (Date.now() - start > timeout) throw new Error(`The window's title stayed '${this.title}'.`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.title;
  }
}

// --- the main process -----------------------------------------------------------------------

export interface StartOptions {
  /** Main's userData folder (recovery backups, recent files); a fresh private one by default. */
  userData?: string;
  /** The arguments after the executable (default ['.']: an unpacked run, `electron .`). */
  args?: string[];
  /** Another main script than the built dist/electron/main.cjs (the stand-in's own tests). */
  mainScript?: string;
  /** A packaged app: app.isPackaged, process.resourcesPath, and where its app.asar would be. */
  packaged?: { resourcesPath: string; appPath: string; mainScript: string; argv0: string };
}

export class MainProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly userData: string;
  /** main's stdout and stderr, line by line ([bpnn] … is its log). */
  readonly logs: string[] = [];
  /** Electron APIs main (or the preload) touched that the stand-in does not implement. */
  readonly unimplemented: string[] = [];
  /** Calls the stand-in recorded (e.g. protocol.registerSchemesAsPrivileged, shell.openExternal). */
  readonly records: { api: string; args: unknown[] }[] = [];
  /** Every webContents.send, in order. */
  readonly sent: { winId: number; channel: string; args: unknown[] }[] = [];
  readonly dialogs = new DialogQueue();
  menu: MenuItemInfo[] | null = null;
  readonly windows = new Map<number, Promise<AppWindow>>();
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private alive = true;

  constructor(
    private readonly desktop: Desktop,
    opts: StartOptions,
  ) {
    this.userData = opts.userData ?? privateDir('bpnn-desktop-userdata-');
    const b = desktop.build;
    const config: StandInConfig & { mainScript: string } = opts.packaged
      ? {
          userData: this.userData,
          appPath: opts.packaged.appPath,
          packaged: true,
          resourcesPath: opts.packaged.resourcesPath,
          version: VERSION,
          argv: [opts.packaged.argv0, ...(opts.args ?? [])],
          mainScript: opts.packaged.mainScript,
        }
      : {
          userData: this.userData,
          appPath: ROOT,
          packaged: false,
          resourcesPath: null,
          version: VERSION,
          argv: [ELECTRON_EXE, ...(opts.args ?? ['.'])],
          mainScript: opts.mainScript ?? path.join(b.electronDir, 'main.cjs'),
        };
    this.child = fork(b.boot, [], {
      cwd: ROOT,
      env: { ...process.env, [STAND_IN_CONFIG_ENV]: JSON.stringify(config) },
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      let rest = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        this.logs.push(...lines);
      });
    }
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.alive = false;
        for (const p of this.pending.values()) p.reject(new Error('The main process has exited.'));
        this.pending.clear();
        // The windows go with their process.
        void this.closeAllWindows().then(() => resolve({ code, signal }));
      });
    });
    this.child.on('message', (m: ToHost) => this.onMessage(m));
  }

  get isAlive(): boolean {
    return this.alive;
  }

  request<T>(request: MainRequest): Promise<T> {
    if (!this.alive) return Promise.reject(new Error('The main process has exited.'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ type: 'request', id, request } satisfies ToMain);
    });
  }

  /** The first window, once its page has loaded main's URL. */
  async window(id = 1, timeout = 60_000): Promise<AppWindow> {
    const start = Date.now();
    while (!this.windows.has(id)) {
      if (!this.alive) throw new Error(`The main process exited before it opened window ${id}.\n${this.logs.join('\n')}`);
      if (Date.now() - start > timeout) throw new Error(`Main opened no window ${id}.\n${this.logs.join('\n')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const win = await this.windows.get(id)!;
    await win.loaded;
    return win;
  }

  /** The OS hands main a file (macOS open-file). */
  openFile(file: string): Promise<void> {
    return this.request({ kind: 'app-event', event: 'open-file', args: [file] });
  }

  /** A second launch with these arguments, from this folder. */
  secondInstance(args: string[], cwd: string): Promise<void> {
    return this.request({ kind: 'app-event', event: 'second-instance', args: [[ELECTRON_EXE, ...args], cwd, {}] });
  }

  clickMenu(...labels: string[]): Promise<void> {
    return this.request({ kind: 'menu-click', path: labels });
  }

  /** What main's session handlers answer when the page asks for a permission. */
  permission(permission: string): Promise<{ requested: boolean; checked: boolean }> {
    return this.request({ kind: 'permission', permission });
  }

  /** app.quit(), as the Quit menu item (its role) does. */
  quit(): Promise<void> {
    return this.request({ kind: 'quit' });
  }

  /** Resolves once main has handled every message sent to it before, and the work that followed at once. */
  async settled(): Promise<void> {
    await this.request({ kind: 'ping' });
    await new Promise((r) => setTimeout(r, 0));
    await this.request({ kind: 'ping' });
  }

  /** kill -9: no clean-up of any kind. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  async dispose(): Promise<void> {
    if (this.alive) this.child.kill('SIGKILL');
    await this.exited;
  }

  private onMessage(m: ToHost): void {
    if (m.type === 'reply') {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.ok) p?.resolve(m.value);
      else p?.reject(new Error(m.message));
    } else if (m.type === 'note') {
      this.onNote(m.note);
    } else {
      this.onRequest(m.request).then(
        (value) => this.reply({ type: 'reply', id: m.id, ok: true, value }),
        (e: unknown) => this.reply({ type: 'reply', id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) }),
      );
    }
  }

  private reply(r: ToMain): void {
    if (this.alive) this.child.send(r);
  }

  private withWindow(id: number, fn: (w: AppWindow) => void): void {
    void this.windows.get(id)?.then(fn);
  }

  private onNote(n: HostNote): void {
    switch (n.kind) {
      case 'window.create':
        this.windows.set(n.winId, this.desktop.openWindow(this, n.winId, n.options as Record<string, unknown>));
        return;
      case 'window.title':
        return this.withWindow(n.winId, (w) => (w.title = n.title));
      case 'window.show':
        return this.withWindow(n.winId, (w) => (w.visible = true));
      case 'window.focus':
        return this.withWindow(n.winId, (w) => w.focused++);
      case 'window.restore':
        return;
      case 'window.destroyed':
        return this.withWindow(n.winId, (w) => void this.closeWindow(w));
      case 'webContents.send':
        this.sent.push({ winId: n.winId, channel: n.channel, args: n.args });
        return this.withWindow(n.winId, (w) => w.deliver(n.channel, n.args));
      case 'menu':
        this.menu = n.template;
        return;
      case 'record':
        this.records.push({ api: n.api, args: n.args });
        return;
      case 'unimplemented':
        this.unimplemented.push(n.what);
        return;
      case 'ready':
        return;
    }
  }

  private async onRequest(r: HostRequest): Promise<unknown> {
    switch (r.kind) {
      case 'window.loadURL':
        return (await this.windows.get(r.winId))?.load(r.url);
      case 'window.reload':
        return (await this.windows.get(r.winId))?.reload();
      case 'dialog':
        return new Promise((resolve) => this.dialogs.add(new AskedDialog(r.method, r.options as Record<string, unknown>, r.winId, resolve)));
    }
  }

  private async closeWindow(w: AppWindow): Promise<void> {
    if (w.closed) return;
    w.closed = true;
    await w.page.close().catch(() => undefined);
  }

  private async closeAllWindows(): Promise<void> {
    for (const p of this.windows.values()) await this.closeWindow(await p);
  }
}

// --- Chromium and the routing of the page's requests ------------------------------------------

export class Desktop {
  private readonly mains: MainProcess[] = [];
  private readonly pages = new Map<Page, AppWindow>();
  /** Pages that are not the app, served to a window that is sent there. */
  private readonly foreign = new Map<string, { contentType: string; body: string }>();

  private constructor(
    readonly build: DesktopBuild,
    readonly context: BrowserContext,
    private readonly profile: string,
  ) {}

  /** Chromium with a fresh profile, every request of its pages routed here. */
  static async launch(build: DesktopBuild): Promise<Desktop> {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('Chromium was not found (set BPNN_CHROMIUM).');
    const profile = privateDir('bpnn-desktop-profile-');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, '--disable-sync'],
      viewport: { width: 1280, height: 800 },
    });
    const desktop = new Desktop(build, context, profile);
    await context.route('**/*', (route, request) => desktop.onRequest(route, request));
    mkdirSync(SCREENSHOTS, { recursive: true });
    return desktop;
  }

  /** Starts the real main process. */
  start(opts: StartOptions = {}): MainProcess {
    const main = new MainProcess(this, opts);
    this.mains.push(main);
    return main;
  }

  /** A page that is not the app, for a test that sends the window (or a frame) there. */
  serveForeign(url: string, body: string, contentType = 'text/html; charset=utf-8'): void {
    this.foreign.set(url, { contentType, body });
  }

  async close(): Promise<void> {
    for (const m of this.mains) await m.dispose();
    await this.context.close();
    rmSync(this.profile, { recursive: true, force: true });
  }

  /** A BrowserWindow main just created: a page with the stand-in and the preload in every document. */
  async openWindow(main: MainProcess, winId: number, options: Record<string, unknown>): Promise<AppWindow> {
    const page = await this.context.newPage();
    const win = new AppWindow(main, winId, page, options);
    this.pages.set(page, win);
    const width = typeof options.width === 'number' ? options.width : 800;
    const height = typeof options.height === 'number' ? options.height : 600;
    await page.setViewportSize({ width, height });
    await page.exposeBinding(PAGE_BINDING, ({ frame }: { frame: Frame }, message: PageMessage) => this.fromPage(win, frame, message));
    await page.addInitScript({ content: this.build.pageScript });
    page.once('load', () => void main.request({ kind: 'ready-to-show', winId }).catch(() => undefined));
    page.on('pageerror', (e) => win.pageErrors.push(e.message));
    page.on('crash', () => void main.request({ kind: 'render-process-gone', winId, reason: 'crashed' }).catch(() => undefined));
    // window.open and target=_blank: main's window-open handler decides, as in Electron.
    page.on('popup', (popup) => {
      void (async () => {
        const r = await main.request<{ action: string }>({ kind: 'window-open', winId, url: toAppUrl(popup.url()) }).catch(() => ({ action: 'deny' }));
        if (r.action !== 'allow') await popup.close();
      })();
    });
    return win;
  }

  private async fromPage(win: AppWindow, frame: Frame, message: PageMessage): Promise<unknown> {
    if (message.kind === 'unimplemented') {
      win.main.unimplemented.push(`preload: ${message.what}`);
      return null;
    }
    try {
      const value = await win.main.request({
        kind: 'invoke',
        winId: win.id,
        frameUrl: toAppUrl(frame.url()),
        isMainFrame: frame === win.page.mainFrame(),
        channel: message.channel,
        args: message.args,
      });
      return { ok: true, value };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  }

  private async onRequest(route: Route, request: Request): Promise<void> {
    const url = request.url();
    let frame: Frame | null = null;
    try {
      frame = request.frame();
    } catch {
      frame = null; // a worker's request
    }
    const win = frame ? this.pages.get(frame.page()) : undefined;
    const main = win?.main ?? [...this.mains].reverse().find((m) => m.isAlive);
    try {
      if (win && frame === win.page.mainFrame() && request.isNavigationRequest() && !win.takeExpected(url)) {
        // The page navigates on its own: main's will-navigate handlers may stop it.
        const r = await win.main.request<{ prevented: boolean }>({ kind: 'will-navigate', winId: win.id, url: toAppUrl(url) });
        win.navigations.push({ url, prevented: r.prevented });
        if (r.prevented) return await route.abort('aborted');
      }
      if (toAppUrl(url) !== url && main) {
        const headers = await request.allHeaders();
        const reply = await main.request<ProtocolReply>({ kind: 'protocol', scheme: 'app', url: toAppUrl(url), method: request.method(), headers });
        return await route.fulfill({ status: reply.status, headers: reply.headers, body: Buffer.from(reply.body) });
      }
      const page = this.foreign.get(url);
      if (page) return await route.fulfill({ status: 200, contentType: page.contentType, body: page.body });
      // The app needs no network; nothing else is reachable from here.
      return await route.abort('internetdisconnected');
    } catch {
      await route.abort('failed').catch(() => undefined);
    }
  }
}
