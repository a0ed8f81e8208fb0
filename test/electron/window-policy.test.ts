// The window security policy as plain functions (S1, S4–S7), plus the app:// file server.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  APP_ENTRY,
  isAllowedExternalUrl,
  isTrustedSender,
  makeWindowOpenHandler,
  onWillNavigate,
  openExternalSafely,
  permissionCheckHandler,
  permissionRequestHandler,
  windowOptions,
  windowTitle,
} from '../../electron/main/window';
import { expectHardened } from './helpers/hardened';
import { CONTENT_SECURITY_POLICY, makeAppProtocolHandler, resolveAppRequest } from '../../electron/main/protocol';

const PRELOAD = path.resolve('dist/electron/preload.cjs');

/** The URLs S5 drives through every navigation path. */
const HOSTILE_URLS = [
  'https://evil.example/',
  'http://example.com/',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'smb://host/share',
  'data:text/html,<script>alert(1)</script>',
  'app://bpnn.attacker/index.html',
  'app://bpnn:8080/index.html',
  'app://user@bpnn/index.html',
  'https://bpnn.app.attacker.com/',
];

describe('window policy', () => {
  it('S1: windowOptions gives hardened webPreferences with an absolute preload', () => {
    const o = windowOptions(PRELOAD);
    expectHardened(o.webPreferences as Record<string, unknown>);
    expect(o.webPreferences?.preload).toBe(PRELOAD);
  });

  it('S1: options passed by a caller cannot turn any protection off', () => {
    const o = windowOptions(PRELOAD, {
      width: 640,
      webPreferences: { sandbox: false, contextIsolation: false, nodeIntegration: true, webSecurity: false, webviewTag: true, enableBlinkFeatures: 'X' },
    });
    expect(o.width).toBe(640);
    expectHardened(o.webPreferences as Record<string, unknown>);
  });

  it('S1: refuses a relative preload path', () => {
    expect(() => windowOptions('preload.cjs')).toThrow(/absolute/);
  });

  it('S4: trusts only frames showing app://bpnn, never look-alikes or a destroyed frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY })).toBe(true);
    expect(isTrustedSender({ url: 'app://bpnn/' })).toBe(true);
    for (const url of HOSTILE_URLS) expect(isTrustedSender({ url }), url).toBe(false);
    expect(isTrustedSender({ url: 'not a url' })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('S5: will-navigate is prevented for everything except the app’s own pages', () => {
    const allowed = { preventDefault: vi.fn() };
    onWillNavigate(allowed, APP_ENTRY);
    expect(allowed.preventDefault).not.toHaveBeenCalled();
    for (const url of HOSTILE_URLS) {
      const e = { preventDefault: vi.fn() };
      onWillNavigate(e, url);
      expect(e.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('S5: window.open is always denied; only allowlisted https links reach the browser', () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    const handler = makeWindowOpenHandler(shell);
    for (const url of [...HOSTILE_URLS, APP_ENTRY, 'https://github.com/bpnn-studio']) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls).toEqual([['https://github.com/bpnn-studio']]);
  });

  it('S5: openExternal only for https on an allowlisted host, parsed with URL', () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    expect(openExternalSafely('https://github.com/x', shell)).toBe(true);
    for (const url of [
      ...HOSTILE_URLS,
      'http://github.com/',
      'https://github.com.attacker.com/',
      'https://github.com:444/',
      'https://user:pw@github.com/',
      'https://notgithub.com/',
      42,
      null,
    ]) {
      expect(openExternalSafely(url, shell), String(url)).toBe(false);
      expect(isAllowedExternalUrl(url)).toBe(false);
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('S6: every permission request and check is denied', () => {
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'something-new']) {
      const cb = vi.fn();
      permissionRequestHandler(null, perm, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(permissionCheckHandler()).toBe(false);
  });

  it('shows the file name and an unsaved marker in the title', () => {
    expect(windowTitle('xor.bpnn', false)).toBe('xor.bpnn • BPNN Studio');
    expect(windowTitle('xor.bpnn', true)).toBe('● xor.bpnn • BPNN Studio');
  });
});

describe('app:// protocol (S7)', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'bpnn-web-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('maps app://bpnn/ URLs into the web root and nothing outside it', () => {
    expect(resolveAppRequest('app://bpnn/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://bpnn/assets/app.js?v=1', root)).toBe(path.join(root, 'assets', 'app.js'));
    for (const url of [
      'app://bpnn/../../etc/passwd',
      'app://bpnn/%2e%2e/%2e%2e/etc/passwd',
      'app://bpnn/assets/%2e%2e%2f%2e%2e%2fsecret',
      'app://bpnn/a%00b',
      'app://evil/index.html',
      'file:///etc/passwd',
    ]) {
      const file = resolveAppRequest(url, root);
      expect(file === null || file.startsWith(root + path.sep), url).toBe(true);
    }
    expect(resolveAppRequest('app://evil/index.html', root)).toBeNull();
  });

  it('serves files with their type and the CSP header, and 404s the rest', async () => {
    const handler = makeAppProtocolHandler(root);
    const ok = await handler({ url: 'app://bpnn/index.html' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    // Cross-origin isolated, so the training worker may share memory with its second core.
    expect(ok.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(ok.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect((await handler({ url: 'app://bpnn/missing.js' })).status).toBe(404);
    expect((await handler({ url: 'app://elsewhere/index.html' })).status).toBe(404);
  });

  const directives = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );

  function expectStrictPolicy(policy: string) {
    const d = directives(policy);
    expect(['none', 'self'].map((v) => `'${v}'`)).toContain(d.get('default-src')?.[0]);
    // 'wasm-unsafe-eval' lets the engine compile its WebAssembly kernels; it allows no eval of script.
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    for (const values of d.values()) {
      expect(values).not.toContain("'unsafe-inline'");
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain('*');
    }
  }

  function metaPolicy(html: string): string {
    const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(m, 'a CSP meta tag').not.toBeNull();
    return (m as RegExpExecArray)[1];
  }

  it('S7: the header policy is strict and matches the renderer’s meta policy', () => {
    expectStrictPolicy(CONTENT_SECURITY_POLICY);
    const meta = metaPolicy(readFileSync('renderer/index.html', 'utf8'));
    expectStrictPolicy(meta);
    // Same directives (the header may add frame-ancestors, which a meta tag cannot carry).
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(header).toEqual(directives(meta));
  });

  it('S7: the built renderer (dist/web/index.html, when built) ships the strict CSP meta tag', () => {
    const built = 'dist/web/index.html';
    const html = existsSync(built) ? readFileSync(built, 'utf8') : readFileSync('renderer/index.html', 'utf8');
    expectStrictPolicy(metaPolicy(html));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
  });
});
