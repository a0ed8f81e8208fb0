// Hot-exit backups and crash recovery on real temp folders, with fake timers for the debounce
// (D5, D6).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Project } from '../../core/index';
import { spoken } from '../../core/messages/said';
import { BackupService, documentIdFor } from '../../electron/main/services/backups';
import { xorProject } from './helpers/requests';

let userData = '';
beforeEach(() => {
  userData = mkdtempSync(path.join(tmpdir(), 'bpnn-userdata-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(userData, { recursive: true, force: true });
});

const edited = (name: string): Project => ({ ...xorProject(), name });
const FIXED_NOW = new Date('2026-11-27T12:00:00.000Z');
const backupFile = (id: string) => path.join(userData, 'Backups', id, 'backup.json');
const doc = (name: string) => ({ fileName: 'xor.bpnn', filePath: '/home/student/xor.bpnn', project: edited(name) });

describe('BackupService', () => {
  it('D5: writes no backup before the 1 s debounce and exactly one UTF-8 backup after it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const backups = new BackupService({ userData, now: () => FIXED_NOW });
    await backups.start();
    const id = documentIdFor('/home/student/xor.bpnn');
    backups.update(id, doc('edit 1'));
    await vi.advanceTimersByTimeAsync(999);
    await backups.idle();
    expect(existsSync(backupFile(id))).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await backups.idle();
    expect(readdirSync(path.join(userData, 'Backups', id))).toEqual(['backup.json']);
    const envelope = JSON.parse(readFileSync(backupFile(id), 'utf8')) as { savedAt: string; projectText: string };
    expect(envelope.savedAt).toBe(FIXED_NOW.toISOString());
    expect(envelope.projectText).toContain('"name": "edit 1"');
  });

  it('D5: keeps rewriting the one backup while edits continue, only after each pause', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const backups = new BackupService({ userData });
    await backups.start();
    const id = documentIdFor('/home/student/xor.bpnn');
    for (let i = 0; i < 5; i++) {
      backups.update(id, doc(`edit ${i}`));
      await vi.advanceTimersByTimeAsync(500);
    }
    await backups.idle();
    expect(existsSync(backupFile(id))).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    await backups.idle();
    expect(readFileSync(backupFile(id), 'utf8')).toContain('edit 4');
    backups.update(id, doc('edit 5'));
    await vi.advanceTimersByTimeAsync(1000);
    await backups.idle();
    expect(readFileSync(backupFile(id), 'utf8')).toContain('edit 5');
  });

  it('D5: saving deletes the backup, quitting keeps it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const backups = new BackupService({ userData });
    await backups.start();
    const id = documentIdFor('/home/student/xor.bpnn');
    backups.update(id, doc('before save'));
    await vi.advanceTimersByTimeAsync(1000);
    await backups.idle();
    await backups.clear(id);
    expect(existsSync(path.join(userData, 'Backups', id))).toBe(false);
    backups.update(id, doc('after save'));
    // Quit before the debounce fires: the pending edit is still written, and kept.
    await backups.shutdown();
    expect(readFileSync(backupFile(id), 'utf8')).toContain('after save');
    expect(existsSync(path.join(userData, 'Backups', 'running'))).toBe(false);
  });

  it('D5: two untitled projects never share a backup', () => {
    expect(documentIdFor(null)).not.toBe(documentIdFor(null));
    expect(documentIdFor('/a/x.bpnn')).toBe(documentIdFor('/a/x.bpnn'));
    expect(documentIdFor('/a/x.bpnn')).not.toBe(documentIdFor('/b/x.bpnn'));
  });

  it('D6: after an unclean exit offers the backup; restore gives the same project, unsaved', async () => {
    const first = new BackupService({ userData, debounceMs: 0, now: () => FIXED_NOW });
    expect((await first.start()).uncleanExit).toBe(false);
    const id = documentIdFor('/home/student/xor.bpnn');
    const project = edited('crashed mid-edit');
    first.update(id, { fileName: 'xor.bpnn', filePath: '/home/student/xor.bpnn', project });
    await new Promise((r) => setTimeout(r, 0));
    await first.idle();
    // No shutdown(): the app "crashed".
    const next = new BackupService({ userData });
    const report = await next.start();
    expect(report.uncleanExit).toBe(true);
    expect(report.offers).toEqual([{ backupId: id, fileName: 'xor.bpnn', filePath: '/home/student/xor.bpnn', savedAt: FIXED_NOW.toISOString() }]);
    expect(report.skipped).toEqual([]);
    const restored = await next.restore(id);
    expect(restored).toEqual({ ok: true, project, filePath: '/home/student/xor.bpnn', fileName: 'xor.bpnn', dirty: true });
    // Restoring never writes over the original file; the backup stays until saved or discarded.
    expect(existsSync('/home/student/xor.bpnn')).toBe(false);
    expect(existsSync(backupFile(id))).toBe(true);
  });

  it('D6: discard deletes the backup', async () => {
    const backups = new BackupService({ userData, debounceMs: 0 });
    await backups.start();
    const id = documentIdFor(null);
    backups.update(id, { fileName: 'untitled.bpnn', filePath: null, project: edited('x') });
    await new Promise((r) => setTimeout(r, 0));
    await backups.idle();
    await backups.discard(id);
    expect((await new BackupService({ userData }).start()).offers).toEqual([]);
  });

  it('D6: skips a corrupted backup with a message naming it, and still starts', async () => {
    const good = new BackupService({ userData, debounceMs: 0 });
    await good.start();
    const goodId = documentIdFor('/g.bpnn');
    good.update(goodId, { fileName: 'g.bpnn', filePath: '/g.bpnn', project: edited('good') });
    await new Promise((r) => setTimeout(r, 0));
    await good.idle();
    const badDir = path.join(userData, 'Backups', 'untitled-broken');
    mkdirSync(badDir, { recursive: true });
    writeFileSync(path.join(badDir, 'backup.json'), '{"format":"bpnn-backup", "projectText": ');
    const report = await new BackupService({ userData }).start();
    expect(report.offers.map((o) => o.backupId)).toEqual([goodId]);
    expect(report.skipped.map((s) => s.message)).toEqual([`Skipped the backup '${path.join(badDir, 'backup.json')}': it is damaged (not valid JSON).`]);
    // The recovery dialog says it in the reader's language.
    expect(report.skipped.map((s) => spoken(s, 'zh-TW'))).toEqual([`已略過備份「${path.join(badDir, 'backup.json')}」：它已損壞（不是有效的 JSON）。`]);
  });

  it('refuses backup ids that could escape the Backups folder', async () => {
    const backups = new BackupService({ userData });
    await backups.start();
    const r = await backups.restore('../../etc');
    expect(r.ok).toBe(false);
    // Said about the whole file, in either language.
    const problem = !r.ok && !r.canceled ? r.problems[0] : null;
    expect(problem?.path).toBe('(file)');
    expect(problem?.message).toBe('The backup could not be restored: there is no such backup');
    expect(problem && spoken(problem, 'zh-TW')).toBe('無法還原備份：沒有這個備份');
    await backups.discard('../..');
    expect(existsSync(userData)).toBe(true);
  });
});
