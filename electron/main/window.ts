// Window security policy as plain functions (S1, S4–S6), wired in app.ts and tested directly.
// The renderer is served from our own privileged scheme, app://bpnn/, never from file:// or
// http(s):// — so "is this our page?" is one URL-parser check on scheme and host.
import path from 'node:path';
import type { BrowserWindowConstructorOptions, WebPreferences, HandlerDetails, WindowOpenHandlerResponse } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bpnn';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** External sites the app may open in the user's browser (the docs and the project page). */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['github.com', 'www.electronjs.org']);

/** The one set of webPreferences every window gets; callers cannot weaken it. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  if (!path.isAbsolute(preloadPath)) throw new Error(`The preload path must be absolute: ${preloadPath}`);
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/**
 * Options for a BrowserWindow. `extra` may set size, title and the like; whatever it says about
 * webPreferences is dropped, so no code path can turn the sandbox or isolation off (S1).
 */
export function windowOptions(preloadPath: string, extra: BrowserWindowConstructorOptions = {}): BrowserWindowConstructorOptions {
  const { webPreferences: _ignored, ...rest } = extra;
  return {
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'BPNN Studio',
    show: false,
    backgroundColor: '#ffffff',
    ...rest,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Our own page: exactly scheme app: and host bpnn (look-alike hosts are someone else's). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/** S4: only frames showing our page may call main. A destroyed frame (null) may not. */
export function isTrustedSender(frame: { url: string } | null | undefined): boolean {
  return !!frame && typeof frame.url === 'string' && isAppUrl(frame.url);
}

/** S5: the window never navigates away from the app (a reload of the app itself is fine). */
export function onWillNavigate(event: { preventDefault(): void }, url: string): void {
  if (!isAppUrl(url)) event.preventDefault();
}

/** https links to allowlisted hosts only, parsed, never by string prefix. */
export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2048) return false;
  const u = parse(url);
  return u !== null && u.protocol === 'https:' && EXTERNAL_HOSTS.has(u.hostname) && u.port === '' && u.username === '' && u.password === '';
}

/** Opens an allowlisted link in the user's browser; anything else is refused. */
export function openExternalSafely(url: unknown, shell: { openExternal(url: string): Promise<void> }): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}

/**
 * S5: no new windows, ever. A link with target=_blank to an allowlisted site opens in the
 * browser instead; everything else is simply refused.
 */
export function makeWindowOpenHandler(shell: { openExternal(url: string): Promise<void> }) {
  return (details: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse => {
    openExternalSafely(details.url, shell);
    return { action: 'deny' };
  };
}

/** S6: the app needs no camera, location, notifications or clipboard reads: deny them all. */
export function permissionRequestHandler(_wc: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function permissionCheckHandler(): boolean {
  return false;
}

/** Title bar: "xor.bpnn • BPNN Studio", with a leading "● " while there are unsaved changes. */
export function windowTitle(fileName: string, dirty: boolean): string {
  return `${dirty ? '● ' : ''}${fileName} • BPNN Studio`;
}
