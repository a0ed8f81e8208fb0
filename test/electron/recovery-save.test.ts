// D6 (docs/reliability.md): a crash backup is a file in the user-data folder, and it names the
// path its project came from. Anything that can write that folder could name /etc/passwd or
// ~/.bashrc; restoring such a backup and pressing Save must show a Save As dialog, never write
// to the named path. A path the user chose in this session (Open, Save As, a file they opened)
// is kept, and a grant belongs to the document it was made for. The real recovery and project
// handlers, tracker, backups and file service run here; 'electron' is the mock, so the dialogs
// are the mocked electron dialog.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { serializeProject, type Project } from '../../core/index';
import type { InvokeChannel } from '../../electron/ipc/contract';
import { xorProject } from './helpers/requests';
import { mainWords } from './helpers/words';

vi.mock('electron', () => import('./helpers/electron-mock'));
const electron = await import('./helpers/electron-mock');
const { createDialogs } = await import('../../electron/main/dialogs');
const { createIpcRegistry } = await import('../../electron/main/ipc');
const { registerProjectHandlers } = await import('../../electron/main/handlers/project');
const { registerRecoveryHandlers } = await import('../../electron/main/handlers/recovery');
const { DocumentTracker } = await import('../../electron/main/document');
const { BackupService } = await import('../../electron/main/services/backups');
const { FileService } = await import('../../electron/main/services/files');
const { APP_ENTRY } = await import('../../electron/main/window');
type AppContext = import('../../electron/main/context').AppContext;

const REPO = path.resolve(__dirname, '../..');
const textOf = (p: Project) => {
  const s = serializeProject(p);
  if (!s.ok) throw new Error(s.message);
  return s.text;
};
const named = (name: string): Project => ({ ...xorProject(), name });

let work = '';
let userData = '';
let invoke: (channel: InvokeChannel, payload?: unknown) => Promise<unknown>;
let saveTargets: string[] = [];

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'bpnn-recovery-work-'));
  userData = mkdtempSync(path.join(tmpdir(), 'bpnn-recovery-userdata-'));
  electron.ipcMain.handlers.clear();
  electron.dialog.showSaveDialog.mockReset();
  electron.dialog.showOpenDialog.mockReset();
  electron.dialog.showMessageBox.mockReset();
  saveTargets = [];
  const files = new FileService();
  const realSave = files.save.bind(files);
  // Records every target, and (should this test ever fail) refuses to touch anything outside
  // its own folder: /etc/passwd and ~/.bashrc must survive a regression.
  files.save = async (project, target, opts) => {
    saveTargets.push(target);
    if (!path.resolve(target).startsWith(work + path.sep)) return { ok: false, canceled: false, conflict: false, message: 'the test refused to write outside its folder' };
    return realSave(project, target, opts);
  };
  const ctx = {
    window: () => null,
    files,
    backups: new BackupService({ userData }),
    dialogs: createDialogs(electron.dialog as never, mainWords('en')),
    doc: new DocumentTracker(),
    recent: { add: vi.fn() },
    language: mainWords('en'),
    examplesDir: path.join(REPO, 'examples'),
    pendingOpen: [],
    log: () => undefined,
  } as unknown as AppContext;
  const ipc = createIpcRegistry(electron.ipcMain as never);
  registerProjectHandlers(ipc, ctx);
  registerRecoveryHandlers(ipc, ctx);
  invoke = async (channel, payload) => {
    const fn = electron.ipcMain.handlers.get(channel);
    if (!fn) throw new Error(`no handler for ${channel}`);
    const event = { senderFrame: { url: APP_ENTRY }, sender: {} };
    return payload === undefined ? fn(event) : fn(event, payload);
  };
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

/** A backup as an attacker (or a previous session) left it, naming `filePath`. */
function plantBackup(id: string, filePath: string, project: Project): void {
  const dir = path.join(userData, 'Backups', id);
  mkdirSync(dir, { recursive: true });
  const envelope = { format: 'bpnn-backup', version: 1, fileName: path.basename(filePath), filePath, savedAt: '2026-11-27T12:00:00.000Z', projectText: textOf(project) };
  writeFileSync(path.join(dir, 'backup.json'), JSON.stringify(envelope));
}

/** Restore the backup and press Save, as the window does: with the path the restore reported. */
async function restoreThenSave(id: string, project: Project) {
  const restored = (await invoke('recovery:restore', id)) as { ok: boolean; filePath: string | null; fileName: string };
  expect(restored.ok).toBe(true);
  const saved = await invoke('project:save', { project, filePath: restored.filePath });
  return { restored, saved };
}

