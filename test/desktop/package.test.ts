// The installer's layout, checked without Electron (docs/reliability.md S8). electron-builder
// packs the app with --dir (the `dir` target) from the real config against a stand-in Electron
// distribution: a folder with a placeholder executable. The one step that needs the real binary
// is skipped: flipping the fuses (@electron/fuses looks for the fuse wire inside the Electron
// executable, and a placeholder has none; build-config.test.ts checks the fuse settings). Then
// the result is read the way Electron reads it: app.asar holds main, the preload and the web build
// and nothing else; the worker sits in app.asar.unpacked, where main looks, and loads; every
// require in the bundles resolves; the .bpnn association and its MIME type reach the Linux
// desktop entry (computed by electron-builder's own helper, as its deb and AppImage targets do)
// and the Windows and macOS config; every icon is there at the sizes the platforms need. Last,
// the packaged app runs from that layout under the desktop test harness.
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { build as electronBuilder, Platform } from 'electron-builder';
import config from '../../build/electron-builder.config';
import type { TrainingEvent } from '../../electron/ipc/contract';
import { TrainingHost } from '../../electron/main/services/training-host';
import { buildElectron } from '../../scripts/build-electron.mjs';
import { buildWeb, ROOT, screenshot } from '../e2e/harness';
import { trainToEnd } from '../e2e/editor';
import { xorRequest } from '../electron/helpers/requests';
import { buildStandIn, Desktop, privateDir, SKIP_BROWSER } from './harness/host';
import { canvasShows, expectHonest } from './harness/app';

const require = createRequire(import.meta.url);
const ELECTRON_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; main: string };
/** Folders of the repository the package must not carry (linked into the staging folder as decoys). */
const NOT_SHIPPED = ['bench', 'bin', 'cli', 'core', 'docs', 'electron', 'node', 'renderer', 'scripts', 'test', 'node_modules'];
const BUNDLES = ['main.cjs', 'preload.cjs', 'training-worker.cjs', 'dense-helper.cjs'];

interface LinuxPackager {
  platformSpecificBuildOptions: Record<string, unknown>;
  fileAssociations: { ext: string | string[]; mimeType?: string; name?: string; role?: string; icon?: string }[];
  executableName: string;
}

interface Packed {
  /** The staging folder electron-builder packed. */
  project: string;
  appOutDir: string;
  resources: string;
  asar: string;
  desktopEntry: string;
  mimeXml: string;
  linuxIcons: { file: string; size: number }[];
  packager: LinuxPackager;
  fetched: string[];
}

/** What a placeholder Electron distribution holds: an executable that is not Electron, and its files. */
function fakeElectronDist(dir: string): string {
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "a placeholder for the Electron binary" >&2\nexit 1\n');
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'version'), ELECTRON_VERSION);
  writeFileSync(path.join(dir, 'LICENSE'), 'placeholder');
  writeFileSync(path.join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}

/**
 * A project folder as `npm run dist` sees it: package.json, build/, examples/, freshly built
 * dist/electron (minified, as `npm run dist` builds it) and dist/web; and the rest of the
 * repository linked in, so that a pattern in the config that let sources in would show.
 */
async function stage(dir: string): Promise<void> {
  copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  cpSync(path.join(ROOT, 'build'), path.join(dir, 'build'), { recursive: true });
  cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  for (const name of [...NOT_SHIPPED, 'README.md', 'tsconfig.json', 'vite.config.ts']) {
    if (existsSync(path.join(ROOT, name))) symlinkSync(path.join(ROOT, name), path.join(dir, name));
  }
  await buildElectron({ outdir: path.join(dir, 'dist', 'electron'), minify: true });
  buildWeb(path.join(dir, 'dist', 'web'));
}

