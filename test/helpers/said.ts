// Comparing problems by their English: core's problems carry a catalog Text beside the message,
// and tests written against the message compare everything else exactly as before.
/**
 * `v` with the catalog Texts taken out of its problems, so a test can compare the English
 * sentences (and paths) exactly as before; the Texts have their own tests (messages-file.test.ts).
 */
export function english<T>(v: T): T {
  const isText = (x: unknown): boolean => typeof x === 'object' && x !== null && typeof (x as { key?: unknown }).key === 'string';
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x === null || typeof x !== 'object') return x;
    return Object.fromEntries(Object.entries(x).filter(([k, val]) => !(k === 'text' && isText(val))).map(([k, val]) => [k, strip(val)]));
  };
  return strip(v) as T;
}
