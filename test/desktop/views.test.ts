// The sweep and the Backprop views through the desktop backend: the runs are trained by main's
// worker threads (one pool, queued by main), and their events, typed arrays included, reach the
// Compare view and the neuron views over IPC.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TrainingEvent } from '../../electron/ipc/contract';
import { ROOT, screenshot } from '../e2e/harness';
import { showTab } from '../e2e/editor';
import { SKIP_BROWSER, type MainProcess } from './harness/host';
import { canvasShows, useDesktop, setTrainingNumber, toolbar } from './harness/app';

const XOR_NODES = ['input', 'fc1', 'sig1', 'fc2', 'sig2', 'fc3', 'sig3'];
const LEARNING_RATES = ['lr 0.0005', 'lr 0.005', 'lr 0.05', 'lr 0.5', 'lr 1'];
const SWEEP_EPOCHS = 300;

function trainingEvents(main: MainProcess): TrainingEvent[] {
  return main.sent.filter((s) => s.channel === 'training:event').map((s) => s.args[0] as TrainingEvent);
}

async function openBackprop(page: Page) {
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('tab', { name: 'Backprop' }).click();
  return inspector;
}

/** The thumbnail canvas of a node's units, as pixels (one string per moment, for comparing). */
async function thumbnails(page: Page, nodeId: string): Promise<string> {
  return page.evaluate((id) => {
    const c = document.querySelector(`.react-flow__node[data-id="${id}"] canvas.bp-thumbs-canvas`) as HTMLCanvasElement | null;
    return c ? Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data).join(',') : '';
  }, nodeId);
}

describe.skipIf(SKIP_BROWSER)('the sweep and the Backprop views through the desktop backend', () => {
  const app = useDesktop();

  it('runs the learning-rate sweep on XOR in main’s worker pool: five runs to the end, five curves, five table rows', async () => {
    const main = app.start();
    const win = await main.window();
    const page = win.page;
    await canvasShows(page, XOR_NODES);
    await setTrainingNumber(page, 'Epochs', String(SWEEP_EPOCHS));
    await page.getByRole('tablist', { name: 'Results views' }).getByRole('tab', { name: 'Compare' }).click();
    const compare = page.getByRole('region', { name: 'Compare' });
    for (const lr of LEARNING_RATES) await expect(compare.getByRole('checkbox', { name: lr }).isChecked()).resolves.toBe(true);
    // One seed per value (five runs); the default repeats each value over 5 seeds.
    await compare.getByLabel('Seeds per value').fill('1');
    await compare.getByLabel('Seeds per value').press('Enter');
    await compare.getByRole('button', { name: 'Run sweep' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="sweep-results"]')?.getAttribute('data-status') === 'finished', undefined, {
      timeout: 180_000,
    });

    for (const lr of LEARNING_RATES) {
      await expect(compare.getByRole('progressbar', { name: `${lr} progress` }).getAttribute('aria-valuenow')).resolves.toBe(String(SWEEP_EPOCHS));
    }
    await expect(compare.getByTestId('sweep-loss-chart').getAttribute('data-series')).resolves.toBe('5');
    await expect(compare.getByTestId('sweep-table').locator('tbody tr').count()).resolves.toBe(5);
    await expect(compare.getByTestId('sweep-table').locator('tbody tr th').allTextContents()).resolves.toEqual(LEARNING_RATES);
    // Main trained five runs, each to exactly one 'done', every epoch once.
    const events = trainingEvents(main);
    const runs = new Set(events.map((e) => e.runId));
    expect(runs.size).toBe(5);
    for (const runId of runs) {
      const mine = events.filter((e) => e.runId === runId);
      expect(mine.filter((e) => ['done', 'stopped', 'diverged', 'error'].includes(e.type)).map((e) => e.type), runId).toEqual(['done']);
      const epochs = mine.flatMap((e) => (e.type === 'progress' ? e.epochs.map((m) => m.epoch) : []));
      expect(epochs, runId).toEqual(Array.from({ length: SWEEP_EPOCHS }, (_, i) => i + 1));
    }
    await compare.getByTestId('sweep-loss-chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'desktop-09-sweep');
    expect(win.pageErrors).toEqual([]);
  });

  it('steps through backpropagation on XOR, and the neuron views follow a stepped run of the circle network, one snapshot per step', async () => {
    const main = app.start();
    const win = await main.window();
    const page = win.page;
    await canvasShows(page, XOR_NODES);

    // The step-through: forward node by node to the loss, then back to the output's delta.
    const inspector = await openBackprop(page);
    const controls = page.getByRole('toolbar', { name: 'Step-through controls' });
    for (let i = 0; i < 7; i++) await controls.getByRole('button', { name: 'Step forward', exact: true }).click();
    await expect.poll(() => inspector.getByRole('status').first().textContent()).toContain('loss computed');
    await controls.getByRole('button', { name: 'Step backward', exact: true }).click();
    await inspector.getByRole('button', { name: /^Δ₃ = ∂L\/∂z₃ \(output delta\) of sig3 \[0,0\]/ }).first().waitFor();
    await screenshot(page, 'desktop-10-backprop-step-through');

    // The 2-16-1 tanh network on the circle data, opened through main's Open dialog.
    await toolbar(page, 'Open');
    (await main.dialogs.next('showOpenDialog')).open(path.join(ROOT, 'test/fixtures/circle-tanh.bpnn'));
    await page.locator('.react-flow__node[data-id="tanh1"]').waitFor();
    const panel = await openBackprop(page);
    await panel.getByRole('checkbox', { name: /Show neuron views/ }).check();
    await page.locator('.react-flow__node[data-id="tanh1"] canvas.bp-thumbs-canvas').waitFor();
    const seen = new Set<string>([await thumbnails(page, 'tanh1')]);

    // Each Step is one epoch in main's worker and one snapshot over IPC, whatever this machine's speed.
    const STEPS = 3;
    for (let epoch = 1; epoch <= STEPS; epoch++) {
      await showTab(page, 'Training');
      await page.getByRole('group', { name: 'Run controls' }).getByRole('button', { name: 'Step', exact: true }).click();
      await openBackprop(page);
      await expect.poll(() => page.locator('.bp-views-source').textContent()).toBe(`Live, epoch ${epoch}.`);
      seen.add(await thumbnails(page, 'tanh1'));
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
    const weights = trainingEvents(main).filter((e) => e.type === 'weights');
    expect(weights.length).toBeGreaterThanOrEqual(STEPS);
    await screenshot(page, 'desktop-11-neuron-views-stepped');

    await showTab(page, 'Training');
    await page.getByRole('group', { name: 'Run controls' }).getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('stopped');
    expect(win.pageErrors).toEqual([]);
  });
});
