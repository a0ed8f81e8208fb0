// The browser backend's file helpers and hot-exit backup, without a browser: uploaded text in,
// OpenResult out; download names; a localStorage backup with fake storage and timers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PROJECT_BYTES, serializeProject } from '../../../core/index';
import type { DocumentState } from '../../../runtime/api';
import { isAllowedExternalUrl } from '../../../renderer/backend/web/external-links';
import { readPickedFile } from '../../../renderer/backend/web/files';
import { openResultFromBytes, openResultFromText, projectDownloadName, safeFileName, slugify, weightsDownloadName } from '../../../renderer/backend/web/project-files';
import { BACKUP_DELAY_MS, BACKUP_ID, BACKUP_KEY, BrowserRecovery, type KeyValueStore } from '../../../renderer/backend/web/recovery';
import { exampleProject } from '../fixtures';
import { english } from '../../helpers/said';

const XOR_TEXT = readFileSync(join(import.meta.dirname, '../../../examples/xor.bpnn'), 'utf8');

describe('opening an uploaded file', () => {
  it('opens a valid project under its file name, with no path (the browser has none)', () => {
    const r = openResultFromText(XOR_TEXT, 'lab.bpnn');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.fileName).toBe('lab.bpnn');
      expect(r.filePath).toBeNull();
      expect(r.project.graph.nodes.map((n) => n.id)).toContain('fc1');
    }
  });

  it('refuses a broken file with the JSON path of each problem and the file name', () => {
    const broken = XOR_TEXT.replace('"outFeatures": 32', '"outFeatures": "many"');
    const r = openResultFromText(broken, 'broken.bpnn');
    expect(r).toMatchObject({ ok: false, canceled: false, fileName: 'broken.bpnn' });
    if (!r.ok && !r.canceled) expect(r.problems.some((p) => p.path.includes('outFeatures'))).toBe(true);
  });

  it('refuses an oversize file by its size, before parsing, and says the limit', () => {
    const r = openResultFromText('', 'huge.bpnn', MAX_PROJECT_BYTES + 1);
    expect(r.ok).toBe(false);
    if (!r.ok && !r.canceled) expect(r.problems[0].message).toMatch(/at most 64 MB/);
  });
});

describe('opening an uploaded file: its bytes, UTF-8 only', () => {
  const utf16le = (s: string, bom: boolean) => new Uint8Array(Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]));
  const problem = (bytes: Uint8Array) => {
    const r = openResultFromBytes(bytes, 'lab.bpnn');
    return !r.ok && !r.canceled ? r.problems[0] : null;
  };

  it('refuses UTF-16 LE with a byte-order mark, saying to save it as UTF-8', () => {
    expect(english(problem(utf16le(XOR_TEXT, true)))).toEqual({ path: '(file)', message: "Could not read 'lab.bpnn': this file is UTF-16; save it as UTF-8" });
  });

  it('refuses UTF-16 without a byte-order mark', () => {
    expect(english(problem(utf16le(XOR_TEXT, false)))).toEqual({ path: '(file)', message: "Could not read 'lab.bpnn': this file is UTF-16; save it as UTF-8" });
  });

  it('refuses Latin-1 naming the byte and line, instead of loading é as U+FFFD', () => {
    const text = XOR_TEXT.replace(/"description": "[^"]*"/, '"description": "café"');
    const line = text.slice(0, text.indexOf('é')).split('\n').length;
    expect(problem(new Uint8Array(Buffer.from(text, 'latin1')))?.message).toBe(`Could not read 'lab.bpnn': this file is not UTF-8 (byte 0xE9 at line ${line}); save it as UTF-8`);
  });

  it('opens UTF-8 with a byte-order mark', () => {
    const r = openResultFromBytes(new TextEncoder().encode(`\ufeff${XOR_TEXT}`), 'lab.bpnn');
    expect(r.ok).toBe(true);
  });

  it('the picked file is read as bytes, so a Latin-1 é reaches the decoder as 0xE9', async () => {
    expect(await readPickedFile(new Blob([new Uint8Array([0x63, 0x61, 0x66, 0xe9])]))).toEqual(new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
    const unreadable = { arrayBuffer: () => Promise.reject(new Error('NotReadableError')) } as unknown as Blob;
    expect(await readPickedFile(unreadable)).toBeNull();
  });
});

