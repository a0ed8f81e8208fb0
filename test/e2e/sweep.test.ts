// Issue 5 in the browser build: the learning-rate sweep on the XOR example draws five curves,
// fills a five-row table, and the lab report downloads with the five runs in it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, SCREENSHOTS, SKIP_BROWSER, startApp, type App } from './harness';
import { SIZES } from './editor';

const LEARNING_RATES = ['lr 0.0005', 'lr 0.005', 'lr 0.05', 'lr 0.5', 'lr 1'];

describe.skipIf(SKIP_BROWSER)('sweeps, run history and the lab report in the browser', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp('sweep');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('runs the learning-rate sweep on XOR: five curves, five table rows, a report with the five runs', async () => {
    const page = await openApp(app);
    await page.getByRole('tablist', { name: 'Results views' }).getByRole('tab', { name: 'Compare' }).click();
    const compare = page.getByRole('region', { name: 'Compare' });
    await expect(compare.getByRole('combobox', { name: 'Setting to vary' }).inputValue()).resolves.toBe('lr');
    // The lab's five learning rates are the preset, all ticked.
    for (const lr of LEARNING_RATES) await expect(compare.getByRole('checkbox', { name: lr }).isChecked()).resolves.toBe(true);

    // One seed per value here (five curves, five rows); the default repeats each value over 5 seeds.
    await expect(compare.getByLabel('Seeds per value').inputValue()).resolves.toBe('5');
    await compare.getByLabel('Seeds per value').fill('1');
    await compare.getByLabel('Seeds per value').press('Enter');
    await compare.getByRole('button', { name: 'Run sweep' }).click();
    // Each run has its own progress bar; runs beyond the free workers (cores − 1) say "waiting" until one ends.
    await page.waitForFunction(() => {
      const bars = [...document.querySelectorAll('[aria-label="Sweep runs"] [role=progressbar]')];
      return bars.length === 5 && bars.some((b) => Number(b.getAttribute('aria-valuenow')) > 0);
    });
    await screenshot(page, 'sweep-01-running');
    await page.waitForFunction(() => document.querySelector('[data-testid="sweep-results"]')?.getAttribute('data-status') === 'finished', undefined, { timeout: 150_000 });

    for (const lr of LEARNING_RATES) await expect(compare.getByRole('progressbar', { name: `${lr} progress` }).getAttribute('aria-valuenow')).resolves.toBe('5000');
    // Five curves in each overlaid chart, one per learning rate.
    await expect(compare.getByTestId('sweep-loss-chart').getAttribute('data-series')).resolves.toBe('5');
    await expect(compare.getByTestId('sweep-accuracy-chart').getAttribute('data-series')).resolves.toBe('5');
    const rows = compare.getByTestId('sweep-table').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(5);
    const firstCells = await rows.locator('th').allTextContents();
    expect(firstCells).toEqual(LEARNING_RATES);
    // The lab's finding: 0.05 and up learn XOR; the two smallest rates do not in 5000 epochs.
    await expect(rows.nth(2).textContent()).resolves.toContain('100.0%');
    await expect(rows.nth(0).textContent()).resolves.not.toContain('100.0%');
    await expect(compare.getByTestId('sweep-boundaries').getByRole('img').count()).resolves.toBe(5);
    await compare.getByTestId('sweep-loss-chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'sweep-02-five-curves');
    await compare.getByTestId('sweep-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'sweep-03-boundaries-and-table');

    // Issue 13: the loss and accuracy charts share the row's whole width at both window sizes
    // (with room for three, two used to take two-thirds of it).
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await compare.getByTestId('sweep-loss-chart').scrollIntoViewIfNeeded();
      const fill = () =>
        compare.locator('.overlay-charts').evaluate((row) => {
          const cards = [...row.children].map((c) => c.getBoundingClientRect());
          const r = row.getBoundingClientRect();
          return { sameRow: cards.every((c) => Math.abs(c.top - cards[0].top) < 1), unused: Math.round(r.right - Math.max(...cards.map((c) => c.right))) };
        });
      await expect.poll(fill).toEqual({ sameRow: true, unused: 0 });
      await screenshot(page, `sweep-06-compare-charts-${size.width}x${size.height}`);
    }

    // Sorting by final loss puts the largest rate (lowest loss) first.
    await compare.getByTestId('sweep-table').getByRole('button', { name: 'Final loss' }).click();
    await expect(rows.locator('th').first().textContent()).resolves.toBe('lr 1');

    const [csv] = await Promise.all([page.waitForEvent('download'), compare.getByRole('button', { name: 'Table as CSV' }).click()]);
    const csvLines = readFileSync((await csv.path()) as string, 'utf8').trimEnd().split('\r\n');
    expect(csvLines).toHaveLength(6);
    expect(csvLines[0]).toMatch(/^run,value,state,final loss,train accuracy/);

    const [download] = await Promise.all([page.waitForEvent('download'), compare.getByRole('button', { name: 'Lab report' }).click()]);
    const file = join(SCREENSHOTS, '..', 'sweep-lab-report.html');
    await download.saveAs(file);
    const html = readFileSync(file, 'utf8');
    const experiment = html.slice(html.indexOf('data-sweep-id='));
    expect(experiment.match(/<tr data-run-id=/g)).toHaveLength(5);
    for (const lr of LEARNING_RATES) expect(experiment).toContain(lr);
    expect(html).not.toMatch(/<script/i);

    // The report opens on its own, offline.
    const report = await app.newPage();
    await report.goto(`file://${file}`);
    await expect(report.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('XOR');
    await report.locator('[data-sweep-id]').scrollIntoViewIfNeeded();
    await screenshot(report, 'sweep-04-lab-report');
    await report.close();

    // Every run is kept in the history.
    await page.getByRole('tablist', { name: 'Results views' }).getByRole('tab', { name: 'Runs' }).click();
    const runs = page.getByRole('region', { name: 'Runs' });
    await expect(runs.locator('tbody tr').count()).resolves.toBe(5);
    await screenshot(page, 'sweep-05-run-history');
    await page.close();
  });
});
