// The file service on real temp files: atomic save order and failure at every step (D1),
// concurrent saves, modes and symlinks (D3), the .bak (D4), conflicts (D7), and open (F1/F3).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render, serializeProject, type Project } from '../../core/index';
import { atomicWrite, nodeFsLike, sweepTemps, type FileHandleLike, type FsLike, type SaveError } from '../../node/files/atomic-write';
import { FileService } from '../../electron/main/services/files';
import { xorProject } from './helpers/requests';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bpnn-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const textOf = (p: Project) => {
  const s = serializeProject(p);
  if (!s.ok) throw new Error(s.message);
  return s.text;
};
const named = (name: string): Project => ({ ...xorProject(), name });
const tempsIn = (d: string) => readdirSync(d).filter((n) => n.endsWith('.bpnn-tmp'));

type Step = 'open' | 'write' | 'fsync' | 'chmod' | 'close' | 'backup' | 'rename' | 'open-dir' | 'fsync-dir';

/** The real fs, recording each step of a save and failing the chosen one. */
function recordingFs(failAt: Step | null, code = 'EIO') {
  const calls: string[] = [];
  const boom = (step: Step) => {
    if (step === failAt) throw Object.assign(new Error(`${step} failed`), { code });
  };
  const isTemp = (f: string) => f.endsWith('.bpnn-tmp');
  const wrap = (h: FileHandleLike, kind: 'file' | 'dir'): FileHandleLike => ({
    writeFile: async (d) => {
      calls.push('write');
      boom('write');
      return h.writeFile(d);
    },
    sync: async () => {
      calls.push(kind === 'dir' ? 'fsync(dir)' : 'fsync');
      boom(kind === 'dir' ? 'fsync-dir' : 'fsync');
      return h.sync();
    },
    chmod: async (m) => {
      calls.push('chmod');
      boom('chmod');
      return h.chmod(m);
    },
    close: async () => {
      calls.push(kind === 'dir' ? 'close(dir)' : 'close');
      await h.close();
      boom('close');
    },
  });
  const fs: FsLike = {
    ...nodeFsLike,
    open: async (f, flags, mode) => {
      const isDir = flags === 'r' && !isTemp(f);
      calls.push(isDir ? 'open(dir)' : `open(${isTemp(f) && path.dirname(f) === dir ? 'temp in same dir' : f})`);
      boom(isDir ? 'open-dir' : 'open');
      return wrap(await nodeFsLike.open(f, flags, mode), isDir ? 'dir' : 'file');
    },
    copyFile: async (a, b) => {
      calls.push('backup');
      boom('backup');
      return nodeFsLike.copyFile(a, b);
    },
    rename: async (a, b) => {
      calls.push(b.endsWith('.bak') ? 'rename(bak)' : 'rename(temp → target)');
      if (!b.endsWith('.bak')) boom('rename');
      return nodeFsLike.rename(a, b);
    },
  };
  return { fs, calls };
}

describe('atomic save (D1)', () => {
  it('D1: goes open(temp in the same folder) → write → fsync → close → rename → fsync(folder)', async () => {
    const target = path.join(dir, 'x.bpnn');
    writeFileSync(target, 'A');
    const { fs, calls } = recordingFs(null);
    await atomicWrite(target, 'B', { fs, keepBackup: true });
    expect(calls).toEqual([
      'open(temp in same dir)',
      'write',
      'fsync',
      'chmod',
      'close',
      'backup',
      'rename(bak)',
      'rename(temp → target)',
      'open(dir)',
      'fsync(dir)',
      'close(dir)',
    ]);
    expect(readFileSync(target, 'utf8')).toBe('B');
  });

  for (const step of ['open', 'write', 'fsync', 'chmod', 'close', 'backup', 'rename'] as const) {
    it(`D1: a failure at ${step} leaves the target unchanged, removes the temp file and says so`, async () => {
      const target = path.join(dir, 'x.bpnn');
      writeFileSync(target, 'previous version');
      const { fs } = recordingFs(step, step === 'write' ? 'ENOSPC' : 'EIO');
      const error = await atomicWrite(target, 'new version', { fs, keepBackup: true }).then(
        () => null,
        (e: unknown) => e as SaveError,
      );
      expect(error?.message).toMatch(/^Could not save 'x\.bpnn': .+\. Your previous version is untouched\.$/);
      // The same said from the catalogs, for the app's language.
      expect(error?.text && render(error.text)).toBe(error?.message);
      expect(error?.text && render(error.text, 'zh-TW')).toMatch(/^無法儲存「x\.bpnn」：.+。你先前的版本沒有被更動。$/);
      if (step === 'write') expect(error?.message).toBe("Could not save 'x.bpnn': the disk is full. Your previous version is untouched.");
      if (step === 'backup') expect(error?.text && render(error.text, 'zh-TW')).toMatch(/無法把先前的版本保留為 x\.bpnn\.bak/);
      expect(readFileSync(target, 'utf8')).toBe('previous version');
      expect(tempsIn(dir)).toEqual([]);
    });
  }

  for (const step of ['open-dir', 'fsync-dir'] as const) {
    it(`D1: a failure at ${step} (after the rename published the new bytes) keeps the save and warns`, async () => {
      const target = path.join(dir, 'x.bpnn');
      writeFileSync(target, 'previous version');
      const warnings: string[] = [];
      const { fs } = recordingFs(step);
      await atomicWrite(target, 'new version', { fs, onWarning: (w) => warnings.push(w) });
      expect(readFileSync(target, 'utf8')).toBe('new version');
      expect(tempsIn(dir)).toEqual([]);
      expect(warnings).toHaveLength(1);
    });
  }

  it('D2: sweeps temp files a killed save left behind, and only those', async () => {
    const target = path.join(dir, 'x.bpnn');
    writeFileSync(target, 'kept');
    // No process has a pid this large: the writer is gone.
    writeFileSync(path.join(dir, '.x.bpnn.999999999.0.1.abcd.bpnn-tmp'), 'half');
    writeFileSync(path.join(dir, '.other.bpnn.1.0.1.ab.bpnn-tmp'), 'someone else');
    expect(await sweepTemps(target)).toEqual(['.x.bpnn.999999999.0.1.abcd.bpnn-tmp']);
    expect(readdirSync(dir).sort()).toEqual(['.other.bpnn.1.0.1.ab.bpnn-tmp', 'x.bpnn']);
  });
});

