// Issue 13, the student's workspace, in a real Chromium with real mouse and keyboard input:
// §1 results always belong to what they describe (train on one data set, switch to another: no
// error, no mixed results), §2 the run bar in the toolbar (Train from the first screen,
// Ctrl+Enter, Space on the canvas, Reset asks first), at 1440×900 and 1280×720.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, ROOT, screenshot, SKIP_BROWSER, startApp, type App } from './harness';
import { canvasZoom, connect, dragFromPalette, HALF_BLOCK, nodeGroup, nodeIds, showTab, SIZES, watchErrors } from './editor';

async function boundaryProblems(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const t = document.body.innerText;
    const i = t.indexOf('ran into a problem');
    return i < 0 ? null : t.slice(Math.max(0, i - 80), i + 160);
  });
}

async function setEpochs(page: Page, n: number): Promise<void> {
  await showTab(page, 'Training');
  const field = page.getByRole('region', { name: 'Training' }).getByLabel('Epochs', { exact: true });
  await field.fill(String(n));
  await field.press('Enter');
}

async function chooseData(page: Page, value: string): Promise<void> {
  await showTab(page, 'Data');
  await page.getByRole('combobox', { name: 'Dataset', exact: true }).selectOption(value);
}

const trainButton = (page: Page) => page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: /^Train/ });

async function runStatus(page: Page): Promise<string> {
  return (await page.getByTestId('run-status').textContent()) ?? '';
}

async function trainFromBar(page: Page): Promise<void> {
  await trainButton(page).click();
  await expect.poll(() => runStatus(page), { timeout: 120_000 }).toMatch(/^(done|stopped|diverged|error)$/);
}

/** Wholly inside the window and inside every scrolling box around it (nothing needs scrolling to see it). */
async function inView(page: Page, target: ReturnType<Page['locator']>): Promise<boolean> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5) return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (!/(auto|scroll|hidden)/.test(s.overflow + s.overflowY + s.overflowX)) continue;
      const b = p.getBoundingClientRect();
      if (r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5 || r.left < b.left - 0.5 || r.right > b.right + 0.5) return false;
    }
    return true;
  });
}

/** Its text fits its box, and the box is inside the window. */
async function uncut(target: ReturnType<Page['locator']>): Promise<boolean> {
  return target.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= window.innerWidth + 0.5);
}

