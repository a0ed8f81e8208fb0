// What the desktop app reads from disk, on real files: a project (FileService.open), its .bak
// (lastGoodVersion) and a hot-exit backup. Only a regular file is read, never more than the
// limit (docs/reliability.md F1: a FIFO or a link to /dev/zero is refused at once), and only
// UTF-8 text; any other encoding is refused with a message saying to save the file as UTF-8.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render, say, serializeProject, type Project } from '../../core/index';
import { spoken } from '../../core/messages/said';
import { FileService } from '../../electron/main/services/files';
import { BackupService } from '../../electron/main/services/backups';
import { RecentFiles } from '../../electron/main/recent';
import { readRegularFile } from '../../node/files/read';
import { xorProject } from './helpers/requests';

let dir = '';
const fifos: string[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bpnn-reads-'));
});
afterEach(() => {
  // Should a reader have blocked on a FIFO after all, a writer that opens and closes it lets it go.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader is waiting (ENXIO): nothing to release.
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

const textOf = (p: Project) => {
  const s = serializeProject(p);
  if (!s.ok) throw new Error(s.message);
  return s.text;
};
const named = (name: string): Project => ({ ...xorProject(), name });
const utf16le = (s: string, bom: boolean) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);

function mkfifo(file: string): string {
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  fifos.push(file);
  return file;
}

async function openProblem(file: string): Promise<string> {
  const r = await new FileService().open(file);
  if (r.ok || r.canceled) throw new Error('expected the open to be refused');
  return r.problems[0].message;
}

describe('FileService.open reads only regular files (F1)', () => {
  it('F1: refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = mkfifo(path.join(dir, 'z.bpnn'));
    expect(await openProblem(fifo)).toBe("'z.bpnn' is not a regular file (it is a FIFO); open a .bpnn project file");
  });

  it('F1: refuses a symlink to /dev/zero instead of reading without end', async () => {
    const link = path.join(dir, 'z.bpnn');
    symlinkSync('/dev/zero', link);
    expect(await openProblem(link)).toBe("'z.bpnn' is not a regular file (it is a device); open a .bpnn project file");
  });

  it('F1: refuses a folder the same way', async () => {
    mkdirSync(path.join(dir, 'folder.bpnn'));
    expect(await openProblem(path.join(dir, 'folder.bpnn'))).toBe("'folder.bpnn' is not a regular file (it is a folder); open a .bpnn project file");
  });

  it('says the refusal and an unreadable file in the reader’s language too (the app renders the Text)', async () => {
    mkdirSync(path.join(dir, 'folder.bpnn'));
    const refused = await new FileService().open(path.join(dir, 'folder.bpnn'));
    if (refused.ok || refused.canceled) throw new Error('expected the open to be refused');
    expect(render(refused.problems[0].text!, 'zh-TW')).toBe('「folder.bpnn」不是一般檔案（它是資料夾）；請開啟 .bpnn 專案檔');
    const missing = await new FileService().open(path.join(dir, 'gone.bpnn'));
    if (missing.ok || missing.canceled) throw new Error('expected the open to be refused');
    expect(render(missing.problems[0].text!, 'zh-TW')).toBe(render(say('file.couldNotRead', { file: 'gone.bpnn', reason: say('host.fs.noFile') }), 'zh-TW'));
    expect(render(missing.problems[0].text!, 'zh-TW')).toContain('找不到這個檔案');
  });

  it('F1: opens a project through a symlink to a regular file', async () => {
    const real = path.join(dir, 'real.bpnn');
    writeFileSync(real, textOf(named('linked')));
    symlinkSync(real, path.join(dir, 'link.bpnn'));
    const r = await new FileService().open(path.join(dir, 'link.bpnn'));
    expect(r.ok && r.project.name).toBe('linked');
  });

  it('F1: D4’s last good version is not looked for in a FIFO or a device posing as the .bak', async () => {
    const target = path.join(dir, 'x.bpnn');
    writeFileSync(target, 'broken');
    mkfifo(`${target}.bak`);
    expect(await new FileService().lastGoodVersion(target)).toBeNull();
    rmSync(`${target}.bak`);
    symlinkSync('/dev/zero', `${target}.bak`);
    expect(await new FileService().lastGoodVersion(target)).toBeNull();
  });

  it('F1: the bounded read stops at the limit + 1 byte, even when the size on disk says 0 (/proc)', async () => {
    const r = await readRegularFile('/proc/self/status', 100);
    expect(r).toMatchObject({ ok: false, reason: 'too-large', size: 101 });
  });
});

