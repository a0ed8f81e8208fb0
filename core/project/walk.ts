// The scanner's checks for a value that never was text: a project handed over IPC or built
// in memory. Iterative, with the same depth, size and forbidden-key limits, so a cyclic or
// hostile object is refused instead of looping or polluting a prototype.
import { FORBIDDEN_KEYS, MAX_DEPTH, MAX_STRING_CHARS, MAX_VALUES, groupDigits } from './limits';
import { formatPath, type PathSegment } from './json-path';
import { ProblemList } from './problems';

const DEPTH_PATH_SEGMENTS = 6;

export function walkValue(root: unknown): ProblemList {
  const problems = new ProblemList();
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: root, path: [] }];
  let count = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    if (++count > MAX_VALUES) {
      const list = new ProblemList();
      list.add(formatPath([]), `The project holds more than ${groupDigits(MAX_VALUES)} values (the limit)`);
      return list;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.add(formatPath(path), `${String(value)} is not allowed; every number must be finite`);
      continue;
    }
    if (typeof value === 'string') {
      if (value.length > MAX_STRING_CHARS) problems.add(formatPath(path), `A string is longer than the limit of ${groupDigits(MAX_STRING_CHARS)} characters`);
      continue;
    }
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value !== 'object') {
      problems.add(formatPath(path), `A ${typeof value} cannot be stored in a project`);
      continue;
    }
    if (path.length >= MAX_DEPTH) {
      const list = new ProblemList();
      const at = formatPath(path, DEPTH_PATH_SEGMENTS);
      list.add(at, `File is too deeply nested (limit ${MAX_DEPTH}) at ${at}`);
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
      problems.add(formatPath(path), 'Only plain objects can be stored in a project');
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) problems.add(formatPath(path), `Forbidden key '${key}' at ${formatPath(path)}`);
      // The scanner measures keys as it measures text values; a key it would refuse must not save.
      if (key.length > MAX_STRING_CHARS) problems.add(formatPath(path), `A key is longer than the limit of ${groupDigits(MAX_STRING_CHARS)} characters`);
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
