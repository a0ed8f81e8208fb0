#!/usr/bin/env node
// UI responsiveness during a sweep: the lab's five learning rates on XOR (5 runs × 5000 epochs
// on the worker pool), run from the Compare view, while a PerformanceObserver records every
// main-thread long task (> 50 ms) from the first progress to the sweep's end and its final
// redraw (curves, boundaries, table). Reports the figures; never fails on timing.
//   npm run bench:ui:sweep        (BENCH_RUNS, BENCH_TRACE=1 for what was inside each long task, BPNN_CHROMIUM)
/* global window, document, performance -- code passed to page.evaluate runs in the page */
import { closeBenchSession, machineLine, mainThreadTasks, openBenchSession, TRACE_CATEGORIES, TRACING, newBenchPage } from './web-session.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const { server, browser, context } = await openBenchSession('bench-web-sweep');
const results = [];
try {
  for (let round = 1; round <= RUNS; round++) {
    const page = await newBenchPage(context);
    await page.goto(server.url);
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('tablist', { name: 'Results views' }).getByRole('tab', { name: 'Compare' }).click();
    const compare = page.getByRole('region', { name: 'Compare' });
    // One seed per value, so the workload stays the five runs this benchmark has always timed.
    await compare.getByLabel('Seeds per value').fill('1');
    await compare.getByLabel('Seeds per value').press('Enter');
    if (TRACING) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await compare.getByRole('button', { name: 'Run sweep' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('[aria-label="Sweep runs"] [role=progressbar]')].some((b) => Number(b.getAttribute('aria-valuenow')) > 0));
    const t0 = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => document.querySelector('[data-testid="sweep-results"]')?.getAttribute('data-status') === 'finished', undefined, { timeout: 300_000 });
    const t1 = await page.evaluate(() => performance.now());
    await page.waitForTimeout(1000);
    const traced = TRACING ? mainThreadTasks(await browser.stopTracing()).long : [];
    const tasks = await page.evaluate((from) => window.__longtasks.filter((t) => t.start >= from).map((t) => Math.round(t.duration)), t0);
    const frameGap = await page.evaluate(([a, b]) => window.__frames.filter((t) => t >= a && t <= b).reduce((m, t, i, arr) => (i ? Math.max(m, t - arr[i - 1]) : m), 0), [t0, t1]);
    results.push({ round, sweepMs: Math.round(t1 - t0), tasks, frameGap: Math.round(frameGap), traced });
    await page.close();
  }
} finally {
  await closeBenchSession({ server, browser, context });
}
console.log(machineLine());
console.log('Long tasks on the main thread while the five-rate XOR sweep runs (from the first progress to 1 s after its end):');
for (const r of results) {
  console.log(`  run ${r.round}: ${r.sweepMs} ms of sweep, ${r.tasks.length} long task(s)${r.tasks.length ? ` [${r.tasks.join(', ')} ms]` : ''}; longest gap between frames during the sweep ${r.frameGap} ms`);
  for (const t of r.traced) console.log(`         traced: ${Math.round(t.wallMs)} ms wall / ${Math.round(t.cpuMs)} ms CPU (inside: ${t.inside.join(', ')})`);
}
console.log(`max long task: ${Math.max(0, ...results.flatMap((r) => r.tasks))} ms`);
