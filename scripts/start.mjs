#!/usr/bin/env node
// `npm start`: builds the app and opens the desktop window. On the first start the Electron
// binary (about 100 MB) is downloaded; that needs Node.js 22.12+ (Electron's download helper)
// and a way out to the internet. When either is missing this says what failed and what to do,
// in a few plain lines: never a stack trace. `npm run web` needs no download at all.
// The decisions are plain functions, tested in test/desktop/start.test.ts without a network.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron's download helper (@electron/get 5) is an ES module required from CommonJS: Node 22.12+. */
export const DOWNLOAD_NEEDS_NODE = '22.12';

/** True when `version` (e.g. process.versions.node) is at least `minimum`. */
export function atLeast(version, minimum = DOWNLOAD_NEEDS_NODE) {
  const a = version.replace(/^v/, '').split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
  }
  return true;
}

/**
 * Where Electron's own launcher (node_modules/electron/index.js) finds the binary, and whether
 * it is there: the executable named by path.txt under dist/ (or under ELECTRON_OVERRIDE_DIST_PATH),
 * of the version the package expects.
 */
export function electronBinary(electronDir, env = process.env, fs = { existsSync, readFileSync }) {
  const read = (file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  };
  const relative = read(path.join(electronDir, 'path.txt'));
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const file = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return { file, present: fs.existsSync(file), override: true };
  }
  if (!relative) return { file: null, present: false, override: false };
  const file = path.join(electronDir, 'dist', relative);
  const wanted = JSON.parse(read(path.join(electronDir, 'package.json')) ?? '{}').version;
  const installed = (read(path.join(electronDir, 'dist', 'version')) ?? '').trim().replace(/^v/, '');
  return { file, present: fs.existsSync(file) && installed === wanted, override: false };
}

/**
 * What `npm start` does next: 'launch' (the binary is there; any Node that runs Vite will do),
 * 'override-missing' (ELECTRON_OVERRIDE_DIST_PATH names no Electron: never download over it),
 * 'old-node' (a download is needed and this Node cannot run the helper), or 'download'.
 */
export function decide({ nodeVersion, binary }) {
  if (binary.present) return 'launch';
  if (binary.override) return 'override-missing';
  if (!atLeast(nodeVersion)) return 'old-node';
  return 'download';
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * The download's environment: a proxy set for npm (npm config proxy / https-proxy) is passed on
 * as HTTPS_PROXY, and with any proxy set @electron/get is told to use it (it ignores proxies
 * unless ELECTRON_GET_USE_PROXY is set).
 */
export function downloadEnv(env = process.env) {
  const out = { ...env };
  const npmProxy = env.npm_config_https_proxy || env.npm_config_proxy;
  if (npmProxy && !PROXY_VARS.some((v) => env[v])) out.HTTPS_PROXY = npmProxy;
  if (PROXY_VARS.some((v) => out[v]) && !out.ELECTRON_GET_USE_PROXY) out.ELECTRON_GET_USE_PROXY = '1';
  return out;
}

/** The reason in the download helper's output: its error's own line, without the stack under it. */
export function failureReason(output) {
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /^[A-Za-z]*Error: /.test(l));
  if (!line) return 'the download did not finish';
  const reason = line.replace(/^[A-Za-z]*Error: /, '');
  // Node's fetch says only "fetch failed" when no connection could be made at all.
  return reason === 'fetch failed' ? 'no connection to the download server (fetch failed)' : reason;
}

export function oldNodeMessage(nodeVersion) {
  return `BPNN Studio: the desktop app's first start downloads Electron, and Electron's download helper needs Node.js ${DOWNLOAD_NEEDS_NODE} or newer (this is ${nodeVersion.replace(/^v/, '')}); update Node.js, or run \`npm run web\` for the same app in your browser.`;
}

export function overrideMissingMessage(file) {
  return `BPNN Studio: ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron at ${file}. Point it at a folder holding the Electron executable, or unset it to download Electron.`;
}

/** The lines shown when the download failed: what failed, how to get past it, and the way without it. */
export function downloadFailedMessage({ version, output, env = process.env }) {
  const mirror = env.ELECTRON_MIRROR;
  const proxy = PROXY_VARS.map((v) => env[v]).find(Boolean) || env.npm_config_https_proxy || env.npm_config_proxy;
  const lines = [`BPNN Studio: could not download Electron ${version}, the desktop app's runtime: ${failureReason(output)}.`];
  if (mirror || proxy) {
    const used = [mirror ? `the mirror ${mirror} (ELECTRON_MIRROR)` : '', proxy ? `the proxy ${proxy}` : ''].filter(Boolean);
    lines.push(`  The download used ${used.join(' and ')}: check ${used.length > 1 ? 'them' : 'it'}.`);
  }
  lines.push(
    '  Behind a proxy? Name it and start again:  HTTPS_PROXY=http://proxy.example.com:8080 npm start',
    '  Or use a mirror of the Electron downloads:  ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start',
    '  Without any download, `npm run web` runs the same app in your browser.',
  );
  return lines;
}

function npm(args) {
  // Run through the npm that runs this script when there is one (works the same on Windows).
  const viaNpm = process.env.npm_execpath;
  const r = viaNpm
    ? spawnSync(process.execPath, [viaNpm, ...args], { stdio: 'inherit', cwd: root })
    : spawnSync('npm', args, { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });
  return r.status ?? 1;
}

function main() {
  const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const version = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  const nodeVersion = `v${process.versions.node}`;
  let binary = electronBinary(electronDir);
  const next = decide({ nodeVersion, binary });
  if (next === 'old-node') {
    console.error(oldNodeMessage(nodeVersion));
    process.exit(1);
  }
  if (next === 'override-missing') {
    console.error(overrideMissingMessage(binary.file));
    process.exit(1);
  }
  if (next === 'download') {
    console.log(`Downloading Electron ${version} (about 100 MB, only on the first start)…`);
    const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { env: downloadEnv(), encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
    binary = electronBinary(electronDir);
    if (r.status !== 0 || !binary.present) {
      for (const line of downloadFailedMessage({ version, output: `${r.stderr ?? ''}\n${r.error?.message ?? ''}` })) console.error(line);
      process.exit(1);
    }
  }
  if (npm(['run', 'build:web']) !== 0 || npm(['run', 'build:electron']) !== 0) process.exit(1);
  // Electron's own launcher: passes the window's exit code and Ctrl+C through.
  const child = spawn(process.execPath, [path.join(electronDir, 'cli.js'), '.', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  child.on('close', (code) => process.exit(code ?? 1));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
