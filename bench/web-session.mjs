// What both UI benchmarks (bench/longtasks.mjs, bench/longtasks-neurons.mjs) share: build the
// web app into its own folder, serve it, launch Debian's Chromium, and record every main-thread
// long task (PerformanceObserver 'longtask', > 50 ms) plus when the run's end showed on screen.
/* global window, document, performance, requestAnimationFrame, PerformanceObserver -- code passed to addInitScript and page.evaluate runs in the page */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/serve-static.mjs';

export const ROOT = resolve(import.meta.dirname, '..');

/**
 * `--throttle N` (issue 13 §7): Chrome's CPU throttling, N× slower (Lighthouse's slow device is 4),
 * set per page through the DevTools protocol (Emulation.setCPUThrottlingRate). 1: none.
 */
export function throttleRate(argv = process.argv) {
  const i = argv.indexOf('--throttle');
  const raw = i >= 0 ? argv[i + 1] : (argv.find((a) => a.startsWith('--throttle='))?.slice('--throttle='.length) ?? '1');
  const rate = Number(raw);
  if (!Number.isFinite(rate) || rate < 1) {
    console.error(`--throttle takes a factor of at least 1 (4 is a slow device), not "${raw}".`);
    process.exit(2);
  }
  return rate;
}

export const THROTTLE = throttleRate();

/** A new page of the bench's context, CPU-throttled when --throttle asks for it. */
export async function newBenchPage(context) {
  const page = await context.newPage();
  if (THROTTLE > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  }
  return page;
}

/** Builds into test-results/<outName>, serves it and opens a 1280×800 context; exits on a failed build. */
export async function openBenchSession(outName) {
  const out = join(ROOT, 'test-results', outName);
  // BENCH_MINIFY=0 keeps function names readable in the long-task breakdown.
  const minify = process.env.BENCH_MINIFY === '0' ? ['--minify', 'false'] : [];
  const built = spawnSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn', ...minify], { cwd: ROOT, stdio: 'inherit' });
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
    // Every frame's time is kept too: the longest gap between frames bounds the longest task
    // from above (a task blocks the frames behind it), at no cost worth measuring.
    w.__frames = [];
    const watch = (t) => {
      w.__frames.push(t);
      if (document.querySelector('[data-testid="run-status"]')?.textContent === 'done') w.__doneAt = performance.now();
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  return { server, browser, context };
}

/** Closes what openBenchSession opened. */
export async function closeBenchSession({ server, browser, context }) {
  await context.close();
  await browser.close();
  await server.close();
}

/** The line each UI benchmark's report starts with: timings mean little without the load. */
export function machineLine() {
  return `\nMachine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min); CPU throttling ${THROTTLE > 1 ? `${THROTTLE}×` : 'off'}.`;
}

/**
 * The main thread's tasks from a Chrome trace: those over 50 ms (with what was inside) and the
 * longest one, with wall time (dur) and the CPU time the thread actually ran (tdur). On a busy
 * machine wall time includes waiting for a core; CPU time is what the page's own work costs.
 */
export function mainThreadTasks(buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents ?? [];
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const samples = profileSamples(events, mainThreads);
  const long = tasks
    .filter((e) => e.dur > 50_000)
    .map((task) => ({ wallMs: task.dur / 1000, cpuMs: (task.tdur ?? task.dur) / 1000, inside: [...insideTask(onMain, task), ...hotFunctions(samples, task)] }));
  const longest = tasks.reduce((m, t) => (t.dur > (m?.dur ?? -1) ? t : m), null);
  return {
    long,
    longestWallMs: longest ? longest.dur / 1000 : 0,
    longestCpuMs: tasks.reduce((m, t) => Math.max(m, (t.tdur ?? t.dur) / 1000), 0),
    longestInside: longest ? insideTask(onMain, longest) : [],
  };
}

/** The V8 sampling profiler's samples on the main thread (category disabled-by-default-v8.cpu_profiler): time and stack. */
function profileSamples(events, mainThreads) {
  const out = [];
  const nodes = new Map();
  const start = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.name === 'Profile' && mainThreads.has(key)) start.set(e.id, e.args.data.startTime);
    if (e.name !== 'ProfileChunk' || !start.has(e.id)) continue;
    const d = e.args.data;
    for (const n of d.cpuProfile?.nodes ?? []) nodes.set(`${e.id}:${n.id}`, { name: n.callFrame.functionName || '(anonymous)', url: n.callFrame.url?.split('/').pop() ?? '', line: n.callFrame.lineNumber, parent: n.parent === undefined ? null : `${e.id}:${n.parent}` });
    let t = start.get(e.id);
    (d.cpuProfile?.samples ?? []).forEach((id, i) => {
      t += d.timeDeltas[i];
      start.set(e.id, t);
      out.push({ t, node: `${e.id}:${id}` });
    });
  }
  return { out, nodes };
}

