// JSON paths as a student reads them: graph.nodes[1].params.outFeatures. Keys that are not
// plain identifiers are quoted (weights["fc 1"]) so a path always points at one place.
import { say, type Text } from '../messages/text';

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** Longer keys are cut, so a hostile 1 MB key cannot flood a message. */
const MAX_KEY_CHARS = 64;

export const shortenKey = (key: string): string => (key.length > MAX_KEY_CHARS ? `${key.slice(0, MAX_KEY_CHARS - 1)}…` : key);

/** Shown when a problem is about the whole file rather than a field in it. */
export const ROOT_PATH = '(top level)';

/**
 * A path as a sentence names it: the whole file in the reader's language ("(top level)" is
 * English), any other path as written, since field names are the file's own.
 */
export function placeSaid(path: readonly PathSegment[]): string | Text {
  return path.length === 0 ? say('fields.topLevel') : formatPath(path);
}

export function formatPath(path: readonly PathSegment[], maxSegments = Infinity): string {
  if (path.length === 0) return ROOT_PATH;
  let out = '';
  const shown = Math.min(path.length, maxSegments);
  for (let i = 0; i < shown; i++) {
    const raw = path[i];
    if (typeof raw === 'number') {
      out += `[${raw}]`;
      continue;
    }
    const seg = shortenKey(raw);
    if (seg === '') out += '[""]';
    else if (IDENTIFIER.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return shown < path.length ? `${out}…` : out;
}
