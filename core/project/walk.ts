// The scanner's checks for a value that never was text: a project handed over IPC or built
// in memory. Iterative, with the same depth, size and forbidden-key limits, so a cyclic or
// hostile object is refused instead of looping or polluting a prototype.
import { FORBIDDEN_KEYS, MAX_DEPTH, MAX_STRING_CHARS, MAX_VALUES, groupDigits } from './limits';
import { formatPath, placeSaid, type PathSegment } from './json-path';
import { ProblemList } from './problems';
import { say } from '../messages/text';
import { typeSaid } from './issue-text';

const DEPTH_PATH_SEGMENTS = 6;

export function walkValue(root: unknown): ProblemList {
  const problems = new ProblemList();
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: root, path: [] }];
  let count = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    if (++count > MAX_VALUES) {
      const list = new ProblemList();
      list.say(formatPath([]), say('file.limits.projectValues', { limit: groupDigits(MAX_VALUES) }));
      return list;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.say(formatPath(path), say('file.value.notFinite', { value: String(value) }));
      continue;
    }
    if (typeof value === 'string') {
      if (value.length > MAX_STRING_CHARS) problems.say(formatPath(path), say('file.limits.longString', { limit: groupDigits(MAX_STRING_CHARS) }));
      continue;
    }
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value !== 'object') {
      problems.say(formatPath(path), say('file.value.badType', { type: typeSaid(typeof value) }));
      continue;
    }
    if (path.length >= MAX_DEPTH) {
      const list = new ProblemList();
      const at = formatPath(path, DEPTH_PATH_SEGMENTS);
      list.say(at, say('file.limits.tooDeep', { limit: MAX_DEPTH, at }));
      return list;
    }
    if (Array.isArray(value)) {
      // Plain elements are checked here (a weight array can hold 100 000 numbers); only
      // containers go on the stack, so paths are built for containers and problems alone.
      for (let i = value.length - 1; i >= 0; i--) {
        const el: unknown = value[i];
        if (el !== null && typeof el === 'object') stack.push({ value: el, path: [...path, i] });
        else if (typeof el === 'number' && Number.isFinite(el)) count++;
        else stack.push({ value: el, path: [...path, i] });
      }
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      problems.say(formatPath(path), say('file.value.notPlain'));
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) problems.say(formatPath(path), say('file.json.forbiddenKey', { key, at: placeSaid(path) }));
      // The scanner measures keys as it measures text values; a key it would refuse must not save.
      if (key.length > MAX_STRING_CHARS) problems.say(formatPath(path), say('file.limits.longKey', { limit: groupDigits(MAX_STRING_CHARS) }));
    }
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k];
      const child: unknown = (value as Record<string, unknown>)[key];
      // An undefined field is an absent field, as in JSON (an optional field left unset).
      if (!FORBIDDEN_KEYS.has(key) && child !== undefined) stack.push({ value: child, path: [...path, key] });
    }
  }
  return problems;
}
