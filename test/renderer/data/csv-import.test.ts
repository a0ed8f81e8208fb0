// The Data tab's CSV import reads the picked file's bytes through core's decodeText: a UTF-16
// or Latin-1 file is refused with a line that says how to fix it, instead of NUL-filled column
// names, "'0.1' is not a number" or a silent U+FFFD (docs/reliability.md F3: say what and where).
import { describe, expect, it } from 'vitest';
import { importCsvBytes } from '../../../renderer/data/csv-import';

const CSV = 'x1,x2,label\n0.1,0.9,a\n0.8,0.2,b\n';
const utf16le = (s: string, bom: boolean) => new Uint8Array(Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('importing a CSV file in the Data tab', () => {
  it('imports UTF-8 with its column names and labels', () => {
    const r = importCsvBytes(utf8(CSV), 'points.csv', '');
    expect(r.ok).toBe(true);
    if (r.ok && r.dataset.kind === 'inline') expect(r.dataset.classNames).toEqual(['a', 'b']);
  });

  it('a UTF-8 byte-order mark still works: the first column is x1, not "\\uFEFFx1"', () => {
    const r = importCsvBytes(utf8(`\ufeff${CSV}`), 'points.csv', 'label');
    expect(r.ok).toBe(true);
    if (r.ok && r.dataset.kind === 'inline') expect(r.dataset.featureNames[0]).toBe('x1');
  });

  it('refuses UTF-16 LE with a byte-order mark', () => {
    expect(importCsvBytes(utf16le(CSV, true), 'points.csv', '')).toEqual({ ok: false, lines: ['This file is UTF-16; save it as UTF-8.'] });
  });

  it('refuses UTF-16 without a byte-order mark', () => {
    expect(importCsvBytes(utf16le(CSV, false), 'points.csv', '')).toEqual({ ok: false, lines: ['This file is UTF-16; save it as UTF-8.'] });
  });

  it('refuses Latin-1, naming the byte and its line, instead of importing U+FFFD', () => {
    const latin1 = new Uint8Array(Buffer.from('x1,x2,label\n0.1,0.9,a\n0.8,0.2,caf\u00e9\n', 'latin1'));
    expect(importCsvBytes(latin1, 'points.csv', '')).toEqual({ ok: false, lines: ['This file is not UTF-8 (byte 0xE9 at line 3); save it as UTF-8.'] });
  });
});
