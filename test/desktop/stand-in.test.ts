// The Electron stand-in keeps itself honest: an API it does not implement is reported (and
// fails the desktop tests through expectHonest) even when the caller catches the error, and it
// refuses what Electron refuses (a window before ready, a privileged scheme after it, a second
// handler for one channel).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { honest } from './harness/honest';
import { buildStandIn, Desktop, privateDir, SKIP_BROWSER } from './harness/host';

describe('honest()', () => {
  it('passes through what the object has, and reports and throws on anything else', () => {
    const seen: string[] = [];
    const app = honest({ getVersion: () => '1.0.0', isPackaged: false }, 'app', (w) => seen.push(w));
    expect(app.getVersion()).toBe('1.0.0');
    expect(app.isPackaged).toBe(false);
    expect(() => (app as unknown as { setBadgeCount(n: number): void }).setBadgeCount(3)).toThrow(/does not implement app\.setBadgeCount/);
    expect(() => ((app as unknown as { dock: unknown }).dock = 1)).toThrow(/does not implement app\.dock/);
    expect(seen).toEqual(['app.setBadgeCount', 'app.dock']);
  });

  it('answers the runtime’s own probes (await, JSON) without a report', async () => {
    const seen: string[] = [];
    const session = honest({ id: 1 }, 'Session', (w) => seen.push(w));
    expect(await Promise.resolve(session)).toBe(session);
    expect(JSON.stringify(session)).toBe('{"id":1}');
    expect(seen).toEqual([]);
  });
});

describe.skipIf(SKIP_BROWSER)('the stand-in electron module in a main process', () => {
  let desktop: Desktop;
  let dir = '';
  beforeAll(async () => {
    dir = privateDir('bpnn-stand-in-');
    const standIn = await buildStandIn(dir, '');
    desktop = await Desktop.launch({ electronDir: dir, ...standIn });
  });
  afterAll(async () => {
    await desktop?.close();
  });

  it('reports an unimplemented API even when main catches the error, and refuses what Electron refuses', async () => {
    const script = path.join(dir, 'probe-main.cjs');
    writeFileSync(
      script,
      `const electron = require('electron');
const { app, protocol, ipcMain, BrowserWindow } = electron;
const attempt = (label, fn) => { try { fn(); console.log(label + ': allowed'); } catch (e) { console.log(label + ': ' + e.message); } };
attempt('window before ready', () => new BrowserWindow());
app.whenReady().then(() => {
  attempt('privileged scheme after ready', () => protocol.registerSchemesAsPrivileged([{ scheme: 'x' }]));
  ipcMain.handle('x:y', () => 1);
  attempt('second handler', () => ipcMain.handle('x:y', () => 2));
  attempt('nativeTheme', () => electron.nativeTheme.shouldUseDarkColors);
  attempt('badge', () => app.setBadgeCount(3));
  app.quit();
});
`,
    );
    const main = desktop.start({ mainScript: script });
    expect(await main.exited).toEqual({ code: 0, signal: null });
    expect(main.logs.filter((l) => l.includes(': '))).toEqual([
      'window before ready: BrowserWindow cannot be used before the app is ready.',
      'privileged scheme after ready: protocol.registerSchemesAsPrivileged should be called before app is ready',
      "second handler: Attempted to register a second handler for 'x:y'",
      'nativeTheme: The Electron stand-in does not implement electron.nativeTheme. Implement it as Electron documents it, or do not call it.',
      'badge: The Electron stand-in does not implement app.setBadgeCount. Implement it as Electron documents it, or do not call it.',
    ]);
    expect(main.unimplemented).toEqual(['electron.nativeTheme', 'app.setBadgeCount']);
  });
});
