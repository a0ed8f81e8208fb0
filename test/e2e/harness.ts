// Shared set-up of the end-to-end suite: build the browser version once per file into its own
// folder, serve it on 127.0.0.1 (random port), and drive Debian's Chromium with playwright-core.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic } from '../../scripts/serve-static.mjs';

export const SKIP_BROWSER = process.env.BPNN_SKIP_BROWSER === '1';
export const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface App {
  url: string;
  context: BrowserContext;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the web version into `outDir` (relative to the repo, or absolute). Throws with Vite's output on failure. */
export function buildWeb(outDir: string): string {
  const abs = resolve(ROOT, outDir);
  const r = spawnSync('npx', ['vite', 'build', '--outDir', abs, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  return abs;
}

/** `locale` sets the browser's language (navigator.languages), as a user's system would. */
export async function startApp(name: string, options: { locale?: string } = {}): Promise<App> {
  const dir = buildWeb(`test-results/e2e-web-${name}`);
  const server = (await serveStatic(dir)) as { url: string; close(): Promise<void> };
  const profile = mkdtempSync(join(tmpdir(), 'bpnn-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.BPNN_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    locale: options.locale,
  });
  // Record CSP violations from the first script on (init scripts are not subject to the CSP).
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: { directive: string; blocked: string }[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI });
    });
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url: server.url,
    context,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Opens the app and waits for the first project (the XOR example) to be on the canvas.
 * Unless `keepBackup`, a crash backup left by an earlier test is forgotten first, so no
 * "Restore unsaved work?" question gets in the way.
 */
export async function openApp(app: App, viewport?: { width: number; height: number }, keepBackup = false): Promise<Page> {
  // An earlier test's page still open would keep writing its crash backup into the shared
  // storage after this one cleared it (and the new page would ask to restore it).
  if (!keepBackup) for (const p of app.context.pages()) await p.close();
  const page = await app.newPage(viewport);
  await page.goto(app.url);
  if (!keepBackup) {
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
  }
  await page.locator('#network-canvas .react-flow__node').first().waitFor();
  return page;
}

/** Screenshot of the charts strip scrolled to one chart (the strip scrolls under the canvas). */
export async function chartScreenshot(page: Page, chartName: string, name: string): Promise<void> {
  await page.getByRole('img', { name: chartName }).scrollIntoViewIfNeeded();
  await screenshot(page, name);
}

export async function cspViolations(page: Page): Promise<{ directive: string; blocked: string }[]> {
  return page.evaluate(() => (window as unknown as { __csp: { directive: string; blocked: string }[] }).__csp);
}