async function pack(): Promise<Packed> {
  const project = privateDir('bpnn-package-project-');
  const output = privateDir('bpnn-package-out-');
  await stage(project);
  const electronDist = fakeElectronDist(privateDir('bpnn-fake-electron-'));
  // Everything electron-builder downloads goes through fetch (@electron/get and its toolsets):
  // note any attempt, so the test says so if --dir ever needs the network.
  const fetched: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    fetched.push(String(input instanceof Request ? input.url : input));
    return realFetch(input, init);
  }) as typeof fetch;
  let packager: LinuxPackager | null = null;
  let appOutDir = '';
  try {
    const { electronFuses: _needsTheRealBinary, ...rest } = config;
    await electronBuilder({
      projectDir: project,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: {
        ...rest,
        electronDist,
        electronVersion: ELECTRON_VERSION,
        directories: { ...rest.directories, output },
        afterPack: async (context) => {
          packager = context.packager as unknown as LinuxPackager;
          appOutDir = context.appOutDir;
        },
      },
    });
  } finally {
    globalThis.fetch = realFetch;
  }
  if (!packager) throw new Error('electron-builder did not pack');
  const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper') as {
    LinuxTargetHelper: new (p: LinuxPackager) => {
      computeDesktopEntry(options: Record<string, unknown>): Promise<string>;
      mimeTypeFiles: Promise<string | null>;
      icons: Promise<{ file: string; size: number }[]>;
    };
  };
  const helper = new LinuxTargetHelper(packager);
  const p = packager as LinuxPackager;
  const mimeFile = await helper.mimeTypeFiles;
  const resources = path.join(appOutDir, 'resources');
  return {
    project,
    appOutDir,
    resources,
    asar: path.join(resources, 'app.asar'),
    desktopEntry: await helper.computeDesktopEntry(p.platformSpecificBuildOptions),
    mimeXml: mimeFile ? readFileSync(mimeFile, 'utf8') : '',
    linuxIcons: await helper.icons,
    packager: p,
    fetched,
  };
}

/** Width of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): number {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return bytes.readUInt32BE(16);
}

/** The sizes an .ico file holds (0 in the directory means 256). */
function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(2)).toBe(1);
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => bytes[6 + i * 16] || 256);
}

/** The PNG sizes an .icns file holds, by chunk. */
function icnsSizes(bytes: Buffer): number[] {
  expect(bytes.subarray(0, 4).toString('ascii')).toBe('icns');
  const sizes: number[] = [];
  for (let at = 8; at + 8 <= bytes.length; at += bytes.readUInt32BE(at + 4)) {
    const body = bytes.subarray(at + 8, at + bytes.readUInt32BE(at + 4));
    if (body.subarray(1, 4).toString('ascii') === 'PNG') sizes.push(pngSize(body));
  }
  return sizes.sort((a, b) => a - b);
}

