// `npm start` on a user's machine (scripts/start.mjs): its decisions as plain functions, with no
// network and no Electron binary. The output below is what Electron's download helper prints
// when the machine is offline (seen with Node 22.12 on a machine without internet).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atLeast, decide, downloadEnv, downloadFailedMessage, electronBinary, failureReason, oldNodeMessage } from '../../scripts/start.mjs';
import { privateDir } from './harness/host';

const OFFLINE_OUTPUT = `TypeError: fetch failed
    at node:internal/deps/undici/undici:13484:13
    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)
    at async FetchDownloader.download (file:///app/node_modules/@electron/get/dist/FetchDownloader.js:46:30)
    at async downloadArtifact (file:///app/node_modules/@electron/get/dist/index.js:154:12)
`;
const NOT_FOUND_OUTPUT = `HTTPError: Response code 404 (Not Found) for https://mirror.example.com/electron/v45.5.0/electron-v45.5.0-linux-x64.zip
    at FetchDownloader.download (file:///app/node_modules/@electron/get/dist/FetchDownloader.js:48:23)
`;
const STACK_TRACE = /\bat \S+ \(|\.(js|mjs|ts):\d+/;

/** A node_modules/electron folder as Electron's installer leaves it (or not). */
function electronPackage(opts: { pathTxt?: string; installed?: string; executable?: boolean }): string {
  const dir = privateDir('bpnn-electron-pkg-');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  if (opts.pathTxt) writeFileSync(path.join(dir, 'path.txt'), opts.pathTxt);
  mkdirSync(path.join(dir, 'dist'), { recursive: true });
  if (opts.installed) writeFileSync(path.join(dir, 'dist', 'version'), opts.installed);
  if (opts.executable) writeFileSync(path.join(dir, 'dist', opts.pathTxt ?? 'electron'), '');
  return dir;
}

describe('npm start (scripts/start.mjs)', () => {
  it('compares Node versions as Electron’s download helper needs them (22.12 or newer)', () => {
    expect(atLeast('v22.12.0')).toBe(true);
    expect(atLeast('v24.1.0')).toBe(true);
    expect(atLeast('v22.11.9')).toBe(false);
    expect(atLeast('v20.19.0')).toBe(false);
    expect(atLeast('v23.0.0')).toBe(true);
  });

  it('finds the Electron binary the way Electron’s launcher does: path.txt, the executable, the expected version', () => {
    expect(electronBinary(electronPackage({}), {})).toEqual({ file: null, present: false, override: false });
    const ready = electronPackage({ pathTxt: 'electron', installed: 'v45.5.0', executable: true });
    expect(electronBinary(ready, {})).toEqual({ file: path.join(ready, 'dist', 'electron'), present: true, override: false });
    // An older download (or a half-finished one) is not the binary this package runs.
    expect(electronBinary(electronPackage({ pathTxt: 'electron', installed: 'v44.0.0', executable: true }), {}).present).toBe(false);
    expect(electronBinary(electronPackage({ pathTxt: 'electron', installed: 'v45.5.0' }), {}).present).toBe(false);
    const elsewhere = privateDir('bpnn-electron-override-');
    writeFileSync(path.join(elsewhere, 'electron'), '');
    expect(electronBinary(electronPackage({}), { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toEqual({ file: path.join(elsewhere, 'electron'), present: true, override: true });
  });

  it('launches when the binary is there (on any Node), refuses to download on Node < 22.12, downloads otherwise', () => {
    const present = { file: '/x/electron', present: true, override: false };
    const missing = { file: null, present: false, override: false };
    expect(decide({ nodeVersion: 'v20.19.0', binary: present })).toBe('launch');
    expect(decide({ nodeVersion: 'v20.19.0', binary: missing })).toBe('old-node');
    expect(decide({ nodeVersion: 'v22.12.0', binary: missing })).toBe('download');
    expect(decide({ nodeVersion: 'v22.12.0', binary: { file: '/nowhere/electron', present: false, override: true } })).toBe('override-missing');
  });

  it('says in one line that the download needs Node 22.12 and that `npm run web` needs no download', () => {
    const message = oldNodeMessage('v20.19.0');
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('Node.js 22.12 or newer (this is 20.19.0)');
    expect(message).toContain('npm run web');
  });

  it('passes a proxy on to the download: npm’s own, and @electron/get’s switch to use it', () => {
    expect(downloadEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin' });
    expect(downloadEnv({ HTTPS_PROXY: 'http://p:8080' })).toEqual({ HTTPS_PROXY: 'http://p:8080', ELECTRON_GET_USE_PROXY: '1' });
    expect(downloadEnv({ npm_config_https_proxy: 'http://npm-proxy:3128' })).toMatchObject({ HTTPS_PROXY: 'http://npm-proxy:3128', ELECTRON_GET_USE_PROXY: '1' });
    // The user's own setting wins.
    expect(downloadEnv({ https_proxy: 'http://mine:1', npm_config_proxy: 'http://npm:2' })).toEqual({
      https_proxy: 'http://mine:1',
      npm_config_proxy: 'http://npm:2',
      ELECTRON_GET_USE_PROXY: '1',
    });
  });

  it('turns the download helper’s stack trace into what failed, how to set a proxy or mirror, and `npm run web`', () => {
    expect(failureReason(OFFLINE_OUTPUT)).toBe('no connection to the download server (fetch failed)');
    expect(failureReason(NOT_FOUND_OUTPUT)).toMatch(/^Response code 404 \(Not Found\) for https:\/\/mirror\.example\.com/);
    expect(failureReason('')).toBe('the download did not finish');

    const lines = downloadFailedMessage({ version: '45.5.0', output: OFFLINE_OUTPUT, env: {} });
    expect(lines[0]).toBe("BPNN Studio: could not download Electron 45.5.0, the desktop app's runtime: no connection to the download server (fetch failed).");
    const text = lines.join('\n');
    expect(text).toContain('HTTPS_PROXY=');
    expect(text).toContain('ELECTRON_MIRROR=');
    expect(text).toContain('`npm run web`');
    expect(text).not.toMatch(STACK_TRACE);
    expect(text).not.toContain('TypeError');

    const tried = downloadFailedMessage({ version: '45.5.0', output: NOT_FOUND_OUTPUT, env: { ELECTRON_MIRROR: 'https://mirror.example.com/electron/', HTTPS_PROXY: 'http://p:8080' } });
    expect(tried[1]).toBe('  The download used the mirror https://mirror.example.com/electron/ (ELECTRON_MIRROR) and the proxy http://p:8080: check them.');
    expect(tried.join('\n')).not.toMatch(STACK_TRACE);
  });
});
