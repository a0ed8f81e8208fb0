// Turning a file's bytes into text, the one way every reader of .bpnn projects, backups and CSV
// files does it. Only UTF-8 is accepted (a leading byte-order mark is dropped): a UTF-16 file
// read as UTF-8 turns into NUL-riddled names and "'0.1' is not a number", and Latin-1 bytes
// silently become U+FFFD, so both are refused with a message that says how to fix the file.

// TextDecoder exists wherever core runs (Node, browsers and their workers) but is in no lib core
// compiles against (no DOM, no Node types), so the one use is declared here.
declare const TextDecoder: new (label: 'utf-8', options: { fatal: boolean }) => { decode(input: Uint8Array): string };

import { say, type Text } from '../messages/text';
import { saying } from '../messages/said';

// `text` is the file's text, or (like every problem's) what is wrong as a Text: a clause that
// callers put after "Could not read 'x.csv':"; decodeSentence makes it a sentence of its own.
export type DecodeResult = { ok: true; text: string } | { ok: false; message: string; text: Text };
/** Bytes looked at to recognise UTF-16 or UTF-32 without a byte-order mark. */
const SNIFF_BYTES = 4096;

type WideEncoding = 'UTF-16' | 'UTF-32';

/** UTF-16 or UTF-32 by their byte-order mark, or by where the NUL bytes of mostly-ASCII text fall. */
function wideEncoding(b: Uint8Array): WideEncoding | null {
  if (b.length >= 4 && ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))) return 'UTF-32';
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return 'UTF-16';
  const n = Math.min(b.length, SNIFF_BYTES);
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (b[i] === 0) zeros[i & 3]++;
  if (zeros[0] + zeros[1] + zeros[2] + zeros[3] === 0) return null;
  // In UTF-32 every character of the Basic Multilingual Plane has two zero bytes on one side.
  const quads = n >> 2;
  if (quads > 0 && ((zeros[2] >= quads && zeros[3] >= quads) || (zeros[0] >= quads && zeros[1] >= quads))) return 'UTF-32';
  const even = zeros[0] + zeros[2];
  const odd = zeros[1] + zeros[3];
  // ASCII in UTF-16 puts a zero in every other byte, on one side only; a stray NUL is no pattern.
  const pairs = n >> 1;
  if ((odd * 4 >= pairs && odd > 4 * even) || (even * 4 >= pairs && even > 4 * odd)) return 'UTF-16';
  return null;
}

/** Index of the first byte that does not start a valid UTF-8 sequence, or -1 (RFC 3629 §4). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const more = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (more === 0 || i + more >= b.length) return i;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= more; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return -1;
}

function lineAt(b: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (b[i] === 0x0a) line++;
  return line;
}

const hexByte = (v: number) => `0x${v.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * The text of a UTF-8 file, without its byte-order mark; or a message for the user, such as
 * "this file is UTF-16; save it as UTF-8" or "this file is not UTF-8 (byte 0xE9 at line 3); save it as UTF-8".
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const wide = wideEncoding(bytes);
  if (wide) return { ok: false, ...saying(say('file.decode.wide', { encoding: wide })) };
  try {
    // The native decoder is fast; it drops a leading BOM and throws on the first bad byte.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      return { ok: false, ...saying(say('file.decode.nul', { line: lineAt(bytes, bytes.indexOf(0)) })) };
    }
    return { ok: true, text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const text = at >= 0 ? say('file.decode.notUtf8At', { byte: hexByte(bytes[at]), line: lineAt(bytes, at) }) : say('file.decode.notUtf8');
    return { ok: false, ...saying(text) };
  }
}

const SENTENCES = {
  'file.decode.wide': 'file.decode.wideSentence',
  'file.decode.nul': 'file.decode.nulSentence',
  'file.decode.notUtf8': 'file.decode.notUtf8Sentence',
  'file.decode.notUtf8At': 'file.decode.notUtf8AtSentence',
} as const;

/** A decode failure said on its own ("This file is UTF-16; save it as UTF-8."), not after "Could not read …:". */
export function decodeSentence(text: Text): Text {
  const key = (SENTENCES as Record<string, (typeof SENTENCES)[keyof typeof SENTENCES] | undefined>)[text.key];
  return key ? say(key, text.params) : text;
}