/** The functions the profiler found on the stack most often inside a task (inclusive), with their line in the bundle. */
function hotFunctions({ out, nodes }, task) {
  const counts = new Map();
  let total = 0;
  for (const s of out) {
    if (s.t < task.ts || s.t > task.ts + task.dur) continue;
    total++;
    const seen = new Set();
    for (let id = s.node; id; id = nodes.get(id)?.parent) {
      const n = nodes.get(id);
      if (!n || n.name === '(root)' || n.name === '(program)' || n.name === '(idle)') continue;
      const k = `${n.name}@${n.line}`;
      if (!seen.has(k)) {
        seen.add(k);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.BENCH_INSIDE ?? 12))
    .map(([k, c]) => `js ${k} ${Math.round((100 * c) / Math.max(1, total))}%`);
}

/** The largest pieces of work inside a task (script with its function, layout, paint, GC), to tell what made it long. */
function insideTask(onMain, task) {
  const label = (e) => {
    const d = e.args?.data ?? {};
    const where = d.functionName || d.url?.split('/').pop() || d.type || '';
    return where ? `${e.name}(${where})` : e.name;
  };
  return onMain
    .filter((e) => e !== task && e.tid === task.tid && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur > 2_000)
    .sort((a, b) => b.dur - a.dur)
    .slice(0, Number(process.env.BENCH_INSIDE ?? 6))
    .map((e) => `${label(e)} ${(e.dur / 1000).toFixed(1)}/${((e.tdur ?? e.dur) / 1000).toFixed(1)}`);
}

/** BENCH_TRACE=1 also records a Chrome trace, to tell what made a long task long. Tracing slows the page, so it is off for the figures. */
export const TRACING = process.env.BENCH_TRACE === '1';
/** What a trace records: the timeline, and the V8 profiler's samples for the hot functions inside a task. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.cpu_profiler'];

/**
 * Presses Train on an open page (Training tab showing) and measures the run: long tasks after
 * the first chart draw (the observer's), the same split at the run's end, the longest gap
 * between frames while training, and with BENCH_TRACE=1 the trace's tasks over 50 ms from
 * click to end (a little wider than the observer's window: conservative).
 */
export async function trainAndMeasure(browser, page) {
  if (TRACING) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // The first chart draw: the first epochs have reached the loss chart.
  await page.waitForFunction(() => Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')) > 0);
  const t0 = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'done', undefined, { timeout: 300_000 });
  // Let the final redraw (predictions, boundary, comparison, table) land.
  await page.waitForTimeout(500);
  const { long: traced, longestWallMs, longestCpuMs, longestInside } = TRACING ? mainThreadTasks(await browser.stopTracing()) : { long: [], longestWallMs: 0, longestCpuMs: 0, longestInside: [] };
  const tasks = await page.evaluate((from) => window.__longtasks.filter((t) => t.start >= from), t0);
  const doneAt = await page.evaluate(() => window.__doneAt ?? Infinity);
  const frameGapMs = await page.evaluate(
    ([from, to]) => window.__frames.filter((t) => t >= from && t <= to).reduce((m, t, i, a) => (i ? Math.max(m, t - a[i - 1]) : m), 0),
    [t0, doneAt],
  );
  const trainingOnly = tasks.filter((t) => t.start + t.duration < doneAt);
  const max = (xs) => xs.reduce((m, t) => Math.max(m, t.duration), 0);
  return {
    trainMs: Math.round(doneAt - t0),
    longTasks: tasks.length,
    maxMs: Math.round(max(tasks)),
    duringTrainingMaxMs: Math.round(max(trainingOnly)),
    durations: tasks.map((t) => Math.round(t.duration)),
    frameGapMs: Math.round(frameGapMs),
    maxCpuMs: Math.round(traced.reduce((m, t) => Math.max(m, t.cpuMs), 0)),
    traced,
    // The longest main-thread task from click to end, whatever its length: the margin left under 50 ms.
    longestWallMs: Math.round(longestWallMs),
    longestCpuMs: Math.round(longestCpuMs),
    longestInside,
  };
}