describe('FileService', () => {
  it('D3: two overlapping saves end with the later content, without a rename race', async () => {
    const files = new FileService();
    const target = path.join(dir, 'x.bpnn');
    const results = await Promise.all([files.save(named('first'), target), files.save(named('second'), target)]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(readFileSync(target, 'utf8')).toBe(textOf(named('second')));
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe(textOf(named('first')));
    expect(tempsIn(dir)).toEqual([]);
  });

  it('D3: keeps a 0600 file at 0600', async () => {
    const target = path.join(dir, 'private.bpnn');
    writeFileSync(target, textOf(named('a')));
    chmodSync(target, 0o600);
    expect((await new FileService().save(named('b'), target)).ok).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('D3: saving through a symlink writes the link’s target and keeps the link', async () => {
    const real = path.join(dir, 'real.bpnn');
    const link = path.join(dir, 'link.bpnn');
    writeFileSync(real, textOf(named('a')));
    symlinkSync(real, link);
    expect((await new FileService().save(named('b'), link)).ok).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe(textOf(named('b')));
    expect(readFileSync(`${real}.bak`, 'utf8')).toBe(textOf(named('a')));
  });

  it('D4: after saving A then B, x.bpnn.bak holds A byte for byte', async () => {
    const files = new FileService();
    const target = path.join(dir, 'x.bpnn');
    await files.save(named('A'), target);
    expect(existsSync(`${target}.bak`)).toBe(false);
    await files.save(named('B'), target);
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe(textOf(named('A')));
  });

  it('D4: when the file is corrupted, the last good version (the .bak) is offered and loads A', async () => {
    const files = new FileService();
    const target = path.join(dir, 'x.bpnn');
    await files.save(named('A'), target);
    await files.save(named('B'), target);
    writeFileSync(target, '{"format": "bpnn-project", "vers');
    const opened = await files.open(target);
    expect(opened.ok).toBe(false);
    const lastGood = await files.lastGoodVersion(target);
    expect(lastGood?.result).toEqual({ ok: true, project: named('A'), filePath: target, fileName: 'x.bpnn', dirty: true });
    expect(lastGood?.savedAt).toBeInstanceOf(Date);
    writeFileSync(`${target}.bak`, 'also broken');
    expect(await files.lastGoodVersion(target)).toBeNull();
  });

  it('refuses to save a project with a NaN weight, naming it, and writes nothing', async () => {
    const p = xorProject();
    const target = path.join(dir, 'nan.bpnn');
    const bad: Project = { ...p, weights: { l1: { bias: { shape: [1], data: [Number.NaN] } } } };
    const r = await new FileService().save(bad, target);
    expect(r.ok).toBe(false);
    if (!r.ok && !r.canceled) expect(r.message).toContain('is NaN');
    expect(existsSync(target)).toBe(false);
  });

  it('opens a valid file, and lists every problem with its path for an invalid one', async () => {
    const files = new FileService();
    const good = path.join(dir, 'good.bpnn');
    writeFileSync(good, textOf(named('good')));
    const opened = await files.open(good);
    expect(opened).toMatchObject({ ok: true, fileName: 'good.bpnn', filePath: good });
    if (opened.ok) expect(opened.project.name).toBe('good');

    const bad = path.join(dir, 'bad.bpnn');
    const doc = JSON.parse(textOf(named('bad'))) as { training: { epochs: unknown; shuffle: unknown } };
    doc.training.epochs = 'many';
    doc.training.shuffle = 'yes';
    writeFileSync(bad, JSON.stringify(doc));
    const refused = await files.open(bad);
    expect(refused.ok).toBe(false);
    if (!refused.ok && !refused.canceled) {
      expect(refused.fileName).toBe('bad.bpnn');
      expect(refused.problems.map((p) => p.path).sort()).toEqual(['training.epochs', 'training.shuffle']);
    }
  });

  it('F1: refuses an oversize file by its size on disk, before reading it', async () => {
    // Sparse: 200 MiB on paper, nothing on disk. A message with exactly that size can only come
    // from the size check (the read is bounded at the limit + 1 byte in any case).
    const huge = path.join(dir, 'huge.bpnn');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 1024 * 1024);
    const r = await new FileService().open(huge);
    expect(r.ok).toBe(false);
    if (!r.ok && !r.canceled) expect(r.problems[0].message).toMatch(/too large \(200\.0 MiB/);
  });

  it('reports an unreadable file by name', async () => {
    const r = await new FileService().open(path.join(dir, 'missing.bpnn'));
    expect(r).toMatchObject({ ok: false, canceled: false, fileName: 'missing.bpnn' });
  });

  it('D7: refuses to overwrite a file changed on disk since it was opened, until told to', async () => {
    const files = new FileService();
    const target = path.join(dir, 'x.bpnn');
    writeFileSync(target, textOf(named('original')));
    await files.open(target);
    const theirs = textOf(named('someone else'));
    writeFileSync(target, theirs);
    const r = await files.save(named('mine'), target);
    expect(r).toMatchObject({ ok: false, canceled: false, conflict: true, message: "'x.bpnn' was changed on disk since you opened it. Overwrite it with your version, or reload it from disk?" });
    // The question's body in the reader's language.
    expect(!r.ok && !r.canceled && r.text ? render(r.text, 'zh-TW') : null).toBe('「x.bpnn」在你開啟之後被其他程式改過了。要用你的版本覆寫它，還是從磁碟重新載入？');
    expect(readFileSync(target, 'utf8')).toBe(theirs);
    expect((await files.save(named('mine'), target, { overwrite: true })).ok).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(textOf(named('mine')));
  });

  it('D7: an external "change" to identical bytes (newer mtime) is no conflict', async () => {
    const files = new FileService();
    const target = path.join(dir, 'x.bpnn');
    const text = textOf(named('same'));
    writeFileSync(target, text);
    await files.open(target);
    writeFileSync(target, text);
    const later = new Date(Date.now() + 60_000);
    const { utimesSync } = await import('node:fs');
    utimesSync(target, later, later);
    expect((await files.save(named('mine'), target)).ok).toBe(true);
  });

  it('D7: notices another program changing the open file, once per change, never for our own saves', async () => {
    const files = new FileService();
    const target = path.join(dir, 'watched.bpnn');
    writeFileSync(target, textOf(named('v0')));
    await files.open(target);
    let changes = 0;
    const stop = files.watch(target, () => (changes += 1), 20);
    try {
      expect((await files.save(named('ours'), target)).ok).toBe(true);
      writeFileSync(path.join(dir, 'neighbour.bpnn'), 'another file in the folder');
      writeFileSync(target, textOf(named('theirs')));
      await vi.waitFor(() => expect(changes).toBe(1), { timeout: 30_000 });
      // Saving over their version is now a conflict, even though we have "seen" it.
      expect(await files.save(named('mine'), target)).toMatchObject({ ok: false, conflict: true });
      expect((await files.save(named('mine'), target, { overwrite: true })).ok).toBe(true);
      writeFileSync(target, textOf(named('theirs again')));
      await vi.waitFor(() => expect(changes).toBe(2), { timeout: 30_000 });
    } finally {
      stop();
    }
  });

  it('D7: our own saves move the baseline, so saving twice is no conflict', async () => {
    const files = new FileService();
    const target = path.join(dir, 'x.bpnn');
    writeFileSync(target, textOf(named('v0')));
    await files.open(target);
    expect((await files.save(named('v1'), target)).ok).toBe(true);
    expect((await files.save(named('v2'), target)).ok).toBe(true);
  });

  it('exports the core weights JSON of a trained project', async () => {
    const target = path.join(dir, 'weights.json');
    const tensor = (shape: number[]) => ({ shape, data: new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(0.25) });
    const layer = (out: number, inp: number) => ({ weight: tensor([out, inp]), bias: tensor([out]) });
    const p: Project = { ...xorProject(), weights: { fc1: layer(32, 2), fc2: layer(32, 32), fc3: layer(1, 32) } };
    expect(await new FileService().exportWeights(p, target)).toEqual({ ok: true, fileName: 'weights.json' });
    const doc = JSON.parse(readFileSync(target, 'utf8')) as { layers: { node: string }[] };
    expect(doc.layers.map((l) => l.node)).toContain('fc3');
  });

  it('refuses to export an untrained project with the exporter’s message, writing nothing', async () => {
    const target = path.join(dir, 'weights.json');
    const r = await new FileService().exportWeights(xorProject(), target);
    expect(r).toMatchObject({ ok: false, canceled: false });
    if (!r.ok && !r.canceled) expect(r.message).toContain('has not been trained yet');
    expect(existsSync(target)).toBe(false);
  });
});
