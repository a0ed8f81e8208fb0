#!/usr/bin/env node
// UI responsiveness while the neuron views update during training (issue 6): the sibling of
// bench/longtasks.mjs with "Show neuron views" and "Show weight heat maps" switched on. Trains
// the XOR example (2-32-32-1: 130 unit thumbnails, the lab's worst case) and, with
// BENCH_PROJECT=circle, the 2-16-1 tanh network on the circle data; records every main-thread
// long task (PerformanceObserver 'longtask', > 50 ms) after the first chart draw and the number
// of thumbnail redraws. Reports the figure; never fails on timing.
//   npm run bench:ui:neurons      (BENCH_RUNS, BENCH_EPOCHS, BPNN_CHROMIUM as in bench:ui)
/* global window, document, performance, localStorage, requestAnimationFrame, PerformanceObserver, MutationObserver -- code passed to page.evaluate runs in the page */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/serve-static.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-results/bench-web-neurons');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EPOCHS = process.env.BENCH_EPOCHS ?? '5000';
const PROJECT = process.env.BENCH_PROJECT ?? 'xor';

function circleProjectFile() {
  const node = (id, type, x, params = {}) => ({ id, type, params, position: { x, y: 80 } });
  const nodes = [node('input', 'Input', 0), node('fc1', 'Linear', 220, { outFeatures: 16 }), node('tanh1', 'Tanh', 440), node('fc2', 'Linear', 660, { outFeatures: 1 }), node('out', 'Sigmoid', 880)];
  const edges = nodes.slice(1).map((n, i) => ({ id: `${nodes[i].id}-${n.id}`, source: nodes[i].id, target: n.id }));
  const project = {
    format: 'bpnn-project',
    version: 1,
    name: 'circle 2-16-1 tanh',
    description: '',
    graph: { nodes, edges },
    dataset: { kind: 'generator', generator: 'circle', params: { n: 200 }, seed: 3 },
    training: { loss: 'bce', optimizer: { type: 'Adam', lr: 0.02, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, schedule: { type: 'constant' }, epochs: Number(EPOCHS), batchSize: 0, testSplit: 0, seed: 2, init: 'xavier', clipNorm: null, shuffle: true },
    weights: null,
    runs: [],
  };
  const file = join(mkdtempSync(join(tmpdir(), 'bpnn-bench-')), 'circle-tanh.bpnn');
  writeFileSync(file, JSON.stringify(project));
  return file;
}

const built = spawnSync('npx', ['vite', 'build', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = await serveStatic(OUT);
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
  const watch = () => {
    if (document.querySelector('[data-testid="run-status"]')?.textContent === 'done') w.__doneAt = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
});

const results = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    const page = await context.newPage();
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
    await inspector.getByRole('checkbox', { name: /Show neuron views/ }).check();
    await inspector.getByRole('checkbox', { name: /Show weight heat maps/ }).check();
    await page.locator('canvas.bp-thumbs-canvas').first().waitFor();
    // Count thumbnail redraws: each live snapshot repaints every node's canvas.
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
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForFunction(() => Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')) > 0);
    const t0 = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'done', undefined, { timeout: 300_000 });
    await page.waitForTimeout(500);
    const tasks = await page.evaluate((from) => window.__longtasks.filter((t) => t.start >= from), t0);
    const doneAt = await page.evaluate(() => window.__doneAt ?? Infinity);
    const snapshots = await page.evaluate(() => window.__snapshots);
    const trainingOnly = tasks.filter((t) => t.start + t.duration < doneAt);
    const max = (xs) => xs.reduce((m, t) => Math.max(m, t.duration), 0);
    results.push({ run, trainMs: Math.round(doneAt - t0), snapshots, longTasks: tasks.length, maxMs: Math.round(max(tasks)), duringTrainingMaxMs: Math.round(max(trainingOnly)), durations: tasks.map((t) => Math.round(t.duration)) });
    await page.close();
  }
} finally {
  await context.close();
  await browser.close();
  await server.close();
}

console.log(`\nMachine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min).`);
console.log(`Long tasks on the main thread after the first chart draw, neuron views and weight heat maps on, ${PROJECT === 'circle' ? 'circle 2-16-1 tanh' : 'XOR 2-32-32-1'} (${EPOCHS} epochs):`);
for (const r of results) {
  console.log(`  run ${r.run}: ${r.trainMs} ms of training, ${r.snapshots} live view updates, ${r.longTasks} long task(s); max ${r.maxMs} ms (while training ${r.duringTrainingMaxMs} ms)${r.durations.length ? `  [${r.durations.join(', ')}]` : ''}`);
}
const worst = Math.max(...results.map((r) => r.maxMs));
const worstTraining = Math.max(...results.map((r) => r.duringTrainingMaxMs));
console.log(`\nmax long task: ${worst} ms, while training: ${worstTraining} ms  (target: none over 50 ms — ${worst === 0 ? 'met: no long task at all' : 'see above'})`);
