// The real main process (electron/main/app.ts, electron mocked) on a computer set to Hong Kong
// Chinese: the first menu is Traditional Chinese; the window's language:set switches main at
// once (menu rebuilt, dialogs in the new language, the choice remembered beside the recent
// list); a malformed report is refused without a change; View › Language asks the window.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { APP_ENTRY } from '../../electron/main/window';

vi.mock('electron', () => import('./helpers/electron-mock'));
const electron = await import('./helpers/electron-mock');
const { startApp } = await import('../../electron/main/app');

let userData = '';
let running: NonNullable<ReturnType<typeof startApp>>;

beforeAll(async () => {
  userData = mkdtempSync(path.join(tmpdir(), 'bpnn-language-userdata-'));
  electron.app.userData = userData;
  electron.app.appPath = path.resolve(__dirname, '../..');
  electron.app.locale = 'zh-HK';
  electron.app.preferredSystemLanguages = ['zh-Hant-HK', 'en-US'];
  // No run is started here, so the bundles (and their training worker) are never loaded.
  const started = startApp({ appDir: userData, argv: ['electron', '.'], log: () => undefined });
  if (!started) throw new Error('startApp refused to start');
  running = started;
  electron.app.fireReady();
  await running.ready;
});
afterAll(async () => {
  await running.context()?.host.dispose();
  rmSync(userData, { recursive: true, force: true });
});
beforeEach(() => {
  electron.dialog.showMessageBox.mockReset();
});

const ctx = () => {
  const c = running.context();
  if (!c) throw new Error('no context');
  return c;
};
const mainWindow = () => {
  const w = running.window() as unknown as InstanceType<typeof electron.BrowserWindow> | null;
  if (!w) throw new Error('no window');
  return w;
};
const setLanguage = (payload: unknown, event: unknown = { senderFrame: { url: APP_ENTRY }, sender: {} }) => {
  const fn = electron.ipcMain.handlers.get('language:set');
  if (!fn) throw new Error('no handler for language:set');
  return fn(event, payload) as Promise<unknown>;
};
const menu = () => (electron.Menu.setApplicationMenu.mock.calls.at(-1)?.[0] as unknown as { template: MenuItemConstructorOptions[] }).template;
const topLabels = () => menu().map((m) => m.label);
const languageItems = () => {
  const view = menu()[2].submenu as MenuItemConstructorOptions[];
  return view.find((i) => Array.isArray(i.submenu) && i.submenu.some((s) => s.type === 'radio'))?.submenu as MenuItemConstructorOptions[];
};
const settingsFile = () => path.join(userData, 'settings.json');
const remembered = () => (existsSync(settingsFile()) ? (JSON.parse(readFileSync(settingsFile(), 'utf8')) as { language?: string }).language : undefined);

