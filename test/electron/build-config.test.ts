// S8: the packaging configuration — targets, the .bpnn association with its icons, the Electron
// fuses — checked against electron-builder's own schema; and main never forks a Node child
// (with runAsNode off, child_process.fork would break).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildBundles, REAL_ENTRIES } from './helpers/bundle';
import config from '../../build/electron-builder.config';

const REPO = path.resolve(__dirname, '../..');
const CONFIG_PATH = path.join(REPO, 'build', 'electron-builder.config.ts');
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sourcesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('packaging (S8)', () => {
  it('S8: loads through electron-builder’s own config reader and passes its schema', async () => {
    const require = createRequire(import.meta.url);
    const { getConfig } = require('app-builder-lib/out/util/config/load') as {
      getConfig(request: unknown, configPath: string): Promise<{ result: unknown } | null>;
    };
    // Exactly how `electron-builder --config build/electron-builder.config.ts` reads it.
    const loaded = await getConfig({ packageKey: 'build', configFilename: 'electron-builder', projectDir: REPO, packageMetadata: null }, CONFIG_PATH);
    expect(loaded?.result).toEqual(config);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(c: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false))).rejects.toThrow(/notAnOption/);
  });

  it('S8: sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      // Pages come from app://bpnn, so file:// needs no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb, NSIS and dmg, with app id and product name', () => {
    expect(config.appId).toBe('org.bpnnstudio.app');
    expect(config.productName).toBe('BPNN Studio');
    expect(config.linux.target.sort()).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) expect(existsSync(path.join(REPO, icon)), icon).toBe(true);
  });

  it('associates .bpnn files with the app, with a document icon for every platform', () => {
    expect(config.fileAssociations).toHaveLength(1);
    const [assoc] = config.fileAssociations;
    expect(assoc.ext).toBe('bpnn');
    for (const ext of ['png', 'ico', 'icns']) {
      const icon = path.join(REPO, config.directories.buildResources, `${assoc.icon}.${ext}`);
      expect(existsSync(icon), icon).toBe(true);
    }
    const png = readFileSync(path.join(REPO, 'build', `${assoc.icon}.png`));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
  });

  it('ships the bundles, the web build and the examples; the worker outside the asar', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/web/**/*', '!node_modules/**/*']));
    expect(config.asarUnpack).toContain('dist/electron/training-worker.cjs');
    // The worker's second core: a worker thread, too, so it loads from outside the archive as well.
    expect(config.asarUnpack).toContain('dist/electron/dense-helper.cjs');
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'examples', to: 'examples' })]);
    expect(pkg.scripts['build:electron']).toContain('scripts/build-electron.mjs');
    // scripts/start.mjs builds both and runs `electron .` (test/desktop/start.test.ts).
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
    expect(pkg.scripts.dist).toContain('electron-builder --config build/electron-builder.config.ts');
  });

  it('S8: main never uses child_process (fork breaks with runAsNode off), in source or in the bundle', async () => {
    for (const file of sourcesUnder(path.join(REPO, 'electron'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/child_process/);
      expect(text, file).not.toMatch(/\bprocess\.fork\b/);
    }
    const bundles = await buildBundles(REAL_ENTRIES);
    for (const name of ['main', 'training-worker']) {
      expect(readFileSync(bundles[name], 'utf8'), name).not.toMatch(/require\("(node:)?child_process"\)/);
    }
    // The sandboxed preload may require nothing but electron.
    const preload = readFileSync(bundles.preload, 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });
});
