// The one decoder every .bpnn, backup and CSV read goes through: UTF-8 only, with a message
// that says how to fix any other encoding (docs/reliability.md F3: errors name the problem and where).
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../core/index';
import { english } from '../../helpers/said';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16le(s: string, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[(bom ? 2 : 0) + 2 * i] = c & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = c >> 8;
  }
  return out;
}
const swapPairs = (b: Uint8Array) => b.map((_, i) => b[i ^ 1]);
const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

describe('decodeText', () => {
  it('decodes UTF-8, including characters beyond ASCII', () => {
    expect(decodeText(utf8('x1,x2,label\n0.1,é,日本\n'))).toEqual({ ok: true, text: 'x1,x2,label\n0.1,é,日本\n' });
  });

  it('drops a UTF-8 byte-order mark, so the first name does not start with U+FEFF', () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"a":1}')]));
    expect(r).toEqual({ ok: true, text: '{"a":1}' });
  });

  it('refuses UTF-16 LE with a byte-order mark', () => {
    expect(english(decodeText(utf16le('x1,x2\n0.1,0.2\n', true)))).toEqual({ ok: false, message: 'this file is UTF-16; save it as UTF-8' });
  });

  it('refuses UTF-16 BE with a byte-order mark', () => {
    expect(english(decodeText(swapPairs(utf16le('x1,x2\n0.1,0.2\n', true))))).toEqual({ ok: false, message: 'this file is UTF-16; save it as UTF-8' });
  });

  it('refuses UTF-16 without a byte-order mark, by its NUL bytes in every other position (LE and BE)', () => {
    const le = utf16le('{"format": "bpnn-project"}', false);
    expect(english(decodeText(le))).toEqual({ ok: false, message: 'this file is UTF-16; save it as UTF-8' });
    expect(english(decodeText(swapPairs(le)))).toEqual({ ok: false, message: 'this file is UTF-16; save it as UTF-8' });
  });

  it('refuses UTF-32 (with or without a byte-order mark)', () => {
    const body = Uint8Array.from([...'a,b\n'].flatMap((ch) => [ch.charCodeAt(0), 0, 0, 0]));
    expect(english(decodeText(body))).toEqual({ ok: false, message: 'this file is UTF-32; save it as UTF-8' });
    expect(english(decodeText(new Uint8Array([0xff, 0xfe, 0, 0, ...body])))).toEqual({ ok: false, message: 'this file is UTF-32; save it as UTF-8' });
  });

  it('refuses Latin-1 instead of turning é into U+FFFD, naming the byte and its line', () => {
    expect(english(decodeText(latin1('name,label\ncafe,0\ncaf\u00e9,1\n')))).toEqual({ ok: false, message: 'this file is not UTF-8 (byte 0xE9 at line 3); save it as UTF-8' });
  });

  it('names the lead byte of a truncated sequence at the very end', () => {
    expect(english(decodeText(new Uint8Array([0x61, 0x0a, 0xe6, 0x97])))).toEqual({ ok: false, message: 'this file is not UTF-8 (byte 0xE6 at line 2); save it as UTF-8' });
  });

  it('refuses a binary file with a stray NUL byte, naming its line', () => {
    expect(english(decodeText(utf8('a,b\n1,2\n3,\u00004\n')))).toEqual({ ok: false, message: 'this file contains a NUL byte (at line 3), so it is not a text file; save it as UTF-8 text' });
  });

  it('accepts an empty file', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ ok: true, text: '' });
  });
});