describe.skipIf(SKIP_BROWSER)('the student’s workspace', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp('workspace');
  });
  afterAll(async () => {
    await app?.close();
  });

  /** How many lines the toolbar takes (-1: something runs past its edge). */
  async function toolbarRows(page: Page): Promise<number> {
    return page.getByRole('toolbar', { name: 'Main toolbar' }).evaluate((bar) => {
      // Items are centred on their line: a second line shows as a centre one line-height lower.
      // (Items hidden at this width take no line.)
      const shown = [...bar.children].filter((c) => c.getBoundingClientRect().width > 0);
      const centres = shown.map((c) => {
        const r = c.getBoundingClientRect();
        return r.top + r.height / 2;
      });
      const rows = new Set(centres.map((y) => Math.round((y - centres[0]) / 12))).size;
      // One line that runs past the window's edge does not fit either (the bar clips, not wraps).
      const right = bar.getBoundingClientRect().right;
      const clipped = shown.some((c) => c.getBoundingClientRect().right > right + 0.5) || bar.scrollWidth > bar.clientWidth;
      return clipped ? -1 : rows;
    });
  }

  for (const size of SIZES) {
    const tag = `${size.width}x${size.height}`;

    it(`§2 ${tag}: Train is on the first screen; Ctrl+Enter, Space on the canvas and the bar drive a run; the toolbar stays one line`, async () => {
      const page = await openApp(app, size);
      const errors = watchErrors(page);
      const train = trainButton(page);
      await expect(train.isVisible()).resolves.toBe(true);
      await expect(train.isEnabled()).resolves.toBe(true);
      const box = await train.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width).toBe(true);
      await screenshot(page, `ws-01-first-screen-${tag}`);
      expect(await toolbarRows(page)).toBe(1);

      // A run long enough to be caught in progress on any machine, started by keyboard.
      await setEpochs(page, 200_000);
      await page.getByRole('region', { name: 'Network canvas' }).locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => runStatus(page)).toBe('running');
      const bar = page.getByRole('group', { name: 'Run controls' });
      await expect.poll(() => bar.getByTestId('runbar-epoch').textContent()).toMatch(/^\d+\/200000$/);
      await page.keyboard.press('Space');
      await expect.poll(() => runStatus(page)).toBe('paused');
      await expect(bar.getByRole('button', { name: 'Resume', exact: true }).isEnabled()).resolves.toBe(true);
      // While paused, no "a run is in progress" reason is shown (issue 13 §6).
      await expect(page.getByText('A run is in progress').count()).resolves.toBe(0);
      await page.getByRole('tab', { name: 'Charts' }).click();
      // §3: the live decision boundary, loss and accuracy are in view, uncut, without scrolling.
      await expect.poll(() => page.getByTestId('boundary-chart').count()).toBe(1);
      await screenshot(page, `ws-02-run-in-progress-${tag}`);
      expect(await toolbarRows(page)).toBe(1);
      for (const id of ['boundary-chart', 'loss-chart', 'accuracy-chart']) {
        expect(await inView(page, page.getByTestId(id).locator('figure')), `${id} at ${tag}`).toBe(true);
      }
      // Equal scale: the boundary's plot area is square (its box is the plot plus fixed margins).
      const fig = await page.getByTestId('boundary-chart').locator('.chart-canvas').boundingBox();
      expect(fig && Math.abs(fig.width - 64 - (fig.height - 80))).toBeLessThanOrEqual(1);
      // No tab label is cut off.
      for (const name of ['Node', 'Data', 'Training', 'Backprop', 'Charts', 'Compare', 'Runs', 'Lab']) {
        expect(await uncut(page.getByRole('tab', { name, exact: true })), `tab ${name} at ${tag}`).toBe(true);
      }
      await page.getByRole('region', { name: 'Network canvas' }).locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
      await page.keyboard.press('Space');
      await expect.poll(() => runStatus(page)).toBe('running');
      await bar.getByRole('button', { name: 'Stop', exact: true }).click();
      await expect.poll(() => runStatus(page)).toBe('stopped');

      await setEpochs(page, 400);
      await trainFromBar(page);
      expect(await runStatus(page)).toBe('done');
      await expect(bar.getByTestId('runbar-epoch').textContent()).resolves.toBe('400/400');
      expect(await toolbarRows(page)).toBe(1);
      await screenshot(page, `ws-03-finished-run-${tag}`);

      // Reset asks first; Cancel keeps the weights, confirming forgets them.
      const reset = bar.getByRole('button', { name: 'Reset weights' });
      await reset.click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(reset.isEnabled()).resolves.toBe(true);
      await reset.click();
      await dialog.getByRole('button', { name: 'Reset weights' }).click();
      await expect.poll(() => reset.isEnabled()).toBe(false);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('§3: the split between canvas and results follows a mouse drag, the charts fit the new room, and the split is remembered after a reload', async () => {
    const page = await openApp(app, SIZES[1]);
    const split = page.getByRole('separator', { name: 'Resize canvas and charts' });
    const before = Number(await split.getAttribute('aria-valuenow'));
    const lossHeight = async () => (await page.getByTestId('loss-chart').locator('.chart-canvas').boundingBox())?.height ?? 0;
    const h0 = await lossHeight();
    const box = await split.boundingBox();
    if (!box) throw new Error('the splitter is not visible');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y - 100, { steps: 8 });
    await page.mouse.up();
    const after = Number(await split.getAttribute('aria-valuenow'));
    expect(after).toBeLessThan(before - 5);
    await expect.poll(lossHeight).toBeGreaterThan(h0 + 50);
    expect(await inView(page, page.getByTestId('loss-chart').locator('figure'))).toBe(true);
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    await expect(split.getAttribute('aria-valuenow')).resolves.toBe(String(after));
    await page.close();
  });

  it('§4: New and the palette agree on Input, and a dropped block is centred where the pointer is', async () => {
    const page = await openApp(app, SIZES[1]);
    const errors = watchErrors(page);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => nodeIds(page)).toEqual(['input']);
    const canvas = page.getByRole('region', { name: 'Network canvas' });
    const palette = page.getByRole('region', { name: 'Palette' });
    const cbox = await canvas.boundingBox();
    if (!cbox) throw new Error('no canvas');
    // The guide's first step: drag Input from the palette. The one Input moves there; no second one, no error.
    await palette.getByRole('button', { name: 'Input', exact: true }).dragTo(canvas, { targetPosition: { x: 200, y: 120 } });
    await expect.poll(async () => (await page.locator('.react-flow__node[data-id="input"]').boundingBox())?.x ?? 0).toBeGreaterThan(cbox.x + 200 - 100 * (await canvasZoom(page)));
    expect(await nodeIds(page)).toEqual(['input']);
    await expect(page.getByText(/2 Input blocks/).count()).resolves.toBe(0);
    // A Linear dropped at a point is centred across on it, its top half a block above it.
    const zoom = await canvasZoom(page);
    const drop = { x: 480, y: 260 };
    await palette.getByRole('button', { name: 'Linear', exact: true }).dragTo(canvas, { targetPosition: drop });
    await expect.poll(() => nodeIds(page)).toHaveLength(2);
    const id = (await nodeIds(page)).find((n) => n !== 'input') ?? '';
    const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
    if (!box) throw new Error('the dropped block is not visible');
    expect(Math.abs(box.x + box.width / 2 - (cbox.x + drop.x))).toBeLessThanOrEqual(3);
    expect(Math.abs(box.y - (cbox.y + drop.y - HALF_BLOCK.y * zoom))).toBeLessThanOrEqual(3);
    // The unconnected block's problem is a marker on the block, the whole text in its tooltip.
    const badge = page.locator(`.react-flow__node[data-id="${id}"]`).getByRole('img', { name: 'Problem', exact: true });
    await expect(badge.getAttribute('title')).resolves.toMatch(/not connected to the Input: connect it into the chain or delete it/);
    // With Train off, its reason takes the stats' place in the bar, and the toolbar still fits.
    await expect(page.getByTestId('train-reason').isVisible()).resolves.toBe(true);
    expect(await toolbarRows(page)).toBe(1);
    expect(await uncut(page.getByRole('button', { name: 'Zoom to fit' }))).toBe(true);
    // A wire onto an input that has one replaces it: no "gets input from 2 blocks", one Undo brings the old one back.
    const sig = (await nodeIds(page)).length;
    await palette.getByRole('button', { name: 'Sigmoid', exact: true }).dragTo(canvas, { targetPosition: { x: 740, y: 110 } });
    await expect.poll(() => nodeIds(page)).toHaveLength(sig + 1);
    const sigId = (await nodeIds(page)).find((n) => n !== 'input' && n !== id) ?? '';
    await connect(page, 'input', sigId);
    await connect(page, id, sigId);
    await expect.poll(() => page.locator(`.react-flow__edge[data-id^="e-input-${sigId}"]`).count()).toBe(0);
    await expect(page.getByText(/input from 2 blocks/).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => page.locator(`.react-flow__edge[data-id^="e-input-${sigId}"]`).count()).toBe(1);
    await expect(page.locator(`.react-flow__edge[data-id^="e-${id}-${sigId}"]`).count()).resolves.toBe(0);
    await screenshot(page, 'ws-05-new-input-and-centred-drop-1280x720');
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const size of SIZES) {
    const tag = `${size.width}x${size.height}`;

    it(`§2 ${tag}: a typical file name is readable in the toolbar, with unsaved changes too`, async () => {
      const page = await openApp(app, size);
      await page.getByRole('combobox', { name: 'Open example' }).selectOption('residual-spiral');
      const name = page.getByRole('toolbar', { name: 'Main toolbar' }).getByTitle('residual-spiral.bpnn', { exact: true });
      await expect.poll(() => name.textContent()).toBe('residual-spiral.bpnn');
      expect(await uncut(name)).toBe(true);
      await setEpochs(page, 321);
      await expect.poll(() => page.getByTitle('Unsaved changes').isVisible()).toBe(true);
      expect(await uncut(name)).toBe(true);
      expect(await toolbarRows(page)).toBe(1);
      await screenshot(page, `ws-08-toolbar-file-name-${tag}`);
      await page.close();
    });

    it(`§3 ${tag}: the waves example's predictions table and the Data tab's label column fit their boxes`, async () => {
      const page = await openApp(app, size);
      await page.getByRole('combobox', { name: 'Open example' }).selectOption('waves-conv1d');
      await expect.poll(() => nodeIds(page)).toContain('conv1');
      await setEpochs(page, 2);
      await trainFromBar(page);
      const table = page.getByRole('region', { name: 'Predictions table' });
      await table.scrollIntoViewIfNeeded();
      // Every column in view without scrolling sideways: the class probabilities last of all. On a
      // wide screen too, where the charts' rows have room to put the table beside a chart.
      for (const width of [1920, size.width]) {
        await page.setViewportSize({ width, height: size.height });
        await expect.poll(() => table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      }
      const headers = await table.locator('thead th').allTextContents();
      expect(headers.filter((h) => h.startsWith('P('))).toHaveLength(3);
      for (const cell of await table.locator('tbody tr').first().locator('td').all()) expect(await cell.textContent()).toMatch(/^[^\d]*$|^-?\d[\d.]*(e-?\d+)?$/);
      await screenshot(page, `ws-09-waves-predictions-${tag}`);
      await showTab(page, 'Data');
      const label = page.getByLabel('Label column (optional)', { exact: true });
      await label.scrollIntoViewIfNeeded();
      const placeholderFits = await label.evaluate((el: HTMLInputElement) => {
        // The placeholder's width, measured as the input's own text (same font and padding).
        const probe = el.cloneNode() as HTMLInputElement;
        probe.value = el.placeholder;
        probe.style.width = '0';
        el.parentElement?.append(probe);
        const fits = probe.scrollWidth <= el.clientWidth;
        probe.remove();
        return fits;
      });
      expect(placeholderFits).toBe(true);
      await screenshot(page, `ws-10-data-label-column-${tag}`);
      await page.close();
    });

    it(`§5 ${tag}: weight heat maps on the connections never cover a block's title, before any Tidy layout`, async () => {
      const page = await openApp(app, size);
      const inspector = page.getByRole('region', { name: 'Inspector' });
      await inspector.getByRole('tab', { name: 'Backprop' }).click();
      await inspector.getByRole('checkbox', { name: /Show weight heat maps/ }).check();
      // XOR: three connections into a Linear (fc1, fc2, fc3), in the example's own layout.
      await expect.poll(() => page.locator('.bp-edge-weights').count()).toBe(3);
      const covered = () =>
        page.evaluate(() => {
          const heads = [...document.querySelectorAll('.react-flow__node')].map((n) => ({ id: n.getAttribute('data-id'), r: n.querySelector('.bp-node-head')!.getBoundingClientRect() }));
          const hits: string[] = [];
          for (const m of document.querySelectorAll('.bp-edge-weights')) {
            const b = m.getBoundingClientRect();
            for (const { id, r } of heads) if (b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top) hits.push(`${m.getAttribute('data-edge')} over ${id}`);
          }
          return hits;
        });
      await expect.poll(covered).toEqual([]);
      await screenshot(page, `ws-11-heat-maps-untidied-${tag}`);
      await page.close();
    });

    it(`§4 ${tag}: a block keeps its size and its handles their place when it gets a problem; the text is in its tooltip and the Node tab`, async () => {
      const page = await openApp(app, size);
      const errors = watchErrors(page);
      const block = page.locator('.react-flow__node[data-id="fc2"]');
      // Layout sizes, in flow units: the canvas's zoom may still settle meanwhile.
      const layout = () =>
        block.evaluate((el: HTMLElement) => {
          const h = el.querySelector<HTMLElement>('.react-flow__handle.source');
          return { width: el.offsetWidth, height: el.offsetHeight, handleTop: h?.offsetTop };
        });
      const before = await layout();
      // Disconnect fc2 from the block before it, from the Node tab (as "Input from" offers).
      await nodeGroup(page, 'Linear', 'fc2').locator('.bp-node-title').click();
      await showTab(page, 'Node');
      const inspector = page.getByRole('region', { name: 'Inspector' });
      await inspector.getByLabel('Input from', { exact: true }).selectOption('');
      await expect.poll(() => nodeGroup(page, 'Linear', 'fc2').getAttribute('aria-invalid')).toBe('true');
      const badge = block.getByRole('img', { name: 'Problem', exact: true });
      await expect(badge.getAttribute('title')).resolves.toMatch(/fc2.*not connected to the Input/);
      expect(await layout()).toEqual(before);
      await expect(inspector.getByRole('alert').textContent()).resolves.toMatch(/not connected to the Input/);
      await screenshot(page, `ws-06-block-problem-badge-${tag}`);

      // Several problems: the first in the Node tab, the rest behind "(and N more problems)".
      await page.getByRole('button', { name: 'New', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: "Don't Save", exact: true }).click();
      await expect.poll(() => nodeIds(page)).toEqual(['input']);
      const add = await dragFromPalette(page, 'Add', { x: 60, y: 20 });
      await nodeGroup(page, 'Add', add).locator('.bp-node-title').click();
      await showTab(page, 'Node');
      await expect(nodeGroup(page, 'Add', add).getByRole('img', { name: '2 problems', exact: true }).count()).resolves.toBe(1);
      await expect(inspector.getByRole('alert').count()).resolves.toBe(1);
      const more = inspector.getByText('(and 1 more problem)', { exact: true });
      const hidden = inspector.locator('.node-problem-more .node-problem');
      expect(await hidden.isVisible()).toBe(false);
      await more.click();
      await expect.poll(() => hidden.isVisible()).toBe(true);
      await screenshot(page, `ws-07-node-tab-more-problems-${tag}`);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('§5: the Backprop tab starts on a sample with no zero input, says why zeros appear, and its step buttons stay in view while it scrolls', async () => {
    const page = await openApp(app, SIZES[1]);
    await page.getByRole('region', { name: 'Inspector' }).getByRole('tab', { name: 'Backprop' }).click();
    const picker = page.getByRole('region', { name: 'Inspector' }).getByLabel('Sample');
    const chosen = await picker.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    expect(chosen).not.toMatch(/\(0, |, 0\)/);
    await expect(page.getByTestId('zero-input-note').count()).resolves.toBe(0);
    const controls = page.getByRole('toolbar', { name: 'Step-through controls' });
    for (let i = 0; i < 7; i++) {
      await controls.getByRole('button', { name: 'Step forward', exact: true }).click();
      expect(await inView(page, controls), `after step ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 6; i++) {
      await controls.getByRole('button', { name: 'Step backward', exact: true }).click();
      expect(await inView(page, controls), `after backward step ${i + 1}`).toBe(true);
    }
    await screenshot(page, 'ws-06-backprop-steps-in-view-1280x720');
    // An open "why" stays whole below the buttons however far the panel scrolls.
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector.getByRole('button', { name: /Δ₃ = ∂L\/∂z₃ \(output delta\)/ }).first().click();
    const why = inspector.getByRole('region', { name: 'Why this number' });
    await why.waitFor();
    for (const to of ['bottom', 'middle']) {
      await controls.evaluate((el, where) => {
        for (let p = el.parentElement; p; p = p.parentElement) {
          if (p.scrollHeight > p.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(p).overflowY)) {
            p.scrollTop = where === 'bottom' ? p.scrollHeight : p.scrollHeight / 2;
            return;
          }
        }
      }, to);
      const [bar, head] = await Promise.all([controls.boundingBox(), why.locator('.bp-why-head').boundingBox()]);
      if (!bar || !head) throw new Error('controls or why not visible');
      expect(head.y, `why heading below the buttons, scrolled to the ${to}`).toBeGreaterThanOrEqual(bar.y + bar.height - 0.5);
      expect(await inView(page, why.locator('.bp-why-head')), `why heading in view, scrolled to the ${to}`).toBe(true);
    }
    await screenshot(page, 'ws-06b-backprop-why-below-steps-1280x720');
    // The lab's (0, 0) sample: the zeros are explained.
    await picker.selectOption('0');
    await expect(page.getByTestId('zero-input-note').textContent()).resolves.toMatch(/Every input of this sample is 0/);
    await page.close();
  });

  it('§1: for every pair of data sets (and a CSV), train on one, switch to the other: no error, no mixed results; back again, the results hold', async () => {
    const page = await openApp(app, SIZES[1]);
    const errors = watchErrors(page);
    const dir = join(ROOT, 'test-results/e2e-files');
    mkdirSync(dir, { recursive: true });
    const csv = join(dir, 'ws-points.csv');
    writeFileSync(csv, ['x1,x2,label', ...Array.from({ length: 30 }, (_, i) => `${(i % 6) / 5},${Math.floor(i / 6) / 4},${i % 2}`)].join('\n'));
    // The lab network (2 inputs, one sigmoid output) trains on the 2-class sets; every set is a
    // place to switch to, including the 3-class ones and the 1-D signals it cannot train on.
    const generators = ['linear', 'xor', 'circle', 'spiral', 'gaussian', 'waves'];
    const trainable = ['linear', 'xor', 'circle', 'csv'];
    const samples: Record<string, number> = {};
    const choose = async (name: string) => {
      if (name !== 'csv') return chooseData(page, name);
      await showTab(page, 'Data');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import CSV…' }).click()]);
      await chooser.setFiles(csv);
      await expect.poll(() => page.getByTestId('data-summary').textContent()).toContain('30 samples');
    };
    const caption = () => page.getByRole('region', { name: 'Predictions table' }).locator('caption');
    await setEpochs(page, 30);
    await page.getByRole('tab', { name: 'Charts' }).click();
    for (const from of trainable) {
      await choose(from);
      samples[from] = Number(/(\d+) samples/.exec((await page.getByTestId('data-summary').textContent()) ?? '')?.[1]);
      await trainFromBar(page);
      expect(await runStatus(page)).toBe('done');
      await expect.poll(() => caption().textContent()).toMatch(new RegExp(`right: \\d+ of ${samples[from]} samples`));
      for (const to of [...generators, 'csv'].filter((d) => d !== from)) {
        // The CSV, once imported, is one of the choices in the list; choosing it again re-imports it.
        await choose(to);
        await expect.poll(() => page.getByTestId('previous-setup').isVisible(), { message: `${from} → ${to}` }).toBe(true);
        expect(await boundaryProblems(page), `${from} → ${to}`).toBeNull();
        // No prediction of the old weights is drawn against the new data, and no "done".
        await expect(page.getByRole('region', { name: 'Predictions table' }).count()).resolves.toBe(0);
        await expect(page.getByTestId('boundary-chart').count()).resolves.toBe(0);
        expect(await runStatus(page)).not.toMatch(/done/);
        // The run bar says so in full: its note is not clipped at the bar's edge.
        const bar = page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('group', { name: 'Run controls' });
        expect(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth), `${from} → ${to}: run bar clipped`).toBe(true);
        if (from === 'xor' && to === 'linear') await screenshot(page, 'ws-04-previous-setup-1280x720');
      }
      // Back on the data it trained on, its results are its own again.
      await choose(from);
      await expect.poll(() => page.getByTestId('previous-setup').count()).toBe(0);
      await expect.poll(() => caption().textContent()).toMatch(new RegExp(`right: \\d+ of ${samples[from]} samples`));
      expect(await runStatus(page)).toBe('done');
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