describe('FileService.open and lastGoodVersion read UTF-8 only', () => {
  it('refuses UTF-16 LE with a byte-order mark, saying to save it as UTF-8', async () => {
    const file = path.join(dir, 'wide.bpnn');
    writeFileSync(file, utf16le(textOf(named('wide')), true));
    expect(await openProblem(file)).toBe("Could not read 'wide.bpnn': this file is UTF-16; save it as UTF-8");
  });

  it('refuses UTF-16 without a byte-order mark', async () => {
    const file = path.join(dir, 'wide.bpnn');
    writeFileSync(file, utf16le(textOf(named('wide')), false));
    expect(await openProblem(file)).toBe("Could not read 'wide.bpnn': this file is UTF-16; save it as UTF-8");
  });

  it('refuses Latin-1 (é in the description) naming the byte and the line, instead of loading U+FFFD', async () => {
    const file = path.join(dir, 'latin.bpnn');
    const text = textOf({ ...named('latin'), description: 'café' });
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const line = text.slice(0, text.indexOf('é')).split('\n').length;
    expect(await openProblem(file)).toBe(`Could not read 'latin.bpnn': this file is not UTF-8 (byte 0xE9 at line ${line}); save it as UTF-8`);
  });

  it('opens a UTF-8 file that starts with a byte-order mark', async () => {
    const file = path.join(dir, 'bom.bpnn');
    writeFileSync(file, `\ufeff${textOf(named('with a BOM'))}`);
    const r = await new FileService().open(file);
    expect(r.ok && r.project.name).toBe('with a BOM');
  });

  it('D4: a Latin-1 .bak is not offered as the last good version (its é would come back as U+FFFD)', async () => {
    const target = path.join(dir, 'x.bpnn');
    writeFileSync(target, 'broken');
    writeFileSync(`${target}.bak`, Buffer.from(textOf({ ...named('A'), description: 'café' }), 'latin1'));
    expect(await new FileService().lastGoodVersion(target)).toBeNull();
    writeFileSync(`${target}.bak`, `\ufeff${textOf(named('A'))}`);
    expect((await new FileService().lastGoodVersion(target))?.result.project.name).toBe('A');
  });
});

describe('FileService.save sweeps what killed saves left (D2)', () => {
  it('D2: a save clears stale temp files beside the file, and keeps those of a writer still running', async () => {
    const target = path.join(dir, 'x.bpnn');
    // A killed writer's temp (no process has a pid this large) and a live one's (this process).
    const dead = '.x.bpnn.999999999.0.1.abcd.bpnn-tmp';
    const live = `.x.bpnn.${process.pid}.0.999.abcd.bpnn-tmp`;
    writeFileSync(path.join(dir, dead), 'half');
    writeFileSync(path.join(dir, live), 'in progress');
    expect((await new FileService().save(named('saved'), target)).ok).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([live, 'x.bpnn']);
  });
});

describe('hot-exit backups are read like project files (D6)', () => {
  const backupDir = (id: string) => path.join(dir, 'Backups', id);

  it('D6: a backup that is a FIFO, or not UTF-8, is skipped with a message naming it, and start-up goes on', async () => {
    mkdirSync(backupDir('untitled-fifo'), { recursive: true });
    mkfifo(path.join(backupDir('untitled-fifo'), 'backup.json'));
    mkdirSync(backupDir('untitled-wide'), { recursive: true });
    const envelope = { format: 'bpnn-backup', version: 1, fileName: 'w.bpnn', filePath: null, savedAt: '2026-11-27T12:00:00.000Z', projectText: textOf(named('w')) };
    writeFileSync(path.join(backupDir('untitled-wide'), 'backup.json'), utf16le(JSON.stringify(envelope), true));
    const report = await new BackupService({ userData: dir }).start();
    expect(report.offers).toEqual([]);
    expect(report.skipped.map((s) => s.message).sort()).toEqual([
      `Skipped the backup '${path.join(backupDir('untitled-fifo'), 'backup.json')}': it is a FIFO, not a file.`,
      `Skipped the backup '${path.join(backupDir('untitled-wide'), 'backup.json')}': it is damaged (this file is UTF-16; save it as UTF-8).`,
    ]);
    // In Chinese too, the engine's own words inside included.
    const zh = report.skipped.map((s) => spoken(s, 'zh-TW')).sort();
    expect(zh[0]).toMatch(/^已略過備份「.*untitled-fifo.*」：它是具名管線（FIFO），不是檔案。$/);
    expect(zh[1]).toMatch(/^已略過備份「.*untitled-wide.*」：它已損壞（.*UTF-16.*）。$/);
    expect(zh.join('')).not.toMatch(/\b(it|is|damaged|file)\b/);
  });

  it('D6: a backup with a UTF-8 byte-order mark is still offered and restores', async () => {
    mkdirSync(backupDir('untitled-bom'), { recursive: true });
    const envelope = { format: 'bpnn-backup', version: 1, fileName: 'b.bpnn', filePath: null, savedAt: '2026-11-27T12:00:00.000Z', projectText: textOf(named('bom')) };
    writeFileSync(path.join(backupDir('untitled-bom'), 'backup.json'), `\ufeff${JSON.stringify(envelope)}`);
    const backups = new BackupService({ userData: dir });
    expect((await backups.start()).offers.map((o) => o.backupId)).toEqual(['untitled-bom']);
    const restored = await backups.restore('untitled-bom');
    expect(restored.ok && restored.project.name).toBe('bom');
  });
});

describe('the Open Recent list is read like any other file', () => {
  it('F1: a recent.json that is a FIFO gives an empty list instead of blocking start-up', async () => {
    mkfifo(path.join(dir, 'recent.json'));
    const recent = new RecentFiles(dir);
    await recent.load();
    expect(recent.list()).toEqual([]);
  });

  it('still reads a list written as UTF-8', async () => {
    writeFileSync(path.join(dir, 'recent.json'), JSON.stringify(['/home/student/xor.bpnn']));
    const recent = new RecentFiles(dir);
    await recent.load();
    expect(recent.list()).toEqual(['/home/student/xor.bpnn']);
  });
});
