// Driving the editor the way a student does: drag blocks from the palette, connect handles
// with the mouse, edit params in the inspector. Everything is found by accessible name,
// except React Flow's handles (found by their node's data-id, as React Flow renders them).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The two window sizes every workspace check runs at (the brief's laptop and small-laptop screens). */
export const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

/** What the page says went wrong, if anything: page errors and console errors, collected as they come. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

export async function nodeIds(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
}

/** The canvas's zoom, from React Flow's viewport transform. */
export async function canvasZoom(page: Page): Promise<number> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? 1);
}

/** Half a block's size in flow units (renderer/editor/placement.ts HALF_NODE): a drop centres the block on the pointer. */
export const HALF_BLOCK = { x: 88, y: 35 };

/**
 * Drags a palette block so that its top-left corner lands on a point of the canvas (relative to
 * the canvas's top-left); returns the new node's id. The drop point is that corner plus half a
 * block at the current zoom, as a drop centres the block on the pointer (issue 13 §4).
 */
export async function dragFromPalette(page: Page, title: string, at: { x: number; y: number }, paletteName = 'Palette'): Promise<string> {
  const before = new Set(await nodeIds(page));
  const palette = page.getByRole('region', { name: paletteName });
  const canvas = page.locator('#network-canvas');
  const zoom = await canvasZoom(page);
  const drop = { x: at.x + HALF_BLOCK.x * zoom, y: at.y + HALF_BLOCK.y * zoom };
  await palette.getByRole('button', { name: title, exact: true }).dragTo(canvas, { targetPosition: drop });
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length > n, before.size);
  const added = (await nodeIds(page)).filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`dropping ${title} added ${added.length} nodes`);
  return added[0];
}

async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`not visible: ${selector}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Waits until the canvas's viewport (pan and zoom) has stayed the same for a few animation
 * frames: after Tidy layout or Zoom to fit it animates, and a gesture aimed at a handle while
 * it moves lands somewhere else.
 */
export async function viewportSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const read = () => document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
        const first = read();
        let frames = 0;
        const tick = () => {
          if (read() !== first) return resolve(false);
          if (++frames >= 10) return resolve(true);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    undefined,
    { polling: 100 },
  );
}

/**
 * Brings the canvas to a view that no longer changes by itself and returns the canvas's box:
 * the page fits the network once more after its panes take their size, later on a loaded
 * machine, so Zoom to fit and a settle are repeated until the view and the canvas's box are
 * the same twice running. A gesture aimed at the canvas's edge then lands on that edge.
 */
export async function stableView(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const read = async () => {
    const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    const box = await page.locator('#network-canvas').boundingBox();
    return JSON.stringify({ style, box });
  };
  let before = '';
  await expect
    .poll(async () => {
      await page.locator('#network-canvas .react-flow__controls-fitview').click();
      await viewportSettled(page);
      const now = await read();
      const same = now === before;
      before = now;
      return same;
    })
    .toBe(true);
  const box = await page.locator('#network-canvas').boundingBox();
  if (!box) throw new Error('canvas not visible');
  return box;
}

/**
 * Drags from source's output handle to target's input handle. React Flow only accepts a
 * connection once both nodes are measured, which on a loaded 2-core machine can lag the drop,
 * and a handle can move under the pointer while a block above it changes height: wait until the
 * handles are visible, and when no edge appeared or the wire landed on another block, take it
 * back with Undo and repeat the gesture (at most three times), as a person would.
 */
export async function connect(page: Page, source: string, target: string): Promise<void> {
  const fromSel = `.react-flow__node[data-id="${source}"] .react-flow__handle.source`;
  const toSel = `.react-flow__node[data-id="${target}"] .react-flow__handle.target`;
  const wanted = `.react-flow__edge[data-id="e-${source}-${target}"]`;
  await page.locator(fromSel).waitFor({ state: 'visible' });
  await page.locator(toSel).waitFor({ state: 'visible' });
  for (let attempt = 1; ; attempt++) {
    const edges = await page.locator('.react-flow__edge').count();
    const from = await centreOf(page, fromSel);
    const to = await centreOf(page, toSel);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    try {
      // A new wire, or (onto an input that had one) the old wire replaced by this one.
      await page.waitForFunction(([n, sel]) => document.querySelectorAll('.react-flow__edge').length > n || document.querySelector(sel) !== null, [edges, wanted] as const, {
        timeout: attempt < 3 ? 10_000 : 30_000,
      });
    } catch (e) {
      if (attempt >= 3) throw new Error(`${(e as Error).message}\n${await connectDiagnosis(page, from, to, source, target)}`);
      continue;
    }
    if ((await page.locator(wanted).count()) === 1) return;
    if (attempt >= 3) throw new Error(`the wire from ${source} did not reach ${target} in three tries\n${await connectDiagnosis(page, from, to, source, target)}`);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.react-flow__edge').length === n, edges);
  }
}

/** What lay under the pointer at both ends of a failed wire, and a screenshot of it: the test's failure says why. */
async function connectDiagnosis(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, source: string, target: string): Promise<string> {
  const under = await page.evaluate(
    (points) =>
      points.map(({ x, y }) => {
        const el = document.elementFromPoint(x, y);
        const node = el?.closest('.react-flow__node')?.getAttribute('data-id');
        return `(${Math.round(x)}, ${Math.round(y)}): ${el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` : 'nothing'}${node ? ` in node ${node}` : ''}`;
      }),
    [from, to],
  );
  const file = `test-results/screenshots/connect-failed-${source}-${target}.png`;
  await page.screenshot({ path: file }).catch(() => undefined);
  return `under the pointer at the source ${under[0]}; at the target ${under[1]}; screenshot ${file}`;
}

export function nodeGroup(page: Page, title: string, id: string) {
  return page.getByRole('group', { name: `${title} node ${id}`, exact: true });
}

/** Selects a node by clicking its title, then sets a param in the Node tab of the inspector. */
export async function setParam(page: Page, title: string, id: string, label: string, value: string): Promise<void> {
  await nodeGroup(page, title, id).locator('.bp-node-title').click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('tab', { name: 'Node' }).click();
  const input = inspector.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press('Enter');
}

export async function showTab(page: Page, name: 'Node' | 'Data' | 'Training'): Promise<void> {
  await page.getByRole('region', { name: 'Inspector' }).getByRole('tab', { name }).click();
}

/** Trains the open project and waits until the run has ended; returns its final status. */
export async function trainToEnd(page: Page, timeout = 120_000): Promise<string> {
  await showTab(page, 'Training');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction(
    () => {
      const s = document.querySelector('[data-testid="run-status"]')?.textContent ?? '';
      return ['done', 'stopped', 'diverged', 'error'].includes(s);
    },
    undefined,
    { timeout },
  );
  return (await page.getByTestId('run-status').textContent()) ?? '';
}
