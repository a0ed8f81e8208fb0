// Which links the app may open outside itself: https only, to a short list of hosts,
// checked with a URL parser (a prefix test would let https://github.com.evil.example through).
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'github.com',
  'developer.mozilla.org',
  'pytorch.org',
  'docs.pytorch.org',
  'numpy.org',
]);

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && EXTERNAL_HOSTS.has(parsed.hostname);
}
