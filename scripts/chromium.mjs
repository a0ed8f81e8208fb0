// Where is a Chromium we may drive with playwright-core? (No downloaded browsers: Debian's.)
import { existsSync } from 'node:fs';

export function findChromium() {
  const candidates = [process.env.BPNN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}
