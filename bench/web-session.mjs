// What both UI benchmarks (bench/longtasks.mjs, bench/longtasks-neurons.mjs) share: build the
// web app into its own folder, serve it, launch Debian's Chromium, and record every main-thread
// long task (PerformanceObserver 'longtask', > 50 ms) plus when the run's end showed on screen.
/* global window, document, performance, requestAnimationFrame, PerformanceObserver -- code passed to addInitScript and page.evaluate runs in the page */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/serve-static.mjs';

export const ROOT = resolve(import.meta.dirname, '..');

/** Builds into test-results/<outName>, serves it and opens a 1280×800 context; exits on a failed build. */
export async function openBenchSession(outName) {
  const out = join(ROOT, 'test-results', outName);
  const built = spawnSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const server = await serveStatic(out);
  // A plain launch gets a fresh temporary profile and allows tracing (for CPU time per task).
  const browser = await chromium.launch({
    executablePath: process.env.BPNN_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const w = window;
    w.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // When the run's end shows on screen: tasks after it are the final redraw, not training.
    const watch = () => {
      if (document.querySelector('[data-testid="run-status"]')?.textContent === 'done') w.__doneAt = performance.now();
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  return { server, browser, context };
}

/**
 * Main-thread tasks over 50 ms from a Chrome trace, with wall time (dur) and the CPU time the
 * thread actually ran (tdur). On a busy machine wall time includes waiting for a core;
 * CPU time is what the page's own work costs.
 */
export function longTasksFromTrace(buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents ?? [];
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return events
    .filter((e) => e.name === 'RunTask' && mainThreads.has(`${e.pid}:${e.tid}`) && e.dur > 50_000)
    .map((e) => ({ wallMs: e.dur / 1000, cpuMs: (e.tdur ?? e.dur) / 1000 }));
}

/**
 * Presses Train on an open page (Training tab showing) and measures the run: long tasks after
 * the first chart draw (the observer's), the same split at the run's end, and the trace's
 * tasks over 50 ms from click to end (a little wider than the observer's window: conservative).
 */
export async function trainAndMeasure(browser, page) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // The first chart draw: the first epochs have reached the loss chart.
  await page.waitForFunction(() => Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')) > 0);
  const t0 = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'done', undefined, { timeout: 300_000 });
  // Let the final redraw (predictions, boundary, comparison, table) land.
  await page.waitForTimeout(500);
  const traced = longTasksFromTrace(await browser.stopTracing());
  const tasks = await page.evaluate((from) => window.__longtasks.filter((t) => t.start >= from), t0);
  const doneAt = await page.evaluate(() => window.__doneAt ?? Infinity);
  const trainingOnly = tasks.filter((t) => t.start + t.duration < doneAt);
  const max = (xs) => xs.reduce((m, t) => Math.max(m, t.duration), 0);
  return {
    trainMs: Math.round(doneAt - t0),
    longTasks: tasks.length,
    maxMs: Math.round(max(tasks)),
    duringTrainingMaxMs: Math.round(max(trainingOnly)),
    durations: tasks.map((t) => Math.round(t.duration)),
    maxCpuMs: Math.round(traced.reduce((m, t) => Math.max(m, t.cpuMs), 0)),
    traced,
  };
}
