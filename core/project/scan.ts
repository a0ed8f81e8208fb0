// A linear, non-recursive pass over the raw text before JSON.parse sees it. It checks the
// JSON syntax (with line and column), nesting depth, string length and value count, and
// finds forbidden keys (however they are escaped), keys that appear twice in one object
// (JSON.parse would silently keep the last) and numbers too large for a float64, naming the
// JSON path of each. Nothing here can overflow the stack or take more than
// one pass over the text, whatever the input.
import { FORBIDDEN_KEYS, MAX_DEPTH, MAX_STRING_CHARS, MAX_VALUES, groupDigits } from './limits';
import { formatPath, placeSaid, shortenKey, type PathSegment } from './json-path';
import { ProblemList } from './problems';
import { say, type Text } from '../messages/text';

interface Frame {
  isObject: boolean;
  /** The current key of an object. */
  key: string;
  /** The current index of an array; the number of keys read so far in an object. */
  index: number;
  /** An object's keys so far, made at its second key (most objects in a project are small). */
  seen: Set<string> | null;
  /** Keys already reported as repeated, so a key written three times is one problem. */
  repeated: Set<string> | null;
}

const enum State {
  Value,
  ValueOrEndArray,
  KeyOrEndObject,
  Key,
  Colon,
  AfterValue,
}

/** How many path segments a nesting message shows before "…". */
const DEPTH_PATH_SEGMENTS = 6;
/** A number without an exponent written in at most this many characters is below Number.MAX_VALUE (1.8e308, 309 digits). */
const MAX_PLAIN_DIGITS = 308;

function lineColumn(text: string, pos: number): Text {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return say('file.json.at', { line, column: pos - lineStart + 1 });
}

