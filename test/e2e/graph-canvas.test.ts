// Issue 11 on the canvas, in a real Chromium with real mouse input: a student adds a skip
// connection by hand (an Add fed by a fan-out), trains it from the run bar, and a Concat's
// input order is numbered on its wires and reordered from the Node tab.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, SKIP_BROWSER, startApp, type App } from './harness';
import { canvasZoom, connect, HALF_BLOCK, nodeGroup, nodeIds, showTab, viewportSettled } from './editor';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

async function openExample(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Open example' }).selectOption(name);
  await expect.poll(() => page.title()).toContain(name);
  await viewportSettled(page);
}

/** A wire by its ends (an example's edges have their own ids; a drawn wire's is e-source-target). */
const edge = (page: Page, source: string, target: string) => page.locator(`.react-flow__edge[aria-label="Edge from ${source} to ${target}"], .react-flow__edge[aria-label^="Edge from ${source} to ${target},"]`);

/** Drops a palette block with its top-left corner just right of a block on the canvas; returns its id. */
async function dropRightOf(page: Page, title: string, neighbour: string): Promise<string> {
  const before = new Set(await nodeIds(page));
  const box = await page.locator(`.react-flow__node[data-id="${neighbour}"]`).boundingBox();
  const canvas = page.getByRole('region', { name: 'Network canvas' });
  const cbox = await canvas.boundingBox();
  if (!box || !cbox) throw new Error('canvas or block not visible');
  const zoom = await canvasZoom(page);
  const drop = { x: box.x + box.width + (60 + HALF_BLOCK.x) * zoom - cbox.x, y: box.y + box.height / 2 - cbox.y };
  await page.getByRole('region', { name: 'Palette' }).getByRole('button', { name: title, exact: true }).dragTo(canvas, { targetPosition: drop });
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length > n, before.size);
  return (await nodeIds(page)).find((id) => !before.has(id)) ?? '';
}

describe.skipIf(SKIP_BROWSER)('graphs on the canvas', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp('graph-canvas');
  });
  afterAll(async () => {
    await app?.close();
  });

  for (const size of SIZES) {
    const tag = `${size.width}x${size.height}`;

    it(`${tag}: a skip connection drawn by hand (fan-out into an Add) shows its shape and trains on the spiral from the run bar`, async () => {
      const page = await openApp(app, size);
      const errors = watchErrors(page);
      await openExample(page, 'spiral-softmax');
      const add = await dropRightOf(page, 'Add', 'softmax');
      expect(add).toBe('add1');
      // The skip: tanh1 already feeds fc2; a second wire from it into the Add is a fan-out, allowed.
      await connect(page, 'tanh2', add);
      await connect(page, 'tanh1', add);
      await connect(page, add, 'fc3');
      await expect.poll(() => edge(page, 'tanh1', 'fc2').count()).toBe(1);
      await expect.poll(() => edge(page, 'tanh1', add).count()).toBe(1);
      await expect.poll(() => edge(page, 'tanh2', add).count()).toBe(1);
      // The wire into fc3 moved from tanh2 to the Add (a Linear has one input).
      await expect.poll(() => edge(page, 'tanh2', 'fc3').count()).toBe(0);
      await expect.poll(() => nodeGroup(page, 'Add', add).locator('.bp-node-out').textContent()).toBe('→ [32]');
      // No block on the canvas reports a problem.
      await expect(page.locator('.react-flow__node').getByRole('note').count()).resolves.toBe(0);
      await screenshot(page, `graph-01-skip-by-hand-${tag}`);

      await showTab(page, 'Training');
      const epochs = page.getByRole('region', { name: 'Training' }).getByLabel('Epochs', { exact: true });
      await epochs.fill('30');
      await epochs.press('Enter');
      await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: /^Train/ }).click();
      await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 120_000 }).toBe('done');
      const stats = (await page.getByTestId('runbar-stats').textContent()) ?? '';
      expect(stats).toContain('30/30');
      const acc = Number(/Acc\s*([\d.]+)%/.exec(stats)?.[1] ?? Number.NaN);
      // 30 Adam epochs on the 3-class spiral: well above the 33% of guessing.
      expect(acc).toBeGreaterThan(60);
      await screenshot(page, `graph-02-skip-trained-${tag}`);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('1280x720: the wires into a Concat carry their input number, and the Node tab reorders them (one Undo each)', async () => {
    const page = await openApp(app, SIZES[1]);
    const errors = watchErrors(page);
    await openExample(page, 'spiral-softmax');
    const cat = await dropRightOf(page, 'Concat', 'softmax');
    await connect(page, 'tanh1', cat);
    await connect(page, 'tanh2', cat);
    await connect(page, cat, 'fc3');
    const badges = () => page.locator('.edge-order').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    await expect.poll(badges).toEqual([`Input 1 of ${cat}`, `Input 2 of ${cat}`]);
    const label = (n: number) => page.getByLabel(`Input ${n} of ${cat}`, { exact: true }).boundingBox();
    await expect(page.getByLabel(`Input 1 of ${cat}`, { exact: true }).textContent()).resolves.toBe('1');

    await nodeGroup(page, 'Concat', cat).locator('.bp-node-title').click();
    await showTab(page, 'Node');
    const inputs = page.getByRole('region', { name: `Inputs of ${cat}` });
    const order = () => inputs.getByRole('listitem').evaluateAll((els) => els.map((e) => e.querySelector('.join-input-name')?.textContent));
    await expect.poll(order).toEqual(['Tanh tanh1', 'Tanh tanh2']);
    await expect(inputs.getByRole('button', { name: 'Move tanh1 up' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'graph-03-concat-inputs-1280x720');
    const at = async (n: number) => {
      const b = await label(n);
      return b ? { x: Math.round(b.x), y: Math.round(b.y) } : null;
    };
    const before = await at(1);
    expect(before).not.toBeNull();

    await inputs.getByRole('button', { name: 'Move tanh2 up' }).click();
    await expect.poll(order).toEqual(['Tanh tanh2', 'Tanh tanh1']);
    // The number 1 now sits on tanh2's wire (halfway along it), no longer on tanh1's.
    await expect.poll(() => at(1)).not.toEqual(before);
    await expect.poll(() => at(2)).toEqual(before);
    await expect(edge(page, 'tanh2', cat).getAttribute('aria-label')).resolves.toBe(`Edge from tanh2 to ${cat}, input 1`);
    await screenshot(page, 'graph-04-concat-reordered-1280x720');

    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(order).toEqual(['Tanh tanh1', 'Tanh tanh2']);
    await expect(edge(page, 'tanh1', cat).getAttribute('aria-label')).resolves.toBe(`Edge from tanh1 to ${cat}, input 1`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