/** The specifier of every require() call in a bundle; a call with anything but a string literal fails. */
function requiresIn(name: string, code: string): string[] {
  const literal = [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
  expect(code.match(/\brequire\(/g)?.length ?? 0, `${name}: a require() whose module is computed at run time`).toBe(literal.length);
  return literal;
}

describe('the package (electron-builder --dir against a placeholder Electron)', () => {
  let packed: Packed;
  let entries: string[];
  const inAsar = (p: string) => entries.includes(`/${p}`);

  beforeAll(async () => {
    packed = await pack();
    entries = listPackage(packed.asar, { isPack: false });
  });

  it('packs offline: electron-builder fetched nothing, and only the fuses were left out', async () => {
    expect(packed.fetched).toEqual([]);
    expect(existsSync(path.join(packed.appOutDir, packed.packager.executableName))).toBe(true);
    // Why the fuses are skipped: the placeholder has no fuse wire to flip.
    await expect(getCurrentFuseWire(path.join(packed.appOutDir, packed.packager.executableName))).rejects.toThrow(/sentinel/);
  });

  it('S8: app.asar holds package.json, the bundles and the web build, and nothing from test/, bench/ or the sources', () => {
    const files = entries.filter((e) => !('files' in statFile(packed.asar, e.slice(1))));
    for (const f of files) expect(f === '/package.json' || f.startsWith('/dist/electron/') || f.startsWith('/dist/web/'), f).toBe(true);
    for (const f of files) expect(f, f).not.toMatch(/\.(ts|tsx|map)$/);
    for (const dir of NOT_SHIPPED) expect(entries.filter((e) => e.startsWith(`/${dir}/`) || e === `/${dir}`), dir).toEqual([]);
    const shipped = JSON.parse(extractFile(packed.asar, 'package.json').toString('utf8')) as { main: string };
    expect(shipped.main).toBe(PACKAGE.main);
    for (const bundle of BUNDLES) expect(inAsar(`dist/electron/${bundle}`), bundle).toBe(true);
  });

  it('S8: the web build is complete inside app.asar: index.html and everything it loads', () => {
    const html = extractFile(packed.asar, 'dist/web/index.html').toString('utf8');
    const referenced = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(0);
    for (const ref of referenced) expect(inAsar(`dist/web/${ref}`), ref).toBe(true);
    // …and every file the web build wrote (the scripts load more chunks than index.html names).
    const web = path.join(packed.project, 'dist', 'web');
    const built = readdirSync(web, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(web, f)).isFile());
    for (const f of built) expect(inAsar(`dist/web/${f.split(path.sep).join('/')}`), f).toBe(true);
  });

  it('S8: the training worker is outside the archive, where main looks for it, and trains from there', async () => {
    expect(statFile(packed.asar, 'dist/electron/training-worker.cjs')).toMatchObject({ unpacked: true });
    expect(statFile(packed.asar, 'dist/electron/dense-helper.cjs')).toMatchObject({ unpacked: true });
    // main: unpackedPath(<…>/app.asar/dist/electron/training-worker.cjs)
    const worker = path.join(packed.resources, 'app.asar.unpacked', 'dist', 'electron', 'training-worker.cjs');
    expect(statSync(worker).isFile()).toBe(true);
    const host = new TrainingHost({ workerPath: worker, poolSize: 1 });
    const events: TrainingEvent[] = [];
    host.onEvent((e) => events.push(e));
    try {
      expect(await host.start(xorRequest('packaged', 20))).toMatchObject({ ok: true });
      await expect.poll(() => events.find((e) => e.runId === 'packaged' && e.type === 'done'), { timeout: 300_000 }).toBeTruthy();
    } finally {
      await host.dispose();
    }
  });

  it('S8: every require() in the bundles is Node’s own, electron (main and preload only), or a file in the package', () => {
    for (const bundle of BUNDLES) {
      const file = `dist/electron/${bundle}`;
      const code = (statFile(packed.asar, file) as { unpacked?: boolean }).unpacked
        ? readFileSync(path.join(packed.resources, 'app.asar.unpacked', file), 'utf8')
        : extractFile(packed.asar, file).toString('utf8');
      for (const id of requiresIn(bundle, code)) {
        if (isBuiltin(id)) continue;
        if (id === 'electron' && bundle !== 'training-worker.cjs' && bundle !== 'dense-helper.cjs') continue;
        expect(id.startsWith('.') && inAsar(path.posix.join('dist/electron', id)), `${bundle} requires '${id}', which the package does not hold`).toBe(true);
      }
    }
  });

  it('ships every example main and the window may open, in resources/examples', () => {
    const examples = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.bpnn'));
    expect(examples).toContain('xor.bpnn');
    expect(readdirSync(path.join(packed.resources, 'examples')).sort()).toEqual(examples.sort());
  });

  it('the .bpnn association and its MIME type are in the Linux desktop entry and MIME file, and in the config for Windows and macOS', () => {
    const entry = Object.fromEntries(
      packed.desktopEntry
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(entry.Name).toBe('BPNN Studio');
    // Listed once: linux.mimeTypes and fileAssociations both add to it, so only the latter may name it.
    expect(entry.MimeType.split(';').filter(Boolean)).toEqual(['application/x-bpnn-project']);
    // The window's class matches the installed entry, so docks group the window under its icon.
    expect(entry.StartupWMClass).toBe('bpnn-studio');
    // The OS passes the double-clicked file on the command line (main reads .bpnn files from argv).
    expect(entry.Exec).toMatch(/ %[UF]$/);
    expect(entry.Categories).toBe('Education;');
    expect(packed.mimeXml).toContain('<mime-type type="application/x-bpnn-project">');
    expect(packed.mimeXml).toContain('<glob pattern="*.bpnn"/>');

    // Windows (NSIS) and macOS (CFBundleDocumentTypes) take the same association from the config.
    expect(packed.packager.fileAssociations).toEqual(config.fileAssociations);
    expect(config.win.target).toEqual(['nsis']);
    expect('fileAssociations' in config.win || 'fileAssociations' in config.mac).toBe(false);
    const [assoc] = config.fileAssociations;
    expect(assoc).toMatchObject({ ext: 'bpnn', mimeType: 'application/x-bpnn-project', role: 'Editor', icon: 'bpnn-file' });
  });

  it('every icon is there at the sizes electron-builder and the platforms need', () => {
    // Linux: the icon set electron-builder installs into the hicolor theme.
    expect(packed.linuxIcons.length).toBeGreaterThan(0);
    for (const icon of packed.linuxIcons) expect(pngSize(readFileSync(icon.file)), icon.file).toBe(icon.size);
    expect(Math.max(...packed.linuxIcons.map((i) => i.size))).toBeGreaterThanOrEqual(512);
    // The app icon and the document icon, for each platform.
    for (const name of ['icon', 'bpnn-file']) {
      const at = (ext: string) => readFileSync(path.join(ROOT, config.directories.buildResources, `${name}.${ext}`));
      expect(pngSize(at('png')), `${name}.png`).toBeGreaterThanOrEqual(512);
      // Windows: electron-builder requires a 256 × 256 entry; smaller sizes are scaled from it.
      expect(icoSizes(at('ico')), `${name}.ico`).toContain(256);
      // macOS: 512 and 256 (Retina and standard Finder sizes).
      expect(icnsSizes(at('icns')), `${name}.icns`).toEqual(expect.arrayContaining([256, 512]));
    }
    expect([config.linux.icon, config.win.icon, config.mac.icon]).toEqual(['build/icon.png', 'build/icon.ico', 'build/icon.icns']);
  });

  describe.skipIf(SKIP_BROWSER)('the packaged app', () => {
    let desktop: Desktop;
    let run = '';
    beforeAll(async () => {
      // Electron reads app.asar as a folder; here it is one: the archive extracted under the same
      // name, without the files it only marks as unpacked (those exist only in app.asar.unpacked).
      run = privateDir('bpnn-package-run-');
      const resources = path.join(run, 'resources');
      extractAll(packed.asar, path.join(resources, 'app.asar'));
      for (const e of entries) {
        const stat = statFile(packed.asar, e.slice(1)) as { unpacked?: boolean; files?: unknown };
        if (stat.unpacked && !stat.files) rmSync(path.join(resources, 'app.asar', e.slice(1)));
      }
      cpSync(path.join(packed.resources, 'app.asar.unpacked'), path.join(resources, 'app.asar.unpacked'), { recursive: true });
      cpSync(path.join(packed.resources, 'examples'), path.join(resources, 'examples'), { recursive: true });
      const preload = readFileSync(path.join(resources, 'app.asar', 'dist', 'electron', 'preload.cjs'), 'utf8');
      const standIn = await buildStandIn(path.join(run, 'stand-in'), preload);
      desktop = await Desktop.launch({ electronDir: path.join(resources, 'app.asar', 'dist', 'electron'), ...standIn });
    });
    afterAll(async () => {
      await desktop?.close();
    });

    it('starts from the package layout: the packaged main serves the window from the archive, opens XOR from resources/examples and trains it in the unpacked worker', async () => {
      const resources = path.join(run, 'resources');
      const appPath = path.join(resources, 'app.asar');
      const main = desktop.start({
        packaged: { resourcesPath: resources, appPath, mainScript: path.join(appPath, PACKAGE.main), argv0: path.join(packed.appOutDir, packed.packager.executableName) },
      });
      try {
        const win = await main.window();
        await canvasShows(win.page, ['input', 'fc1', 'sig1', 'fc2', 'sig2', 'fc3', 'sig3']);
        await win.waitForTitle((t) => t === 'xor.bpnn • BPNN Studio');
        // Packaged: no developer tools in the View menu.
        const view = main.menu?.find((m) => m.label === 'View');
        expect(view?.submenu?.map((i) => i.role).filter(Boolean)).not.toContain('toggleDevTools');
        expect(await trainToEnd(win.page)).toBe('done');
        await expect.poll(() => win.page.getByTestId('run-accuracy').textContent()).toBe('100.0%');
        await screenshot(win.page, 'desktop-12-packaged-app');
        expectHonest(main);
      } finally {
        await main.dispose();
      }
    });
  });
});
