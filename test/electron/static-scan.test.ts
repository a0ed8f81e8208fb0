// A small static scan of the Electron sources for the anti-patterns Electronegativity looks for
// (S2 stand-in: the real tool is not installed here). Each rule names the file that breaks it.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ELECTRON_DIR = path.resolve(__dirname, '../../electron');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx|js|mjs|cjs)$/.test(p) ? [p] : [];
  });
}

const files = sources(ELECTRON_DIR).map((file) => ({ file: path.relative(ELECTRON_DIR, file), text: readFileSync(file, 'utf8') }));

const FORBIDDEN: [string, RegExp][] = [
  ['nodeIntegration turned on', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
  ['sandbox turned off', /sandbox\s*:\s*false/],
  ['context isolation turned off', /contextIsolation\s*:\s*false/],
  ['web security turned off', /webSecurity\s*:\s*false/],
  ['insecure content allowed', /allowRunningInsecureContent\s*:\s*true/],
  ['experimental features on', /experimentalFeatures\s*:\s*true/],
  ['Blink features enabled', /enableBlinkFeatures/],
  ['<webview> enabled', /webviewTag\s*:\s*true/],
  ['security warnings silenced', /ELECTRON_DISABLE_SECURITY_WARNINGS/],
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['child_process', /child_process/],
  ['remote module', /@electron\/remote|enableRemoteModule/],
  ['certificate errors ignored', /certificate-error|ignore-certificate-errors/],
  ['insecure http loaded', /loadURL\(\s*['"`]http:/],
  ['file:// loaded', /loadURL\(\s*['"`]file:|loadFile\(/],
  // B1: main never blocks its event loop on the disk (or on anything else).
  ['synchronous fs or child calls', /\b\w+Sync\s*\(/],
  ['Atomics.wait on the main side', /Atomics\.wait\s*\(/],
];

describe('static scan of electron/ (S2 stand-in)', () => {
  it('scans the main, preload and contract sources', () => {
    const names = files.map((f) => f.file);
    expect(names).toEqual(expect.arrayContaining(['main/app.ts', 'main/window.ts', 'preload/index.ts', 'ipc/contract.ts']));
  });

  for (const [what, pattern] of FORBIDDEN) {
    it(`has no ${what}`, () => {
      expect(files.filter((f) => pattern.test(f.text)).map((f) => f.file)).toEqual([]);
    });
  }

  it('opens external links only through the allowlist in window.ts', () => {
    const callers = files.filter((f) => /\.openExternal\(/.test(f.text)).map((f) => f.file);
    expect(callers).toEqual(['main/window.ts']);
  });

  it('registers IPC only through the guarded wrapper in ipc.ts', () => {
    const callers = files.filter((f) => /ipcMain\.(handle|on|once)\(/.test(f.text)).map((f) => f.file);
    expect(callers).toEqual(['main/ipc.ts']);
    expect(files.filter((f) => /ipcMain\.(on|once)\(/.test(f.text)).map((f) => f.file)).toEqual([]);
  });

  it('exposes to the page only from the preload, once', () => {
    const exposing = files.filter((f) => /exposeInMainWorld\(/.test(f.text));
    expect(exposing.map((f) => f.file)).toEqual(['preload/index.ts']);
    expect(exposing[0].text.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(exposing[0].text).not.toMatch(/ipcRenderer\.send\(|ipcRenderer\.sendSync\(/);
  });

  it('creates windows only with windowOptions()', () => {
    for (const f of files.filter((x) => /new BrowserWindow\(/.test(x.text))) {
      expect(f.text, f.file).toMatch(/new BrowserWindow\(windowOptions\(/);
    }
  });
});
