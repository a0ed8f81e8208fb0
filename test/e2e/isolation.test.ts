// The browser build is cross-origin isolated (scripts/serve-static.mjs's headers), so its
// training worker can start its second core: a nested worker on a shared WebAssembly memory.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SKIP_BROWSER, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  if (!SKIP_BROWSER) app = await startApp('isolation');
});
afterAll(async () => {
  await app?.close();
});

describe.skipIf(SKIP_BROWSER)('the browser build', () => {
  it('is cross-origin isolated, and a training worker named for it starts its helper worker', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const assets = readdirSync(join(ROOT, 'test-results/e2e-web-isolation/assets'));
    const worker = assets.find((f) => /^worker-.*\.js$/.test(f));
    expect(worker).toBeDefined();
    await page.evaluate((src) => {
      (window as unknown as { __w: Worker }).__w = new Worker(src, { type: 'module', name: 'bpnn-training+helper' });
    }, `assets/${worker}`);
    await expect.poll(() => page.workers().map((w) => w.url()).some((u) => u.includes('dense-helper')), { timeout: 120_000 }).toBe(true);
    const csp = await page.evaluate(() => (window as unknown as { __csp: unknown[] }).__csp);
    expect(csp).toEqual([]);
  });
});