describe('download names', () => {
  it('keeps the name of the file the project came from, else makes one from the project name', () => {
    expect(projectDownloadName('my lab.bpnn', 'XOR')).toBe('my lab.bpnn');
    expect(projectDownloadName('untitled.bpnn', 'XOR (the backprop lab)')).toBe('xor-the-backprop-lab.bpnn');
    expect(projectDownloadName(null, '')).toBe('project.bpnn');
  });

  it('names the weights after the project', () => {
    expect(weightsDownloadName('xor.weights.json')).toBe('xor.weights.json');
    expect(weightsDownloadName('xor.bpnn')).toBe('xor.weights.json');
  });

  it('never lets a name carry a path or control characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(safeFileName('a\u0000b')).toBe('a_b');
    expect(slugify('Ünïcode ünits')).toBe('unicode-units');
  });
});

describe('external links', () => {
  it('opens only https links to the allowlisted hosts, parsed as URLs', () => {
    expect(isAllowedExternalUrl('https://github.com/bpnn')).toBe(true);
    expect(isAllowedExternalUrl('http://github.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://github.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@github.com/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });
});

function memoryStorage(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function fakeTimers() {
  let next = 1;
  const timers = new Map<number, { fn: () => void; at: number }>();
  let now = 0;
  return {
    setTimer: (fn: () => void, ms: number) => {
      timers.set(next, { fn, at: now + ms });
      return next++;
    },
    clearTimer: (h: unknown) => void timers.delete(h as number),
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(id);
          t.fn();
        }
      }
    },
  };
}

describe('hot-exit backup in localStorage', () => {
  const project = exampleProject('xor');
  const dirty: DocumentState = { fileName: 'xor.bpnn', filePath: null, dirty: true, project };

  function setup(storage = memoryStorage()) {
    const timers = fakeTimers();
    const recovery = new BrowserRecovery({ storage, nowIso: () => '2026-01-02T03:04:05.000Z', setTimer: timers.setTimer, clearTimer: timers.clearTimer });
    return { storage, timers, recovery };
  }

  it('backs up a dirty project once edits pause for a second, and not before', () => {
    const { storage, timers, recovery } = setup();
    recovery.update(dirty);
    timers.advance(BACKUP_DELAY_MS - 1);
    recovery.update(dirty);
    timers.advance(BACKUP_DELAY_MS - 1);
    expect(storage.data.has(BACKUP_KEY)).toBe(false);
    timers.advance(1);
    const stored = JSON.parse(storage.data.get(BACKUP_KEY) ?? '{}') as { fileName: string; text: string };
    expect(stored.fileName).toBe('xor.bpnn');
    const s = serializeProject(project);
    expect(s.ok && stored.text === s.text).toBe(true);
  });

  it('removes its own backup once the project is saved (clean)', () => {
    const { storage, timers, recovery } = setup();
    recovery.update(dirty);
    timers.advance(BACKUP_DELAY_MS);
    recovery.update({ ...dirty, dirty: false, project: null });
    expect(storage.data.has(BACKUP_KEY)).toBe(false);
  });

  it('offers a backup found at load, restores it as unsaved, and keeps it until answered', () => {
    const first = setup();
    first.recovery.update(dirty);
    first.timers.advance(BACKUP_DELAY_MS);
    // Next visit: the page loads clean first, which must not destroy the offer.
    const next = setup(first.storage);
    next.recovery.update({ ...dirty, dirty: false, project: null });
    expect(next.storage.data.has(BACKUP_KEY)).toBe(true);
    expect(next.recovery.offers()).toEqual([{ backupId: BACKUP_ID, fileName: 'xor.bpnn', filePath: null, savedAt: '2026-01-02T03:04:05.000Z' }]);
    const r = next.recovery.restore(BACKUP_ID);
    expect(r).toMatchObject({ ok: true, fileName: 'xor.bpnn', dirty: true });
    expect(next.recovery.offers()).toEqual([]);
    expect(next.storage.data.has(BACKUP_KEY)).toBe(false);
  });

  it('discarding the offer deletes the stored backup', () => {
    const first = setup();
    first.recovery.update(dirty);
    first.timers.advance(BACKUP_DELAY_MS);
    const next = setup(first.storage);
    next.recovery.discard(BACKUP_ID);
    expect(next.recovery.offers()).toEqual([]);
    expect(next.storage.data.has(BACKUP_KEY)).toBe(false);
  });

  it('ignores a corrupt stored backup and works without storage at all', () => {
    const storage = memoryStorage();
    storage.data.set(BACKUP_KEY, '{not json');
    expect(setup(storage).recovery.offers()).toEqual([]);
    const timers = fakeTimers();
    const none = new BrowserRecovery({ storage: null, nowIso: () => '', setTimer: timers.setTimer, clearTimer: timers.clearTimer });
    none.update(dirty);
    expect(() => timers.advance(BACKUP_DELAY_MS)).not.toThrow();
    expect(none.offers()).toEqual([]);
  });
});
