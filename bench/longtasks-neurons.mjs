#!/usr/bin/env node
// UI responsiveness while the neuron views update during training (issue 6): the sibling of
// bench/longtasks.mjs with "Show neuron views" and "Show weight heat maps" switched on. Trains
// the XOR example (2-32-32-1: 130 unit thumbnails, the lab's worst case) and, with
// BENCH_PROJECT=circle, the 2-16-1 tanh network on the circle data; records every main-thread
// long task (PerformanceObserver 'longtask', > 50 ms) after the first chart draw and the number
// of live view updates and what each thumbnail repaint cost. Every round is repeated with the
// views off (BENCH_COMPARE=0 skips that), so a busy machine's waiting shows up in both. Also
// reports the longest gap between frames while training (an upper bound on the longest task,
// so the margin under 50 ms shows even when there is no long task). The default 30 000 epochs
// give about 2 s of training and a dozen view updates; BENCH_EPOCHS=100000 is the stress case
// (100 000-point curves). BENCH_TRACE=1 records a Chrome trace and prints what was inside each
// task over 50 ms (tracing slows the page, so it is off for the figures).
// Reports the figures; never fails on timing.
//   npm run bench:ui:neurons      (BENCH_RUNS, BENCH_EPOCHS, BENCH_PROJECT=circle, BENCH_TRACE, BPNN_CHROMIUM)
/* global window, document, performance, localStorage, MutationObserver -- code passed to page.evaluate runs in the page */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeBenchSession, machineLine, openBenchSession, ROOT, TRACING, trainAndMeasure, newBenchPage } from './web-session.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EPOCHS = process.env.BENCH_EPOCHS ?? '30000';
const PROJECT = process.env.BENCH_PROJECT ?? 'xor';
/** Also run each round with the views off, for a baseline taken under the same load. */
const COMPARE = process.env.BENCH_COMPARE !== '0';

/** The 2-16-1 tanh network on the circle data (the file the e2e test opens), with BENCH_EPOCHS epochs. */
function circleProjectFile() {
  const project = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/circle-tanh.bpnn'), 'utf8'));
  project.training.epochs = Number(EPOCHS);
  const file = join(mkdtempSync(join(tmpdir(), 'bpnn-bench-')), 'circle-tanh.bpnn');
  writeFileSync(file, JSON.stringify(project));
  return file;
}

const { server, browser, context } = await openBenchSession('bench-web-neurons');

const results = [];
try {
  for (let round = 1; round <= RUNS * (COMPARE ? 2 : 1); round++) {
    const run = COMPARE ? Math.ceil(round / 2) : round;
    const views = !COMPARE || round % 2 === 1;
    const page = await newBenchPage(context);
    await page.goto(server.url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    if (PROJECT === 'circle') {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await (await chooser).setFiles(circleProjectFile());
      await page.locator('.react-flow__node[data-id="tanh1"]').waitFor();
    }
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector.getByRole('tab', { name: 'Backprop' }).click();
    if (views) {
      await inspector.getByRole('checkbox', { name: /Show neuron views/ }).check();
      await inspector.getByRole('checkbox', { name: /Show weight heat maps/ }).check();
      await page.locator('canvas.bp-thumbs-canvas').first().waitFor();
    }
    // Count live view updates: each snapshot rewrites the views' caption.
    await page.evaluate(() => {
      const w = window;
      w.__snapshots = 0;
      const caption = document.querySelector('.bp-views-source');
      if (caption) new MutationObserver(() => w.__snapshots++).observe(caption, { childList: true, characterData: true, subtree: true });
    });
    await inspector.getByRole('tab', { name: 'Training' }).click();
    if (PROJECT === 'xor' && EPOCHS !== '5000') {
      const epochs = page.getByRole('region', { name: 'Training' }).getByLabel('Epochs', { exact: true });
      await epochs.fill(EPOCHS);
      await epochs.press('Enter');
    }
    const measured = await trainAndMeasure(browser, page);
    const paints = await page.evaluate(() => performance.getEntriesByName('bp-neuron-paint').map((e) => e.duration));
    const snapshots = await page.evaluate(() => window.__snapshots ?? 0);
    results.push({ run, views, snapshots, ...measured, paints });
    await page.close();
  }
} finally {
  await closeBenchSession({ server, browser, context });
}

console.log(machineLine());
console.log(`Long tasks on the main thread after the first chart draw, neuron views and weight heat maps on, ${PROJECT === 'circle' ? 'circle 2-16-1 tanh' : 'XOR 2-32-32-1'} (${EPOCHS} epochs):`);
const pct = (xs, q) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] : 0);
for (const r of results) {
  console.log(`  run ${r.run}, views ${r.views ? 'ON ' : 'off'}: ${r.trainMs} ms of training, ${r.snapshots ?? 0} live view updates, ${r.longTasks} long task(s); max ${r.maxMs} ms (while training ${r.duringTrainingMaxMs} ms)${r.durations.length ? `  [${r.durations.join(', ')}]` : ''}; longest gap between frames while training ${r.frameGapMs} ms`);
  if (TRACING) console.log(`         from the trace, tasks over 50 ms wall time: ${r.traced.map((t) => `${Math.round(t.wallMs)} ms wall / ${Math.round(t.cpuMs)} ms CPU${t.inside.length ? ` (inside, wall/CPU ms: ${t.inside.join(', ')})` : ''}`).join(', ') || 'none'}; longest task ${r.longestWallMs} ms wall, longest CPU ${r.longestCpuMs} ms (${r.longestInside.join(', ')})`);
  if (r.views) console.log(`         ${r.paints.length} thumbnail repaints: median ${pct(r.paints, 0.5).toFixed(2)} ms, 95th percentile ${pct(r.paints, 0.95).toFixed(2)} ms, longest ${pct(r.paints, 1).toFixed(1)} ms`);
}
for (const views of COMPARE ? [true, false] : [true]) {
  const rs = results.filter((r) => r.views === views);
  console.log(`views ${views ? 'ON ' : 'off'}: max long task ${Math.max(...rs.map((r) => r.maxMs))} ms, longest gap between frames while training ${Math.max(...rs.map((r) => r.frameGapMs))} ms${TRACING ? `, max CPU time of a task over 50 ms wall ${Math.max(...rs.map((r) => r.maxCpuMs))} ms` : ''}`);
}
const allPaints = results.flatMap((r) => r.paints);
console.log(`thumbnail repaint (one node): median ${pct(allPaints, 0.5).toFixed(2)} ms, 95th percentile ${pct(allPaints, 0.95).toFixed(2)} ms`);
const on = results.filter((r) => r.views);
const worst = Math.max(...on.map((r) => r.maxMs));
console.log(`\nwith the views on, max long task: ${worst} ms  (target: none over 50 ms — ${worst === 0 ? 'met: no long task at all' : 'see above; compare with the views-off rounds taken under the same load'})`);