describe('restoring a crash backup, then saving (D6)', () => {
  for (const [label, victim] of [
    ['/etc/passwd', '/etc/passwd'],
    ['~/.bashrc', path.join(homedir(), '.bashrc')],
  ] as const) {
    it(`D6: a backup naming ${label} is restored untitled; Save shows a Save As dialog and never writes ${label}`, async () => {
      plantBackup('file-hostile', victim, named('hostile'));
      const { restored, saved } = await restoreThenSave('file-hostile', named('hostile'));
      expect(restored.filePath).toBeNull();
      expect(saved).toEqual({ ok: false, canceled: true });
      expect(electron.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
      expect(saveTargets).toEqual([]);
    });

    it(`D6: even a window that insists on ${label} after the restore gets the Save As dialog`, async () => {
      plantBackup('file-hostile', victim, named('hostile'));
      await invoke('recovery:restore', 'file-hostile');
      await invoke('document:setState', { fileName: path.basename(victim), filePath: victim, dirty: true, project: named('hostile') });
      expect(await invoke('project:save', { project: named('hostile'), filePath: victim })).toEqual({ ok: false, canceled: true });
      expect(electron.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
      expect(saveTargets).toEqual([]);
    });
  }

  it('D6: nothing is written to the named path; the work goes where the user chooses, and stays there', async () => {
    const named1 = path.join(work, 'victim.bpnn');
    writeFileSync(named1, 'the original bytes');
    plantBackup('file-victim', named1, named('restored work'));
    const chosen = path.join(work, 'chosen.bpnn');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const { saved } = await restoreThenSave('file-victim', named('restored work'));
    expect(saved).toMatchObject({ ok: true, filePath: chosen });
    expect(readFileSync(named1, 'utf8')).toBe('the original bytes');
    expect(readFileSync(chosen, 'utf8')).toBe(textOf(named('restored work')));
    // The path chosen for this document is granted to it: the next Save asks no more.
    expect(await invoke('project:save', { project: named('again'), filePath: chosen })).toMatchObject({ ok: true, filePath: chosen });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
  });

  it('D6: a backup of the file the user opened in this session keeps its path, and Save writes there', async () => {
    const file = path.join(work, 'mine.bpnn');
    writeFileSync(file, textOf(named('on disk')));
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    expect(await invoke('project:open')).toMatchObject({ ok: true, filePath: file });
    plantBackup('file-mine', file, named('unsaved edits'));
    const { restored, saved } = await restoreThenSave('file-mine', named('unsaved edits'));
    expect(restored.filePath).toBe(file);
    expect(saved).toMatchObject({ ok: true, filePath: file });
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(readFileSync(file, 'utf8')).toBe(textOf(named('unsaved edits')));
  });

  it('a path granted to one document is not granted to the next one', async () => {
    const file = path.join(work, 'first.bpnn');
    writeFileSync(file, textOf(named('first')));
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    await invoke('project:open');
    expect(await invoke('project:openExample', 'xor')).toMatchObject({ ok: true, filePath: null });
    // The example is a new document: the first one's path is no longer its to save to.
    await invoke('document:setState', { fileName: 'first.bpnn', filePath: file, dirty: true, project: named('example edits') });
    expect(await invoke('project:save', { project: named('example edits'), filePath: file })).toEqual({ ok: false, canceled: true });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    expect(readFileSync(file, 'utf8')).toBe(textOf(named('first')));
  });

  it('the restored name suggests a file name only, never a folder to save into', async () => {
    const dir = path.join(userData, 'Backups', 'untitled-odd');
    mkdirSync(dir, { recursive: true });
    const envelope = { format: 'bpnn-backup', version: 1, fileName: '/etc/cron.d/job', filePath: null, savedAt: '2026-11-27T12:00:00.000Z', projectText: textOf(named('odd')) };
    writeFileSync(path.join(dir, 'backup.json'), JSON.stringify(envelope));
    const restored = (await invoke('recovery:restore', 'untitled-odd')) as { fileName: string };
    expect(restored.fileName).toBe('job');
    await invoke('project:save', { project: named('odd'), filePath: null });
    const options = electron.dialog.showSaveDialog.mock.calls[0].at(-1) as unknown as { defaultPath: string };
    expect(options.defaultPath).toBe('job.bpnn');
    expect(existsSync('/etc/cron.d/job.bpnn')).toBe(false);
  });
});
