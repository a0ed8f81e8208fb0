#!/usr/bin/env node
// B2 in a real browser: the page's training store fed a burst of 10 000 progress events (one
// epoch each), then the run's end, while a PerformanceObserver records main-thread long tasks
// (> 50 ms). The training worker is replaced by a stand-in that answers "started" and then
// sends the burst, in two ways:
//   - queued: every event its own message task, all queued at once (a worker that outran the page);
//   - one task: all 10 000 delivered inside one task (the worst case a host could produce).
// The store applies what arrived once per animation frame; reports the figures, never fails on timing.
//   npm run bench:ui:burst        (BENCH_EVENTS, BENCH_RUNS, BPNN_CHROMIUM)
/* global window, document, performance, MessageChannel -- code passed to addInitScript and page.evaluate runs in the page */
import { closeBenchSession, machineLine, openBenchSession, newBenchPage } from './web-session.mjs';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);

const { server, browser, context } = await openBenchSession('bench-web-burst');

// The stand-in worker: on 'start', answers started, then the burst, then 'done'.
await context.addInitScript(
  ([events]) => {
    const w = window;
    w.__burst = { mode: 'queued', sentAt: 0, appliedAt: 0 };
    class BurstWorker {
      constructor() {
        this.onmessage = null;
        this.onerror = null;
      }
      postMessage(msg) {
        if (msg.type !== 'start') return;
        const runId = msg.req.runId;
        const deliver = (data) => this.onmessage?.({ data });
        const metric = (i) => ({ epoch: i, loss: 1 / i, accuracy: Math.min(1, i / events), testLoss: null, testAccuracy: null, lr: 0.5 });
        const all = [];
        for (let i = 1; i <= events; i++) all.push({ type: 'event', event: { type: 'progress', runId, epochs: [metric(i)], batch: i } });
        const result = { state: 'done', epochs: events, loss: 1 / events, accuracy: 1, testAccuracy: null, ms: 1 };
        all.push({ type: 'event', event: { type: 'done', runId, result, weights: w.__weights ?? {} } });
        setTimeout(() => {
          deliver({ type: 'started', result: { ok: true, shapes: [] } });
          w.__burst.sentAt = performance.now();
          if (w.__burst.mode === 'one task') {
            for (const m of all) deliver(m);
          } else {
            const ch = new MessageChannel();
            let i = 0;
            ch.port1.onmessage = () => deliver(all[i++]);
            for (let k = 0; k < all.length; k++) ch.port2.postMessage(null);
          }
        }, 0);
      }
      terminate() {}
      addEventListener() {}
      removeEventListener() {}
    }
    w.Worker = BurstWorker;
  },
  [EVENTS],
);

const results = [];
try {
  for (let round = 1; round <= RUNS; round++) {
    for (const mode of ['queued', 'one task']) {
      const page = await newBenchPage(context);
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      await page.evaluate(() => window.localStorage.clear());
      await page.reload();
      await page.locator('.react-flow__node').first().waitFor();
      await page.evaluate((m) => (window.__burst.mode = m), mode);
      const inspector = page.getByRole('region', { name: 'Inspector' });
      await inspector.getByRole('tab', { name: 'Training' }).click();
      const epochs = page.getByRole('region', { name: 'Training' }).getByLabel('Epochs', { exact: true });
      await epochs.fill(String(EVENTS));
      await epochs.press('Enter');
      // The stand-in ends the run with empty weights (the burst is what is measured; with no
      // weights that fit, the charts show no decision boundary afterwards).
      const t0 = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'done', undefined, { timeout: 120_000 });
      const doneAt = await page.evaluate(() => performance.now());
      await page.waitForTimeout(1000);
      const epochShown = await page.getByTestId('run-epoch').textContent();
      const runs = await page.getByRole('tab', { name: 'Runs', exact: true }).count();
      const tasks = await page.evaluate((from) => window.__longtasks.filter((t) => t.start >= from).map((t) => Math.round(t.duration)), t0);
      const sentAt = await page.evaluate(() => window.__burst.sentAt);
      const alerts = await page.locator('.part-error, .run-message').allTextContents();
      await page.screenshot({ path: `test-results/burst-${mode.replace(' ', '-')}.png` });
      results.push({ round, mode, tasks, burstToDoneMs: Math.round(doneAt - sentAt), epochShown, runs, errors, alerts });
      await page.close();
    }
  }
} finally {
  await closeBenchSession({ server, browser, context });
}

console.log(machineLine());
console.log(`A burst of ${EVENTS} progress events into the page's training store, then the run's end:`);
for (const r of results) {
  console.log(`  round ${r.round}, ${r.mode.padEnd(8)}: on screen "${r.epochShown}" ${r.burstToDoneMs} ms after the burst began; ${r.tasks.length} long task(s)${r.tasks.length ? ` [${r.tasks.join(', ')} ms]` : ''}`);
  if (r.errors.length || r.alerts.length) console.log(`         page errors: ${JSON.stringify(r.errors)}; messages: ${JSON.stringify(r.alerts)}`);
}
for (const mode of ['queued', 'one task']) {
  const rs = results.filter((r) => r.mode === mode);
  console.log(`${mode.padEnd(8)}: max long task ${Math.max(0, ...rs.flatMap((r) => r.tasks))} ms`);
}