function describeChar(text: string, pos: number): Text {
  if (pos >= text.length) return say('file.json.endOfFile');
  const ch = text[pos];
  const code = text.charCodeAt(pos);
  const hex = `U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff)) return say('file.json.character', { hex });
  // Beyond ASCII the glyph may be invisible (a no-break space, a byte-order mark): show both.
  return code > 0x7e ? say('file.json.glyph', { ch, hex }) : say('file.json.ascii', { ch });
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/**
 * Scan `text` as JSON. Returns the problems found; an empty list means JSON.parse will
 * succeed and the result holds no forbidden key and no non-finite number.
 */
export function scanJson(text: string): ProblemList {
  const problems = new ProblemList();
  // Read once: the loops below run for every character of a file of up to 64 MiB.
  const maxChars = MAX_STRING_CHARS;
  const maxValues = MAX_VALUES;
  const frames: Frame[] = [];
  let state: State = State.Value;
  let values = 0;
  let i = 0;
  const n = text.length;

  const path = (): PathSegment[] => frames.map((f) => (f.isObject ? f.key : f.index));
  // While a key is being read, the innermost frame still names the previous key, so a
  // problem there belongs to the object that holds the key.
  const here = (): PathSegment[] => (state === State.Key || state === State.KeyOrEndObject ? path().slice(0, -1) : path());
  const fatal = (message: Text): ProblemList => {
    const list = new ProblemList();
    list.say(formatPath(here()), message);
    return list;
  };
  const syntax = (expected: Text, pos: number): ProblemList =>
    fatal(say('file.json.syntax', { at: lineColumn(text, pos), expected, found: describeChar(text, pos) }));

  // Returns the index just past the closing quote, or -1 (with `err` set) on a bad string.
  const failure: { list: ProblemList } = { list: problems };
  const scanString = (start: number): number => {
    let j = start + 1;
    // Characters of the decoded string (an escape such as \n or \u00e9 is one), the length
    // walk.ts measures on a value about to be saved: both must agree, or a description of many
    // short lines could save and then not open.
    let chars = 0;
    for (;;) {
      if (j >= n) {
        failure.list = fatal(say('file.json.unclosedString', { at: lineColumn(text, start) }));
        return -1;
      }
      const c = text.charCodeAt(j);
      if (c === 34) break;
      if (c === 92) {
        const e = text.charCodeAt(j + 1);
        if (e === 117) {
          if (!(isHex(text.charCodeAt(j + 2)) && isHex(text.charCodeAt(j + 3)) && isHex(text.charCodeAt(j + 4)) && isHex(text.charCodeAt(j + 5)))) {
            failure.list = syntax(say('file.json.expected.hexDigits'), j + 2);
            return -1;
          }
          j += 6;
        } else if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
          j += 2;
        } else {
          failure.list = syntax(say('file.json.expected.escape'), j + 1);
          return -1;
        }
      } else if (c < 0x20) {
        failure.list = fatal(say('file.json.controlChar', { at: lineColumn(text, j) }));
        return -1;
      } else {
        j++;
      }
      if (++chars > maxChars) {
        failure.list = fatal(say('file.limits.longString', { limit: groupDigits(MAX_STRING_CHARS) }));
        return -1;
      }
    }
    return j + 1;
  };

  /** Set by scanNumber when the number it read has an exponent. */
  let exponent = false;
  const scanNumber = (start: number): number => {
    let j = start;
    if (text.charCodeAt(j) === 45) j++;
    const first = text.charCodeAt(j);
    if (first === 48) j++;
    else if (isDigit(first)) while (isDigit(text.charCodeAt(j))) j++;
    else {
      failure.list = syntax(say('file.json.expected.digit'), j);
      return -1;
    }
    if (text.charCodeAt(j) === 46) {
      j++;
      if (!isDigit(text.charCodeAt(j))) {
        failure.list = syntax(say('file.json.expected.digitAfterPoint'), j);
        return -1;
      }
      while (isDigit(text.charCodeAt(j))) j++;
    }
    const e = text.charCodeAt(j);
    if (e === 101 || e === 69) {
      exponent = true;
      j++;
      const s = text.charCodeAt(j);
      if (s === 43 || s === 45) j++;
      if (!isDigit(text.charCodeAt(j))) {
        failure.list = syntax(say('file.json.expected.digitInExponent'), j);
        return -1;
      }
      while (isDigit(text.charCodeAt(j))) j++;
    }
    return j;
  };

  for (;;) {
    // Skip whitespace.
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    if (i >= n) {
      if (state === State.AfterValue && frames.length === 0) return problems;
      const list = new ProblemList();
      const why = frames.length === 0 ? say('file.json.empty') : frames[frames.length - 1].isObject ? say('file.json.objectNotClosed') : say('file.json.arrayNotClosed');
      list.say(formatPath([]), say('file.json.endsEarly', { at: lineColumn(text, i), why }));
      return list;
    }
    const c = text.charCodeAt(i);
    switch (state) {
      case State.ValueOrEndArray:
      case State.Value: {
        if (state === State.ValueOrEndArray && c === 93) {
          frames.pop();
          state = State.AfterValue;
          i++;
          break;
        }
        if (++values > maxValues) return fatal(say('file.limits.fileValues', { limit: groupDigits(MAX_VALUES) }));
        if (c === 123 || c === 91) {
          if (frames.length >= MAX_DEPTH) {
            const where = formatPath(path(), DEPTH_PATH_SEGMENTS);
            const list = new ProblemList();
            list.say(where, say('file.limits.tooDeep', { limit: MAX_DEPTH, at: where }));
            return list;
          }
          frames.push({ isObject: c === 123, key: '', index: 0, seen: null, repeated: null });
          state = c === 123 ? State.KeyOrEndObject : State.ValueOrEndArray;
          i++;
        } else if (c === 34) {
          i = scanString(i);
          if (i < 0) return failure.list;
          state = State.AfterValue;
        } else if (c === 45 || isDigit(c)) {
          exponent = false;
          const end = scanNumber(i);
          if (end < 0) return failure.list;
          // Only an exponent or more than 308 characters can overflow a float64; skipping the
          // conversion for every other number keeps a data file's scan fast.
          const token = exponent || end - i > MAX_PLAIN_DIGITS ? text.slice(i, end) : '';
          if (token !== '' && !Number.isFinite(Number(token))) {
            problems.say(formatPath(path()), say('file.json.tooLargeNumber', { token: token.length > 24 ? `${token.slice(0, 24)}…` : token }));
          }
          i = end;
          state = State.AfterValue;
        } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
          i += 4;
          state = State.AfterValue;
        } else if (text.startsWith('false', i)) {
          i += 5;
          state = State.AfterValue;
        } else {
          return syntax(state === State.ValueOrEndArray ? say('file.json.expected.valueOrEndArray') : say('file.json.expected.value'), i);
        }
        break;
      }
      case State.KeyOrEndObject:
      case State.Key: {
        if (state === State.KeyOrEndObject && c === 125) {
          frames.pop();
          state = State.AfterValue;
          i++;
          break;
        }
        if (c !== 34) return syntax(state === State.KeyOrEndObject ? say('file.json.expected.keyOrEndObject') : say('file.json.expected.key'), i);
        const end = scanString(i);
        if (end < 0) return failure.list;
        const raw = text.slice(i, end);
        // Only escaped keys need decoding; the slice is valid JSON, checked just above.
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (FORBIDDEN_KEYS.has(key)) problems.say(formatPath(here()), say('file.json.forbiddenKey', { key, at: placeSaid(here()) }));
        const top = frames[frames.length - 1];
        if (top.index === 1) top.seen = new Set([top.key]);
        if (top.seen !== null) {
          if (!top.seen.has(key)) top.seen.add(key);
          else if (!top.repeated?.has(key)) {
            (top.repeated ??= new Set()).add(key);
            problems.say(formatPath(here()), say('file.json.repeatedKey', { key: shortenKey(key), at: placeSaid(here()) }));
          }
        }
        top.key = key;
        top.index++;
        i = end;
        state = State.Colon;
        break;
      }
      case State.Colon: {
        if (c !== 58) return syntax(say('file.json.expected.colon'), i);
        i++;
        state = State.Value;
        break;
      }
      case State.AfterValue: {
        const top = frames[frames.length - 1];
        if (top === undefined) return syntax(say('file.json.expected.endAfterValue'), i);
        if (c === 44) {
          if (top.isObject) state = State.Key;
          else {
            top.index++;
            state = State.Value;
          }
          i++;
        } else if ((c === 125 && top.isObject) || (c === 93 && !top.isObject)) {
          frames.pop();
          i++;
        } else {
          return syntax(top.isObject ? say('file.json.expected.commaOrEndObject') : say('file.json.expected.commaOrEndArray'), i);
        }
        break;
      }
    }
  }
}
