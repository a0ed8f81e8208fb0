// The browser build's static server sends the cross-origin isolation headers on every file, so
// the training worker there gets SharedArrayBuffer and its second core (the app:// protocol's
// headers are pinned in test/electron/window-policy.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ISOLATION_HEADERS, serveStatic } from '../../scripts/serve-static.mjs';

const root = mkdtempSync(path.join(tmpdir(), 'bpnn-serve-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('scripts/serve-static.mjs', () => {
  it('makes the page and its workers cross-origin isolated', async () => {
    expect(ISOLATION_HEADERS).toEqual({ 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(root, 'worker.js'), '');
    const server = await serveStatic(root);
    try {
      for (const file of ['', 'worker.js']) {
        const r = await fetch(new URL(file, server.url));
        expect(r.status).toBe(200);
        expect(r.headers.get('cross-origin-opener-policy'), file).toBe('same-origin');
        expect(r.headers.get('cross-origin-embedder-policy'), file).toBe('require-corp');
      }
    } finally {
      await server.close();
    }
  });
});
