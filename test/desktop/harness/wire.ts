// The messages between the two halves of the Electron stand-in. The main process under test
// is a Node child running the real dist/electron/main.cjs; its `electron` module (electron-main.ts)
// forwards what only a window can do to the test process, which owns the Chromium pages that
// stand in for the windows (host.ts), and answers what the window asks of main. Both directions
// use Node's "advanced" serialization (the structured clone Electron's IPC uses too), so typed
// arrays in training events cross as typed arrays.

/** What the main process is told about itself (app.getPath, app.isPackaged, …). */
export interface StandInConfig {
  userData: string;
  /** app.getAppPath(): the folder holding package.json (an unpacked run), or …/resources/app.asar. */
  appPath: string;
  packaged: boolean;
  /** process.resourcesPath of a packaged app; null for an unpacked run. */
  resourcesPath: string | null;
  /** app.getVersion(): package.json's version. */
  version: string;
  /** process.argv as Electron would give it: the executable, then its arguments. */
  argv: string[];
}

export const STAND_IN_CONFIG_ENV = 'BPNN_ELECTRON_STAND_IN';

/** A menu template as the test sees it: everything but the click functions. */
export interface MenuItemInfo {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  enabled?: boolean;
  submenu?: MenuItemInfo[];
}

export type DialogMethod = 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox';

/** What main asks of the windows (and of the person in front of them); each gets a reply. */
export type HostRequest =
  | { kind: 'window.loadURL'; winId: number; url: string }
  | { kind: 'window.reload'; winId: number }
  | { kind: 'dialog'; method: DialogMethod; winId: number | null; options: unknown };

/** What main tells the test process without waiting. */
export type HostNote =
  | { kind: 'window.create'; winId: number; options: unknown }
  | { kind: 'window.title'; winId: number; title: string }
  | { kind: 'window.show' | 'window.focus' | 'window.restore' | 'window.destroyed'; winId: number }
  | { kind: 'webContents.send'; winId: number; channel: string; args: unknown[] }
  | { kind: 'menu'; template: MenuItemInfo[] | null }
  | { kind: 'record'; api: string; args: unknown[] }
  | { kind: 'unimplemented'; what: string }
  | { kind: 'ready' };

/** What the windows (and the test script, acting as the OS or the user) ask of main. */
export type MainRequest =
  | { kind: 'protocol'; scheme: string; url: string; method: string; headers: Record<string, string> }
  | { kind: 'invoke'; winId: number; frameUrl: string; isMainFrame: boolean; channel: string; args: unknown[] }
  | { kind: 'will-navigate'; winId: number; url: string }
  | { kind: 'window-open'; winId: number; url: string }
  | { kind: 'close'; winId: number }
  | { kind: 'ready-to-show'; winId: number }
  | { kind: 'render-process-gone'; winId: number; reason: string }
  | { kind: 'app-event'; event: 'open-file' | 'second-instance' | 'activate'; args: unknown[] }
  | { kind: 'menu-click'; path: string[] }
  | { kind: 'permission'; permission: string }
  | { kind: 'quit' }
  /** Answered once main has handled everything sent before it (the messages are in order). */
  | { kind: 'ping' };

export interface ProtocolReply {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export type Reply = { type: 'reply'; id: number; ok: true; value: unknown } | { type: 'reply'; id: number; ok: false; message: string };

export type ToHost = { type: 'request'; id: number; request: HostRequest } | { type: 'note'; note: HostNote } | Reply;
export type ToMain = { type: 'request'; id: number; request: MainRequest } | Reply;

/** What the page's stand-in (page.ts) sends through its one binding. */
export type PageMessage =
  | { kind: 'invoke'; channel: string; args: unknown[] }
  | { kind: 'unimplemented'; what: string };

export const PAGE_BINDING = '__bpnnElectronStandIn';
export const PAGE_DELIVER = '__bpnnElectronStandInDeliver';
