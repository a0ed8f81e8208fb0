#!/usr/bin/env node
// UI responsiveness while training (issue 4 quality bar): open the browser build in headless
// Chromium, train the XOR example to the end, and record every main-thread long task
// (PerformanceObserver 'longtask', i.e. > 50 ms) after the first chart draw. Reports the
// figure; never fails on timing (timing belongs in benchmarks, not tests).
//   npm run bench:ui            (BPNN_CHROMIUM=/path/to/chromium to use another browser)
//   npm run bench:ui -- --throttle 4   (Chrome CPU throttling, 4x: the slow device Lighthouse uses)
/* global localStorage -- code passed to page.evaluate runs in the page */
import { closeBenchSession, machineLine, openBenchSession, TRACING, trainAndMeasure, newBenchPage } from './web-session.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Epochs of the XOR run: the lab's 5000 by default; e.g. BENCH_EPOCHS=50000 for a long curve. */
const EPOCHS = process.env.BENCH_EPOCHS ?? '5000';

const { server, browser, context } = await openBenchSession('bench-web');

const results = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    const page = await newBenchPage(context);
    await page.goto(server.url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('tab', { name: 'Training' }).click();
    if (EPOCHS !== '5000') {
      const epochs = page.getByRole('region', { name: 'Training' }).getByLabel('Epochs', { exact: true });
      await epochs.fill(EPOCHS);
      await epochs.press('Enter');
    }
    results.push({ run, ...(await trainAndMeasure(browser, page)) });
    await page.close();
  }
} finally {
  await closeBenchSession({ server, browser, context });
}

console.log(machineLine());
console.log(`Long tasks on the main thread after the first chart draw, training the XOR example (${EPOCHS} epochs):`);
for (const r of results) {
  console.log(`  run ${r.run}: ${r.trainMs} ms of training, ${r.longTasks} long task(s); max ${r.maxMs} ms (while training ${r.duringTrainingMaxMs} ms, the rest at the final redraw)${r.durations.length ? `  [${r.durations.join(', ')}]` : ''}; longest gap between frames while training ${r.frameGapMs} ms`);
  if (TRACING) console.log(`         from the trace, tasks over 50 ms wall time (click to end): ${r.traced.map((t) => `${Math.round(t.wallMs)} ms wall / ${Math.round(t.cpuMs)} ms CPU${t.inside.length ? ` (inside, wall/CPU ms: ${t.inside.join(', ')})` : ''}`).join(', ') || 'none'}; longest task ${r.longestWallMs} ms wall, longest CPU ${r.longestCpuMs} ms (${r.longestInside.join(', ')})`);
}
if (TRACING) console.log(`max CPU time of a main-thread task over 50 ms wall: ${Math.max(...results.map((r) => r.maxCpuMs))} ms`);
console.log(`longest gap between frames while training: ${Math.max(...results.map((r) => r.frameGapMs))} ms`);
const worst = Math.max(...results.map((r) => r.maxMs));
console.log(`\nmax long task: ${worst} ms  (target: none over 50 ms — ${worst === 0 ? 'met: no long task at all' : 'see above'})`);
