// Issue 11 on the canvas, in a real Chromium with real mouse input: a student adds a skip
// connection by hand (an Add fed by a fan-out), trains it from the run bar, and a Concat's
// input order is numbered on its wires and reordered from the Node tab.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, SKIP_BROWSER, startApp, type App } from './harness';
import { canvasZoom, connect, HALF_BLOCK, nodeGroup, nodeIds, showTab, stableView, viewportSettled, SIZES, watchErrors } from './editor';

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

  for (const size of SIZES) {
    const tag = `${size.width}x${size.height}`;

    it(`${tag}: Tidy draws residual-spiral in two rows, its skip wire through no block, and the Backprop tab steps through the graph`, async () => {
      const page = await openApp(app, size);
      const errors = watchErrors(page);
      await openExample(page, 'residual-spiral');
      await page.getByRole('button', { name: 'Tidy layout', exact: true }).click();
      await viewportSettled(page);
      const box = async (id: string) => {
        const b = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
        if (!b) throw new Error(`${id} not visible`);
        return b;
      };
      // Main path left to right: each block of the chain starts right of its source, or on a later
      // row. Polled: Tidy moves the blocks and then animates the zoom to fit them.
      const backwards = async () => {
        const out: string[] = [];
        for (const [a, b] of [['input', 'fc1'], ['fc1', 'tanh1'], ['tanh1', 'fc2'], ['fc2', 'tanh2'], ['tanh2', 'add'], ['add', 'fc3'], ['fc3', 'softmax']]) {
          const [p, q] = [await box(a), await box(b)];
          if (!(q.x > p.x + p.width || q.y > p.y + p.height)) out.push(`${a} → ${b}`);
        }
        return out;
      };
      await expect.poll(backwards).toEqual([]);
      await viewportSettled(page);
      const [t1, add] = [await box('tanh1'), await box('add')];
      // Eight blocks wrap into two rows of four at these sizes: the skip leaves tanh1 on the first
      // row for the Add on the second, along the wrap lane between the rows (the one-row case,
      // a lane under the row, is checked in test/renderer/editor/skip-route.test.ts).
      expect(add.y).toBeGreaterThan(t1.y + t1.height);
      // No point along the skip wire lies inside a block (sampled every 4 px of its length).
      const inside = await edge(page, 'tanh1', 'add')
        .locator('path.react-flow__edge-path')
        .evaluate((el) => {
          const path = el as SVGPathElement;
          const m = path.getScreenCTM();
          const boxes = [...document.querySelectorAll('.react-flow__node')].map((n) => [n.getAttribute('data-id'), n.getBoundingClientRect()] as const);
          const hits: string[] = [];
          for (let d = 0; m && d <= path.getTotalLength(); d += 4) {
            const p = path.getPointAtLength(d).matrixTransform(m);
            for (const [id, r] of boxes) if (p.x > r.left + 1 && p.x < r.right - 1 && p.y > r.top + 1 && p.y < r.bottom - 1) hits.push(id ?? '');
          }
          return [...new Set(hits)];
        });
      expect(inside).toEqual([]);
      await screenshot(page, `graph-05-residual-tidy-${tag}`);

      await page.getByRole('region', { name: 'Inspector' }).getByRole('tab', { name: 'Backprop' }).click();
      const controls = page.getByRole('toolbar', { name: 'Step-through controls' });
      const forward = controls.getByRole('button', { name: 'Step forward', exact: true });
      while (await forward.isEnabled()) await forward.click();
      const backward = controls.getByRole('button', { name: 'Step backward', exact: true });
      while (await backward.isEnabled()) await backward.click();
      await expect(page.getByRole('status').filter({ hasText: 'every gradient is known' }).count()).resolves.toBe(1);
      const addSection = page.getByRole('region', { name: 'Inspector' }).locator('section[aria-label="Add node add"]');
      await expect(addSection.getByTestId('join-note-add').textContent()).resolves.toContain('tanh1 and tanh2 each get the same Δ');
      await expect(addSection.getByText('Δ to tanh1 (input 1 of add)').count()).resolves.toBe(1);
      await expect(addSection.getByText('Δ to tanh2 (input 2 of add)').count()).resolves.toBe(1);
      const tanh1 = page.getByRole('region', { name: 'Inspector' }).locator('section[aria-label="Tanh node tanh1"]');
      await expect(tanh1.getByTestId('fan-out-note-tanh1').textContent()).resolves.toContain('feeds fc2 and add');
      await addSection.scrollIntoViewIfNeeded();
      await screenshot(page, `graph-06-backprop-add-${tag}`);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('1280x720: a wire or a block passing the canvas edge does not pan the canvas', async () => {
    const page = await openApp(app, SIZES[1]);
    const errors = watchErrors(page);
    const viewport = () => page.locator('.react-flow__viewport').getAttribute('style');
    const canvas = await stableView(page);
    const before = (await viewport()) ?? '';
    const handle = await page.locator('.react-flow__node').first().locator('.react-flow__handle.source').boundingBox();
    if (!handle) throw new Error('handle not visible');
    const edgeX = canvas.x + canvas.width - 4;
    const edgeY = canvas.y + canvas.height / 2;
    // A wire moving along the right edge (React Flow's own auto-pan moved the view on every
    // frame there); each move is a real move (8 px), not a rest.
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    for (let i = 0; i <= 10; i++) await page.mouse.move(edgeX - 10 + i, edgeY - 40 + i * 8, { steps: 2 });
    await page.mouse.up();
    expect(await viewport()).toBe(before);
    // The same with a block.
    const title = page.locator('.react-flow__node').first().locator('.bp-node-title');
    const t = await title.boundingBox();
    if (!t) throw new Error('block title not visible');
    await page.mouse.move(t.x + 10, t.y + t.height / 2);
    await page.mouse.down();
    for (let i = 0; i <= 10; i++) await page.mouse.move(edgeX - 10 + i, edgeY, { steps: 2 });
    await page.mouse.up();
    expect(await viewport()).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('1280x720: a wire resting at the canvas edge pans towards it, and the pan stops with the wire', async () => {
    const page = await openApp(app, SIZES[1]);
    const errors = watchErrors(page);
    const viewport = () => page.locator('.react-flow__viewport').getAttribute('style');
    const viewX = async () => Number(/translate\((-?[\d.]+)px/.exec((await viewport()) ?? '')?.[1]);
    const canvas = await stableView(page);
    const handle = await page.locator('.react-flow__node').first().locator('.react-flow__handle.source').boundingBox();
    if (!handle) throw new Error('handle not visible');
    const edges = await page.locator('.react-flow__edge').count();
    const x0 = await viewX();
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width - 4, canvas.y + canvas.height / 2, { steps: 8 });
    // A wire is being drawn (a press that missed the handle would drag the pane instead).
    expect(await page.locator('.react-flow__connectionline').count()).toBe(1);
    // Towards the right edge: the network moves left, so the view's x falls.
    await expect.poll(viewX).toBeLessThan(x0 - 20);
    await page.mouse.up();
    await viewportSettled(page);
    const after = await viewport();
    await viewportSettled(page);
    expect(await viewport()).toBe(after);
    // Dropped on the empty pane: no wire was made.
    expect(await page.locator('.react-flow__edge').count()).toBe(edges);
    expect(errors).toEqual([]);
    await page.close();
  });
});
