// Issue 4, first scenario: a student builds the lab's 2-32-32-1 sigmoid network by dragging
// blocks from the palette and connecting them, picks XOR, trains, and watches it learn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chartScreenshot, openApp, screenshot, SKIP_BROWSER, startApp, type App } from './harness';
import { connect, dragFromPalette, nodeGroup, nodeIds, setParam, showTab, trainToEnd, viewportSettled } from './editor';

/** Free spots on the visible canvas (relative to its top-left) that avoid the nodes already there. */
async function dropSpots(page: Page, count: number): Promise<{ x: number; y: number }[]> {
  const canvas = await page.getByRole('region', { name: 'Network canvas' }).boundingBox();
  if (!canvas) throw new Error('no canvas');
  const taken = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    }),
  );
  const spots: { x: number; y: number }[] = [];
  // One block's size at the current zoom, plus room for the handles and the mouse.
  const STEP_X = Math.ceil(taken[0].w + 36);
  const STEP_Y = Math.ceil(taken[0].w * 0.42 + 24);
  // Keep clear of the zoom controls (bottom left) and the minimap (bottom right).
  for (let y = 12; y + STEP_Y < canvas.height - 12 && spots.length < count; y += STEP_Y) {
    const xMax = y + STEP_Y > canvas.height - 110 ? canvas.width - 180 : canvas.width - 12;
    for (let x = 60; x + STEP_X < xMax && spots.length < count; x += STEP_X) {
      const ax = canvas.x + x;
      const ay = canvas.y + y;
      const clash = taken.some((t) => ax < t.x + t.w + 24 && ax + STEP_X > t.x - 24 && ay < t.y + t.h + 12 && ay + STEP_Y > t.y - 12);
      if (!clash) spots.push({ x: x + 12, y: y + 8 });
    }
  }
  if (spots.length < count) throw new Error(`only ${spots.length} free spots on the canvas`);
  return spots;
}

describe.skipIf(SKIP_BROWSER)('building and training the lab network in the browser', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp('lab');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('builds 2-32-32-1 sigmoid by dragging and connecting, trains XOR, fills the loss chart and reaches 100% accuracy', async () => {
    const page = await openApp(app);
    // The example opens fitted to the canvas: every block inside it (once the fit has settled).
    await expect
      .poll(() =>
        page.evaluate(() => {
          const c = document.querySelector('.react-flow')!.getBoundingClientRect();
          const nodes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
          return nodes.length === 7 && nodes.every((r) => r.left >= c.left && r.right <= c.right && r.top >= c.top && r.bottom <= c.bottom);
        }),
      )
      .toBe(true);
    await screenshot(page, '01-first-start-xor-example');

    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => nodeIds(page)).toEqual(['input']);
    // Smaller blocks leave room for the seven of them on an 800-pixel-high window.
    await page.getByRole('button', { name: 'zoom out' }).click();
    await page.getByRole('button', { name: 'zoom out' }).click();

    const kinds = ['Linear', 'Sigmoid', 'Linear', 'Sigmoid', 'Linear', 'Sigmoid'];
    const spots = await dropSpots(page, kinds.length);
    const chain = ['input'];
    for (let i = 0; i < kinds.length; i++) chain.push(await dragFromPalette(page, kinds[i], spots[i]));
    // How tall the dropped blocks grow (their warnings wrap by the machine's fonts) is not this
    // test's business: Tidy layout spaces them by their drawn size, so no block hides a handle.
    await page.getByRole('button', { name: 'Tidy layout' }).click();
    await page.waitForFunction(() => {
      const r = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
      return r.every((p, a) => r.every((q, b) => a === b || p.right <= q.left || q.right <= p.left || p.bottom <= q.top || q.bottom <= p.top));
    });
    await viewportSettled(page);
    for (let i = 0; i + 1 < chain.length; i++) await connect(page, chain[i], chain[i + 1]);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(6);

    // The last Linear gives the single output; the hidden ones keep the default 32 units.
    await setParam(page, 'Linear', chain[5], 'Output features', '1');
    await expect(nodeGroup(page, 'Linear', chain[5]).textContent()).resolves.toContain('1 unit');
    await expect(nodeGroup(page, 'Linear', chain[1]).textContent()).resolves.toContain('32 units');
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await screenshot(page, '02-built-lab-network');

    await showTab(page, 'Data');
    await page.getByRole('combobox', { name: 'Dataset', exact: true }).selectOption('xor');
    await expect(page.getByTestId('data-summary').textContent()).resolves.toContain('21 samples');
    await screenshot(page, '03-data-xor');

    await showTab(page, 'Training');
    const train = page.getByRole('button', { name: 'Train', exact: true });
    await expect(train.isEnabled()).resolves.toBe(true);
    await train.click();
    // Mid-run: the progress bar moves and the loss chart fills while training.
    await page.waitForFunction(() => Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')) > 200);
    await screenshot(page, '04-training-live');
    await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'done', undefined, { timeout: 300_000 });

    const bar = page.getByRole('progressbar', { name: 'Training progress' });
    await expect(bar.getAttribute('aria-valuenow')).resolves.toBe('5000');
    await expect(page.getByTestId('run-accuracy').textContent()).resolves.toMatch(/^100\.0%/);
    // Every epoch is a point of the loss chart (its text alternative counts them).
    await expect(page.getByRole('img', { name: 'Loss chart' }).textContent()).resolves.toContain('5000 epochs');
    await page.getByRole('img', { name: 'Ground truth and prediction' }).waitFor();
    await expect(page.getByRole('region', { name: 'Predictions table' }).textContent()).resolves.toContain('100% right');
    await screenshot(page, '05-trained-100-percent');
    await chartScreenshot(page, 'Decision boundary', '06-decision-boundary-and-comparison');
    await page.close();
  });

  it('trains the three-class spiral example: boundary in three colours, a 3×3 confusion matrix, probabilities per class', async () => {
    const page = await openApp(app);
    await page.getByRole('combobox', { name: 'Open example' }).selectOption('spiral-softmax');
    await expect.poll(() => page.title()).toContain('spiral-softmax');
    expect(await trainToEnd(page)).toBe('done');
    await page.getByRole('img', { name: 'Confusion matrix' }).waitFor();
    await page.getByRole('img', { name: 'Decision boundary' }).waitFor();
    const header = await page.getByRole('region', { name: 'Predictions table' }).locator('thead th').allTextContents();
    expect(header.filter((h) => h.startsWith('P('))).toHaveLength(3);
    await chartScreenshot(page, 'Decision boundary', '08-spiral-three-classes');
    await page.close();
  });

  it('shows example signals for the waves data and no decision boundary for signals', async () => {
    const page = await openApp(app);
    await page.getByRole('combobox', { name: 'Open example' }).selectOption('waves-conv1d');
    await expect.poll(() => page.title()).toContain('waves-conv1d');
    await showTab(page, 'Data');
    await page.getByRole('img', { name: 'Example signals' }).waitFor();
    expect(await trainToEnd(page)).toBe('done');
    await page.getByRole('img', { name: 'Confusion matrix' }).waitFor();
    expect(await page.getByRole('img', { name: 'Decision boundary' }).count()).toBe(0);
    await showTab(page, 'Data');
    await screenshot(page, '09-waves-signals');
    await page.close();
  });

  it('stays readable at 1920×1080 after training the XOR example', async () => {
    const page = await openApp(app, { width: 1920, height: 1080 });
    expect(await trainToEnd(page)).toBe('done');
    await screenshot(page, '10-trained-1920x1080');
    await page.close();
  });
});
