// The real main process (electron/main/app.ts) started against a mocked 'electron': what it hands
// to BrowserWindow, ipcMain, the sessions and the protocol, and how it reacts to the events
// Electron would fire (S1, S4, S5, S6, D8, B7, the title, opening files from the OS).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render, serializeProject, type Project } from '../../core/index';
import type { ExportResult } from '../../runtime/api';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../electron/ipc/contract';
import { GUARDED } from '../../electron/main/ipc';
import { APP_ENTRY } from '../../electron/main/window';
import { expectHardened } from './helpers/hardened';
import { xorProject, xorRequest } from './helpers/requests';
import { fakeEvent } from './helpers/electron-mock';
import { buildBundles, REAL_ENTRIES } from './helpers/bundle';

vi.mock('electron', () => import('./helpers/electron-mock'));
const electron = await import('./helpers/electron-mock');
const { startApp, bpnnFilesIn } = await import('../../electron/main/app');

const REPO = path.resolve(__dirname, '../..');
let APP_DIR = '';
let userData = '';
let work = '';
let running: NonNullable<ReturnType<typeof startApp>>;
const logs: string[] = [];

beforeAll(async () => {
  // The real bundles (main, preload, training worker), built by the real build script.
  APP_DIR = path.dirname((await buildBundles(REAL_ENTRIES))['training-worker']);
  userData = mkdtempSync(path.join(tmpdir(), 'bpnn-main-userdata-'));
  work = mkdtempSync(path.join(tmpdir(), 'bpnn-main-work-'));
  electron.app.userData = userData;
  electron.app.appPath = REPO;
  const started = startApp({ appDir: APP_DIR, argv: ['electron', '.'], log: (m) => logs.push(m) });
  if (!started) throw new Error('startApp refused to start');
  running = started;
  electron.app.fireReady();
  await running.ready;
}, 600_000);
afterAll(async () => {
  await running.context()?.host.dispose();
  rmSync(userData, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
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
const trusted = () => ({ senderFrame: { url: APP_ENTRY }, sender: {} });
const invoke = (channel: InvokeChannel, payload?: unknown, event: unknown = trusted()) => {
  const fn = electron.ipcMain.handlers.get(channel);
  if (!fn) throw new Error(`no handler for ${channel}`);
  return payload === undefined ? fn(event) : fn(event, payload);
};
const textOf = (p: Project) => {
  const s = serializeProject(p);
  if (!s.ok) throw new Error(s.message);
  return s.text;
};
const named = (name: string): Project => ({ ...xorProject(), name });
/** Answer the next message boxes by button label. */
function answerBoxes(...labels: string[]) {
  for (const label of labels) {
    electron.dialog.showMessageBox.mockImplementationOnce((async (...args: unknown[]) => {
      const options = args[args.length - 1] as { buttons: string[] };
      const response = options.buttons.indexOf(label);
      if (response < 0) throw new Error(`no button '${label}' in ${options.buttons.join(', ')}`);
      return { response, checkboxChecked: false };
    }) as never);
  }
}
const flush = () => new Promise((r) => setTimeout(r, 20));

beforeEach(() => {
  electron.dialog.showMessageBox.mockReset();
  electron.dialog.showSaveDialog.mockReset();
  electron.dialog.showOpenDialog.mockReset();
  electron.shell.openExternal.mockClear();
});

describe('main process wiring (electron mocked)', () => {
  it('takes the single-instance lock and registers the app:// scheme before ready', () => {
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('S1: every window created has the hardened webPreferences, and loads the app entry', () => {
    expect(electron.BrowserWindow.instances.length).toBeGreaterThan(0);
    for (const w of electron.BrowserWindow.instances) {
      const prefs = w.options.webPreferences as Record<string, unknown>;
      expectHardened(prefs);
      expect(prefs.preload).toBe(path.join(APP_DIR, 'preload.cjs'));
      expect(w.loadURL).toHaveBeenCalledWith(APP_ENTRY);
    }
  });

  it('S4: registers exactly the contract’s invoke channels, every one through the guarded wrapper', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const call of electron.ipcMain.handle.mock.calls) {
      const fn = call[1] as unknown as Record<symbol, unknown>;
      expect(fn[GUARDED], String(call[0])).toBe(call[0]);
    }
    expect(electron.ipcMain.on).not.toHaveBeenCalled();
  });

  it('S4: refuses untrusted senders on every channel before any side effect', async () => {
    const c = ctx();
    const spies = [
      vi.spyOn(c.host, 'start'),
      vi.spyOn(c.host, 'stop'),
      vi.spyOn(c.host, 'pause'),
      vi.spyOn(c.files, 'open'),
      vi.spyOn(c.files, 'save'),
      vi.spyOn(c.files, 'exportWeights'),
      vi.spyOn(c.backups, 'restore'),
      vi.spyOn(c.backups, 'discard'),
      vi.spyOn(c.backups, 'list'),
      vi.spyOn(c.doc, 'fromRenderer'),
      vi.spyOn(c.language, 'set'),
    ];
    const senders = [
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: { url: 'file:///tmp/other.html' } },
      { senderFrame: { url: 'app://bpnn.attacker/index.html' } },
      { senderFrame: { url: 'https://bpnn.app.attacker.com/' } },
      { senderFrame: null },
      {},
    ];
    const valid: Record<InvokeChannel, unknown> = {
      'project:open': undefined,
      'project:initial': undefined,
      'project:openExample': 'xor',
      'project:save': { project: xorProject(), filePath: null },
      'weights:export': { project: xorProject(), suggestedName: 'w.json' },
      'model:export': { project: xorProject(), suggestedName: 'm.onnx', format: 'onnx' },
      'document:setState': { fileName: 'x.bpnn', filePath: null, dirty: false, project: null },
      'recovery:offers': undefined,
      'recovery:restore': 'untitled-x',
      'recovery:discard': 'untitled-x',
      'training:start': xorRequest('evil', 10),
      'training:pause': 'r',
      'training:resume': 'r',
      'training:step': 'r',
      'training:stop': 'r',
      'shell:openExternal': 'https://github.com/',
      'language:set': { language: 'zh-TW', chosen: true },
    };
    for (const channel of INVOKE_CHANNELS) {
      for (const sender of senders) {
        const r = (await invoke(channel, valid[channel], sender)) as { ipcError?: boolean; message?: string };
        expect(r.ipcError, `${channel} from ${JSON.stringify(sender)}`).toBe(true);
        expect(r.message).toMatch(/^Refused/);
      }
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    for (const spy of spies) spy.mockRestore();
  });

  it('S4/B6: refuses malformed payloads with a typed error naming the field, before any side effect', async () => {
    const c = ctx();
    const spies = [vi.spyOn(c.host, 'start'), vi.spyOn(c.files, 'save'), vi.spyOn(c.doc, 'fromRenderer'), vi.spyOn(c.backups, 'restore')];
    const huge = 'x'.repeat(1_000_000);
    const polluted = JSON.parse('{"__proto__": {"polluted": 1}, "fileName": "x.bpnn", "filePath": null, "dirty": false, "project": null}') as unknown;
    const cases: [InvokeChannel, unknown, RegExp][] = [
      ['project:save', 42, /expected object/i],
      ['project:save', { project: xorProject(), filePath: null, extra: 1 }, /extra/],
      ['project:save', { project: { ...xorProject(), graph: 'nope' }, filePath: null }, /graph/],
      ['project:save', { project: xorProject(), filePath: huge }, /filePath/],
      ['document:setState', polluted, /__proto__|Unrecognized/],
      ['document:setState', { fileName: huge, filePath: null, dirty: false, project: null }, /fileName/],
      ['training:start', { ...xorRequest('t', 10), boundaryResolution: 'big' }, /boundaryResolution/],
      ['training:start', xorRequest('t', 1e12), /epochs/],
      ['recovery:restore', '../../etc/passwd', /backup id/],
      ['project:openExample', '../../secret', /example name/],
      ['project:open', { sneaky: true }, /expected undefined/i],
    ];
    for (const [channel, payload, pattern] of cases) {
      const r = (await invoke(channel, payload)) as { ipcError?: boolean; message: string; problems: { path: string; message: string }[] };
      expect(r.ipcError, channel).toBe(true);
      expect(r.problems.length, channel).toBeGreaterThan(0);
      expect(`${r.message} ${r.problems.map((p) => p.message).join(' ')}`, channel).toMatch(pattern);
      expect(r.message.length).toBeLessThan(2000);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    for (const spy of spies) spy.mockRestore();
  });

  it('S5: every web contents refuses navigation away and denies window.open', () => {
    const wc = mainWindow().webContents;
    for (const [eventName, url, prevented] of [
      ['will-navigate', APP_ENTRY, false],
      ['will-navigate', 'https://evil.example/', true],
      ['will-navigate', 'file:///etc/passwd', true],
      ['will-navigate', 'javascript:alert(1)', true],
      ['will-redirect', 'http://example.com/', true],
    ] as const) {
      const e = fakeEvent();
      wc.emit(eventName, e, url);
      expect(e.defaultPrevented, `${eventName} ${url}`).toBe(prevented);
    }
    const webview = fakeEvent();
    wc.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
    expect(wc.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler?.({ url: 'https://github.com/docs' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://github.com/docs']]);
  });

  it('S5: shell:openExternal opens only allowlisted https links', async () => {
    await invoke('shell:openExternal', 'smb://host/share');
    await invoke('shell:openExternal', 'https://github.com.attacker.com/');
    await invoke('shell:openExternal', 'https://github.com/bpnn');
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://github.com/bpnn']]);
  });

  it('S6: the default session and every later session deny all permissions', () => {
    const s = electron.session.defaultSession;
    expect(s.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    const handler = s.setPermissionRequestHandler.mock.calls[0][0] as unknown as (wc: unknown, p: string, cb: (g: boolean) => void) => void;
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown-thing']) {
      const cb = vi.fn();
      handler({}, perm, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    const check = s.setPermissionCheckHandler.mock.calls[0][0] as unknown as () => boolean;
    expect(check()).toBe(false);
    const later = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    electron.app.emit('session-created', later);
    expect(later.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(later.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
  });

  it('installs the application menu with the File, Edit, View and Help items', () => {
    const { template } = electron.Menu.setApplicationMenu.mock.calls.at(-1)?.[0] as unknown as { template: { label?: string; submenu?: { label?: string }[] }[] };
    const labels = (top: string) => template.find((m) => m.label === top)?.submenu?.map((i) => i.label).filter(Boolean);
    expect(labels('File')).toEqual(['New', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Export', 'Quit']);
    const exportMenu = template.find((m) => m.label === 'File')?.submenu?.find((i) => i.label === 'Export') as unknown as { submenu: { label: string; click(): void }[] };
    expect(exportMenu.submenu.map((i) => i.label)).toEqual(['Weights (JSON)…', 'ONNX…', 'PyTorch…']);
    exportMenu.submenu[1].click();
    expect(mainWindow().webContents.send).toHaveBeenCalledWith('menu:command', 'file:exportOnnx');
    expect(labels('Edit')).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Delete', 'Select All']);
    expect(labels('Help')).toEqual(['BPNN Studio Documentation', 'About BPNN Studio']);
    const save = template.find((m) => m.label === 'File')?.submenu?.find((i) => i.label === 'Save') as { click(): void };
    save.click();
    expect(mainWindow().webContents.send).toHaveBeenCalledWith('menu:command', 'file:save');
  });

  it('first start opens the XOR example as an untitled copy', async () => {
    const r = (await invoke('project:initial')) as { ok: boolean; fileName: string; filePath: string | null; project: Project };
    expect(r).toMatchObject({ ok: true, fileName: 'xor.bpnn', filePath: null });
    expect(r.project.name).toBe(xorProject().name);
    expect(mainWindow().title).toBe('xor.bpnn • BPNN Studio');
  });

  it('a .bpnn named on the command line is the first project instead of the example', async () => {
    const file = path.join(work, 'from-argv.bpnn');
    writeFileSync(file, textOf(named('from the command line')));
    ctx().pendingOpen.push(file);
    const r = (await invoke('project:initial')) as { ok: boolean; filePath: string; project: Project };
    expect(r).toMatchObject({ ok: true, filePath: file, fileName: 'from-argv.bpnn' });
    expect(r.project.name).toBe('from the command line');
    expect(ctx().pendingOpen).toEqual([]);
    expect(bpnnFilesIn(['bpnn-studio', file])).toEqual([file]);
  });

  it('opened files appear in File › Open Recent, and clicking one opens it', async () => {
    const file = path.join(work, 'from-argv.bpnn');
    const { template } = electron.Menu.setApplicationMenu.mock.calls.at(-1)?.[0] as unknown as {
      template: { label?: string; submenu?: { label?: string; sublabel?: string; submenu?: { label?: string; sublabel?: string; click?: () => void }[] }[] }[];
    };
    const recent = template.find((m) => m.label === 'File')?.submenu?.find((i) => i.label === 'Open Recent')?.submenu ?? [];
    const item = recent.find((i) => i.sublabel === file);
    expect(item?.label).toBe('from-argv.bpnn');
    mainWindow().webContents.send.mockClear();
    item?.click?.();
    await vi.waitFor(() =>
      expect(mainWindow().webContents.send.mock.calls.some((c) => c[0] === 'project:opened' && (c[1] as { filePath?: string }).filePath === file)).toBe(true),
    );
  });

  it('exports weights through a save dialog, never to a path the page names', async () => {
    const target = path.join(work, 'weights.json');
    const tensor = (shape: number[]) => ({ shape, data: new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(0.5) });
    const layer = (out: number, inp: number) => ({ weight: tensor([out, inp]), bias: tensor([out]) });
    const trained: Project = { ...xorProject(), weights: { fc1: layer(32, 2), fc2: layer(32, 32), fc3: layer(1, 32) } };
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await invoke('weights:export', { project: trained, suggestedName: '../../etc/passwd' })).toEqual({ ok: true, fileName: 'weights.json' });
    const options = electron.dialog.showSaveDialog.mock.calls[0].at(-1) as unknown as { defaultPath: string };
    expect(options.defaultPath).toBe('passwd.json');
    expect(JSON.parse(readFileSync(target, 'utf8'))).toHaveProperty('layers');
  });

  it('exports ONNX and PyTorch through a save dialog, never to a path the page names (docs/export.md)', async () => {
    const tensor = (shape: number[]) => ({ shape, data: new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(0.5) });
    const layer = (out: number, inp: number) => ({ weight: tensor([out, inp]), bias: tensor([out]) });
    const trained: Project = { ...xorProject(), weights: { fc1: layer(32, 2), fc2: layer(32, 32), fc3: layer(1, 32) } };
    const onnxFile = path.join(work, 'model.onnx');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: onnxFile });
    expect(await invoke('model:export', { project: trained, suggestedName: '../../etc/xor', format: 'onnx' })).toEqual({ ok: true, fileName: 'model.onnx' });
    const options = electron.dialog.showSaveDialog.mock.calls.at(-1)?.at(-1) as unknown as { defaultPath: string; title: string };
    expect(options).toMatchObject({ defaultPath: 'xor.onnx', title: 'Export ONNX model' });
    expect(readFileSync(onnxFile)[0]).toBe(0x08);
    const py = path.join(work, 'xor.py');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: py });
    const pyResult = (await invoke('model:export', { project: trained, suggestedName: 'xor.py', format: 'pytorch' })) as ExportResult;
    expect(pyResult).toMatchObject({ ok: true, fileName: 'xor.py and xor.weights.json' });
    // The two names as a list in the reader's language.
    expect(pyResult.ok && pyResult.fileNameText ? render(pyResult.fileNameText, 'zh-TW') : null).toBe('xor.py和xor.weights.json');
    expect(readFileSync(py, 'utf8')).toContain('WEIGHTS = Path(__file__).with_name("xor.weights.json")');
    expect(JSON.parse(readFileSync(path.join(work, 'xor.weights.json'), 'utf8'))).toHaveProperty('layers');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(work, 'untrained.onnx') });
    const untrained = (await invoke('model:export', { project: xorProject(), suggestedName: 'x', format: 'onnx' })) as ExportResult;
    expect(untrained).toMatchObject({ ok: false, canceled: false, message: expect.stringMatching(/^Could not export 'untrained\.onnx': '.*' has not been trained yet/) });
    // Said in Chinese as a whole, the engine's reason included.
    expect(!untrained.ok && !untrained.canceled && untrained.text ? render(untrained.text, 'zh-TW') : null).toMatch(/^無法匯出「untrained\.onnx」：「.*」還沒有訓練過/);
  });

  it('shows the unsaved marker in the title while the document is dirty', async () => {
    await invoke('document:setState', { fileName: 'xor.bpnn', filePath: null, dirty: true, project: named('edited') });
    expect(mainWindow().title).toBe('● xor.bpnn • BPNN Studio');
    await invoke('document:setState', { fileName: 'xor.bpnn', filePath: null, dirty: false, project: null });
    expect(mainWindow().title).toBe('xor.bpnn • BPNN Studio');
  });

  it('never writes to a path the renderer names unless main granted it: it asks instead', async () => {
    const sneaky = path.join(work, 'not-chosen.bpnn');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: undefined });
    const r = await invoke('project:save', { project: named('x'), filePath: sneaky });
    expect(r).toEqual({ ok: false, canceled: true });
    expect(existsSync(sneaky)).toBe(false);
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
  });

  it('saves through the dialog, then saves again to the same file without asking', async () => {
    const target = path.join(work, 'mine.bpnn');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(work, 'mine') });
    expect(await invoke('project:save', { project: named('v1'), filePath: null })).toEqual({ ok: true, filePath: target, fileName: 'mine.bpnn' });
    expect(await invoke('project:save', { project: named('v2'), filePath: target })).toEqual({ ok: true, filePath: target, fileName: 'mine.bpnn' });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    expect(readFileSync(target, 'utf8')).toBe(textOf(named('v2')));
    expect(mainWindow().title).toBe('mine.bpnn • BPNN Studio');
  });

  it('an invalid file opened from the dialog reports its problems and leaves the document alone', async () => {
    const bad = path.join(work, 'bad.bpnn');
    writeFileSync(bad, '{"format": "bpnn-project", "version": 1}');
    const before = { ...ctx().doc.current };
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [bad] });
    const r = (await invoke('project:open')) as { ok: boolean; fileName: string; problems: unknown[] };
    expect(r.ok).toBe(false);
    expect(r.fileName).toBe('bad.bpnn');
    expect(r.problems.length).toBeGreaterThan(0);
    expect(ctx().doc.current).toEqual(before);
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('D4: a damaged file with a good .bak offers "Open Last Good Version", which opens it as unsaved', async () => {
    const file = path.join(work, 'damaged.bpnn');
    writeFileSync(file, '{ not json');
    writeFileSync(`${file}.bak`, textOf(named('last good')));
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    answerBoxes('Cancel');
    const declined = (await invoke('project:open')) as { ok: boolean };
    expect(declined.ok).toBe(false);
    const offer = electron.dialog.showMessageBox.mock.calls[0].at(-1) as unknown as { message: string; buttons: string[] };
    expect(offer.message).toBe('damaged.bpnn could not be opened.');
    expect(offer.buttons[0]).toMatch(/^Open Last Good Version \(saved .+\)$/);

    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    answerBoxes(offer.buttons[0]);
    const r = (await invoke('project:open')) as { ok: boolean; dirty?: boolean; project: Project; filePath: string };
    expect(r).toMatchObject({ ok: true, dirty: true, filePath: file });
    expect(r.project.name).toBe('last good');
    expect(mainWindow().title).toBe('● damaged.bpnn • BPNN Studio');
    await invoke('document:setState', { fileName: 'damaged.bpnn', filePath: file, dirty: false, project: null });
  });

  it('D7: a dirty document gets a notice when its file changes on disk; a clean one follows the disk', async () => {
    const file = path.join(work, 'shared.bpnn');
    writeFileSync(file, textOf(named('original')));
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    expect(await invoke('project:open')).toMatchObject({ ok: true, filePath: file });
    mainWindow().webContents.send.mockClear();

    writeFileSync(file, textOf(named('changed while clean')));
    await vi.waitFor(() => expect(mainWindow().webContents.send.mock.calls.some((c) => c[0] === 'project:opened')).toBe(true), { timeout: 30_000 });
    const reloaded = mainWindow().webContents.send.mock.calls.find((c) => c[0] === 'project:opened')?.[1] as { project: Project };
    expect(reloaded.project.name).toBe('changed while clean');

    await invoke('document:setState', { fileName: 'shared.bpnn', filePath: file, dirty: true, project: named('my edits') });
    answerBoxes('OK');
    writeFileSync(file, textOf(named('changed while dirty')));
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1), { timeout: 30_000 });
    const notice = electron.dialog.showMessageBox.mock.calls[0].at(-1) as unknown as { message: string };
    expect(notice.message).toBe('shared.bpnn was changed by another program.');
    expect(ctx().doc.current.dirty).toBe(true);
    const save = (await invoke('project:save', { project: named('my edits'), filePath: file })) as { conflict?: boolean };
    expect(save.conflict).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(textOf(named('changed while dirty')));
    await invoke('document:setState', { fileName: 'shared.bpnn', filePath: file, dirty: false, project: null });
  });

  it('an open the renderer asks for does not ask about unsaved changes again, and drops the replaced document’s backup', async () => {
    await invoke('document:setState', { fileName: 'untitled.bpnn', filePath: null, dirty: true, project: named('discarded in the page') });
    const oldId = ctx().doc.current.documentId;
    await ctx().backups.shutdown();
    expect(existsSync(path.join(userData, 'Backups', oldId, 'backup.json'))).toBe(true);
    const file = path.join(work, 'next.bpnn');
    writeFileSync(file, textOf(named('next')));
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    expect(await invoke('project:open')).toMatchObject({ ok: true, filePath: file });
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(existsSync(path.join(userData, 'Backups', oldId))).toBe(false));
  });

  it('opens a .bpnn handed over by a second launch and sends it to the window', async () => {
    const file = path.join(work, 'second.bpnn');
    writeFileSync(file, textOf(named('from a second launch')));
    mainWindow().webContents.send.mockClear();
    electron.app.emit('second-instance', fakeEvent(), ['bpnn-studio', 'second.bpnn'], work);
    const opened = () => mainWindow().webContents.send.mock.calls.find((c) => c[0] === 'project:opened' && (c[1] as { fileName?: string }).fileName === 'second.bpnn');
    await vi.waitFor(() => expect(opened()).toBeDefined());
    expect(opened()?.[1]).toMatchObject({ ok: true, filePath: file, fileName: 'second.bpnn' });
    expect(mainWindow().focus).toHaveBeenCalled();
    expect(bpnnFilesIn(['exe', '--inspect', 'a.bpnn', 'b.txt'], '/w')).toEqual([path.resolve('/w', 'a.bpnn')]);
  });

  it('macOS open-file opens the file in the running window', async () => {
    const file = path.join(work, 'finder.bpnn');
    writeFileSync(file, textOf(named('double-clicked in Finder')));
    mainWindow().webContents.send.mockClear();
    const e = fakeEvent();
    electron.app.emit('open-file', e, file);
    expect(e.defaultPrevented).toBe(true);
    const opened = () => mainWindow().webContents.send.mock.calls.find((c) => c[0] === 'project:opened' && (c[1] as { fileName?: string }).fileName === 'finder.bpnn');
    await vi.waitFor(() => expect(opened()).toBeDefined());
    expect(opened()?.[1]).toMatchObject({ ok: true, filePath: file, fileName: 'finder.bpnn' });
  });

  it('forwards training events from the host to the window', async () => {
    mainWindow().webContents.send.mockClear();
    const r = (await invoke('training:start', xorRequest('fwd', 3))) as { ok: boolean };
    expect(r.ok).toBe(true);
    await vi.waitFor(
      () => expect(mainWindow().webContents.send.mock.calls.some((c) => c[0] === 'training:event' && (c[1] as { type: string }).type === 'done')).toBe(true),
      { timeout: 20_000 },
    );
    const types = mainWindow()
      .webContents.send.mock.calls.filter((c) => c[0] === 'training:event')
      .map((c) => (c[1] as { type: string }).type);
    expect(types.at(-1)).toBe('done');
    expect(types).toContain('progress');
  });
});