describe('main’s language, wired', () => {
  it('first start on a zh-HK system: the menu is Traditional Chinese before the window says anything', () => {
    expect(electron.app.getLocale).toHaveBeenCalled();
    expect(ctx().language.current).toBe('zh-TW');
    expect(topLabels()).toEqual(['檔案', '編輯', '檢視', '說明']);
    expect(languageItems().map((i) => [i.label, i.checked])).toEqual([
      ['English', false],
      ['繁體中文', true],
    ]);
    // Nothing was chosen yet: nothing is remembered.
    expect(remembered()).toBeUndefined();
  });

  it('language:set from the window switches main at once: menu rebuilt, dialogs in English, the choice remembered', async () => {
    const menusBefore = electron.Menu.setApplicationMenu.mock.calls.length;
    expect(await setLanguage({ language: 'en', chosen: true })).toBeUndefined();
    expect(electron.Menu.setApplicationMenu.mock.calls.length).toBe(menusBefore + 1);
    expect(topLabels()).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(languageItems().map((i) => i.checked)).toEqual([true, false]);
    expect(remembered()).toBe('en');

    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 2, checkboxChecked: false });
    await ctx().dialogs.askUnsaved(null, 'xor.bpnn');
    expect(electron.dialog.showMessageBox.mock.calls[0]).toEqual([expect.objectContaining({ message: 'Do you want to save the changes you made to xor.bpnn?', buttons: ['Save', "Don't Save", 'Cancel'] })]);
  });

  it('reporting the language main already speaks rebuilds nothing', async () => {
    const menusBefore = electron.Menu.setApplicationMenu.mock.calls.length;
    await setLanguage({ language: 'en', chosen: true });
    expect(electron.Menu.setApplicationMenu.mock.calls.length).toBe(menusBefore);
  });

  it('a malformed language:set is refused, naming the field, and changes nothing', async () => {
    const menusBefore = electron.Menu.setApplicationMenu.mock.calls.length;
    const cases: [unknown, RegExp][] = [
      [{ language: 'fr', chosen: true }, /language/],
      [{ language: 'zh-CN', chosen: true }, /language/],
      [{ language: 'zh-TW' }, /chosen/],
      [{ language: 'zh-TW', chosen: 'yes' }, /chosen/],
      [{ language: 'zh-TW', chosen: true, extra: 1 }, /extra/],
      ['zh-TW', /expected object/i],
      [null, /expected object/i],
      [{ language: 'x'.repeat(1_000_000), chosen: true }, /language/],
    ];
    for (const [payload, names] of cases) {
      const r = (await setLanguage(payload)) as { ipcError?: boolean; message: string; problems: { message: string }[] };
      expect(r.ipcError, JSON.stringify(payload).slice(0, 80)).toBe(true);
      expect(`${r.message} ${r.problems.map((p) => p.message).join(' ')}`).toMatch(names);
      expect(r.message.length).toBeLessThan(2000);
    }
    const fromElsewhere = (await setLanguage({ language: 'zh-TW', chosen: true }, { senderFrame: { url: 'https://evil.example/' } })) as { ipcError?: boolean };
    expect(fromElsewhere.ipcError).toBe(true);
    expect(ctx().language.current).toBe('en');
    expect(electron.Menu.setApplicationMenu.mock.calls.length).toBe(menusBefore);
    expect(remembered()).toBe('en');
  });

  it('View › Language › 繁體中文 asks the window to switch; main follows only when the window reports back', async () => {
    mainWindow().webContents.send.mockClear();
    const zh = languageItems().find((i) => i.label === '繁體中文');
    zh?.click?.(undefined as never, undefined, undefined as never);
    expect(mainWindow().webContents.send.mock.calls).toEqual([['language:switch', 'zh-TW']]);
    expect(ctx().language.current).toBe('en');

    await setLanguage({ language: 'zh-TW', chosen: true });
    expect(topLabels()).toEqual(['檔案', '編輯', '檢視', '說明']);
    expect(remembered()).toBe('zh-TW');
  });

  it('a window that follows the system (nothing stored) makes main forget its remembered choice', async () => {
    await setLanguage({ language: 'en', chosen: false });
    expect(topLabels()).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(remembered()).toBeUndefined();
  });

  it('with no window to ask, View › Language leaves the language as it was, check mark included', () => {
    const win = mainWindow();
    win.close();
    expect(win.destroyed).toBe(true);
    win.webContents.send.mockClear();
    const menusBefore = electron.Menu.setApplicationMenu.mock.calls.length;
    languageItems()
      .find((i) => i.label === '繁體中文')
      ?.click?.(undefined as never, undefined, undefined as never);
    expect(win.webContents.send).not.toHaveBeenCalled();
    expect(ctx().language.current).toBe('en');
    // Electron moved the radio check on click; the rebuilt menu puts it back.
    expect(electron.Menu.setApplicationMenu.mock.calls.length).toBe(menusBefore + 1);
    expect(languageItems().map((i) => [i.label, i.checked])).toEqual([
      ['English', true],
      ['繁體中文', false],
    ]);
  });
});