describe('closing with unsaved changes (D8)', () => {
  const makeDirty = async (name: string) => {
    await invoke('document:setState', { fileName: 'untitled.bpnn', filePath: null, dirty: true, project: named(name) });
  };
  const freshWindow = () => {
    if (electron.BrowserWindow.getAllWindows().length === 0) electron.app.emit('activate');
    return mainWindow();
  };

  it('D8: a clean project closes with no dialog', async () => {
    const win = freshWindow();
    await invoke('document:setState', { fileName: 'untitled.bpnn', filePath: null, dirty: false, project: null });
    win.close();
    expect(win.destroyed).toBe(true);
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('D8: Cancel keeps the window and the unsaved state', async () => {
    const win = freshWindow();
    await makeDirty('cancel me');
    answerBoxes('Cancel');
    win.close();
    // The prompt has been answered (Cancel) before anything is checked.
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalled());
    await flush();
    expect(win.destroyed).toBe(false);
    expect(ctx().doc.current.dirty).toBe(true);
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });

  it('D8: a failing Save keeps the window open and shows the error', async () => {
    const win = freshWindow();
    await makeDirty('cannot save');
    answerBoxes('Save', 'OK');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(work, 'no-such-folder', 'x.bpnn') });
    win.close();
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(2));
    const errorBox = electron.dialog.showMessageBox.mock.calls[1].at(-1) as unknown as { type: string; message: string };
    expect(errorBox.type).toBe('error');
    expect(errorBox.message).toMatch(/^Could not save 'x\.bpnn': .*Your previous version is untouched\.$/);
    expect(win.destroyed).toBe(false);
    expect(ctx().doc.current.dirty).toBe(true);
  });

  it('D8: Save writes the file and then closes', async () => {
    const win = freshWindow();
    await makeDirty('saved on close');
    answerBoxes('Save');
    const target = path.join(work, 'closing.bpnn');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    win.close();
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    expect(readFileSync(target, 'utf8')).toBe(textOf(named('saved on close')));
  });

  it('D8: Don’t Save closes and removes the hot-exit backup', async () => {
    const win = freshWindow();
    await makeDirty('throw away');
    const id = ctx().doc.current.documentId;
    // Write the debounced backup now (what quitting does), so there is one to remove.
    await ctx().backups.shutdown();
    expect(existsSync(path.join(userData, 'Backups', id, 'backup.json'))).toBe(true);
    answerBoxes("Don't Save");
    win.close();
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    await vi.waitFor(() => expect(existsSync(path.join(userData, 'Backups', id))).toBe(false));
    expect(existsSync(path.join(userData, 'Backups', id))).toBe(false);
  });

  it('D8: Quit with unsaved changes asks first; Cancel keeps the app, Don’t Save then quits', async () => {
    const win = freshWindow();
    await makeDirty('quit me');
    electron.app.quit.mockClear();
    electron.app.emit('before-quit', fakeEvent());
    answerBoxes('Cancel');
    win.close();
    // The prompt has been answered (Cancel) before anything is checked.
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalled());
    await flush();
    expect(win.destroyed).toBe(false);
    expect(electron.app.quit).not.toHaveBeenCalled();

    electron.app.emit('before-quit', fakeEvent());
    answerBoxes("Don't Save");
    win.close();
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });

  it('B7: closing while training asks "Stop training and quit?", then stops the worker before closing', async () => {
    const win = freshWindow();
    await invoke('document:setState', { fileName: 'untitled.bpnn', filePath: null, dirty: false, project: null });
    const host = ctx().host;
    const live = vi.spyOn(host, 'liveRuns').mockReturnValue(['busy']);
    const dispose = vi.spyOn(host, 'dispose');
    answerBoxes('Cancel');
    win.close();
    // The prompt has been answered (Cancel) before anything is checked.
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalled());
    await flush();
    expect(win.destroyed).toBe(false);
    expect(dispose).not.toHaveBeenCalled();
    const box = electron.dialog.showMessageBox.mock.calls[0].at(-1) as unknown as { message: string };
    expect(box.message).toBe('Stop training and quit?');
    answerBoxes('Stop and Quit');
    win.close();
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    expect(dispose).toHaveBeenCalled();
    live.mockRestore();
    dispose.mockRestore();
  });

  it('B7: a crashed renderer stops its runs and offers Reload; the reloaded page is offered the backup', async () => {
    const win = freshWindow();
    await makeDirty('unsaved when the window crashed');
    await ctx().backups.shutdown();
    const id = ctx().doc.current.documentId;
    const stop = vi.spyOn(ctx().host, 'stop');
    const live = vi.spyOn(ctx().host, 'liveRuns').mockReturnValue(['r1']);
    answerBoxes('Reload');
    win.webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 1 });
    await vi.waitFor(() => expect(win.reload).toHaveBeenCalled());
    expect(stop).toHaveBeenCalledWith('r1');
    expect(win.reload).toHaveBeenCalled();
    const offers = (await invoke('recovery:offers')) as { backupId: string }[];
    expect(offers.map((o) => o.backupId)).toContain(id);
    const restored = (await invoke('recovery:restore', id)) as { ok: boolean; dirty: boolean; project: Project };
    expect(restored).toMatchObject({ ok: true, dirty: true });
    expect(restored.project.name).toBe('unsaved when the window crashed');
    await invoke('document:setState', { fileName: 'untitled.bpnn', filePath: null, dirty: false, project: null });
    live.mockRestore();
    stop.mockRestore();
  });

  it('B7: quitting waits for the training threads and backups before the app quits', async () => {
    const dispose = vi.spyOn(ctx().host, 'dispose');
    const shutdown = vi.spyOn(ctx().backups, 'shutdown');
    electron.app.quit.mockClear();
    const e = fakeEvent();
    electron.app.emit('will-quit', e);
    expect(e.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    expect(dispose).toHaveBeenCalled();
    expect(shutdown).toHaveBeenCalled();
    const again = fakeEvent();
    electron.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });
});
