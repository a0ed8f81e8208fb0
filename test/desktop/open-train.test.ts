// The desktop app as a whole, through its real main process: the OS hands it examples/xor.bpnn
// (on the command line, then again as macOS's open-file), the window shows it, and Train streams
// every epoch from the training worker thread through IPC into the charts until the run is done.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../../electron/ipc/contract';
import { APP_ENTRY } from '../../electron/main/window';
import { ROOT, screenshot } from '../e2e/harness';
import { showTab, trainToEnd } from '../e2e/editor';
import { privateDir, SKIP_BROWSER, toPageUrl } from './harness/host';
import { canvasShows, useDesktop } from './harness/app';

describe.skipIf(SKIP_BROWSER)('the desktop app opens a file from the OS and trains it through main', () => {
  const app = useDesktop();

  it('opens examples/xor.bpnn named on the command line, trains it to 5000 / 5000 epochs at 100% with every epoch streamed over IPC', async () => {
    const work = privateDir('bpnn-desktop-work-');
    const file = path.join(work, 'xor.bpnn');
    copyFileSync(path.join(ROOT, 'examples/xor.bpnn'), file);
    const main = app.start({ args: ['.', file] });
    const win = await main.window();

    // S1: the window main made is hardened, loads the app entry, and is shown once ready.
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(win.page.url()).toBe(toPageUrl(APP_ENTRY));
    await expect.poll(() => win.visible).toBe(true);
    // The renderer talks to main through the preload, not the browser build's Web Worker.
    expect(await win.page.evaluate(() => (window as unknown as { bpnn?: { platform: string } }).bpnn?.platform)).toBe('desktop');

    await canvasShows(win.page, ['input', 'fc1', 'sig1', 'fc2', 'sig2', 'fc3', 'sig3']);
    expect(await win.waitForTitle((t) => t.startsWith('xor.bpnn'))).toBe('xor.bpnn • BPNN Studio');
    await screenshot(win.page, 'desktop-01-opened-from-command-line');

    expect(await trainToEnd(win.page)).toBe('done');
    await expect.poll(() => win.page.getByTestId('run-epoch').textContent()).toBe('5000 / 5000');
    await expect.poll(() => win.page.getByTestId('run-accuracy').textContent()).toBe('100.0%');
    await expect.poll(() => win.page.getByRole('img', { name: 'Loss chart' }).textContent()).toContain('5000 epochs');
    await expect.poll(() => win.page.getByRole('progressbar', { name: 'Training progress' }).getAttribute('aria-valuenow')).toBe('5000');

    // What main sent: the run's epochs, each once and in order, then one terminal event.
    const events = main.sent.filter((s) => s.channel === 'training:event').map((s) => s.args[0] as TrainingEvent);
    const epochs = events.flatMap((e) => (e.type === 'progress' ? e.epochs.map((m) => m.epoch) : []));
    expect(epochs).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(events.filter((e) => ['done', 'stopped', 'diverged', 'error'].includes(e.type)).map((e) => e.type)).toEqual(['done']);
    // The decision boundary crossed IPC as typed arrays (structured clone, as Electron's IPC does).
    const boundary = events.find((e) => e.type === 'boundary');
    expect(boundary && boundary.type === 'boundary' && boundary.probs instanceof Float64Array).toBe(true);
    await showTab(win.page, 'Training');
    await win.page.getByRole('img', { name: 'Loss chart' }).scrollIntoViewIfNeeded();
    await screenshot(win.page, 'desktop-02-trained-through-main');
    expect(win.pageErrors).toEqual([]);
  });

  it('shows a file the OS hands over later (open-file, a second launch) in the running window', async () => {
    const work = privateDir('bpnn-desktop-work-');
    const linear = path.join(work, 'linear.bpnn');
    const spiral = path.join(work, 'spiral.bpnn');
    copyFileSync(path.join(ROOT, 'examples/linear.bpnn'), linear);
    copyFileSync(path.join(ROOT, 'examples/spiral-softmax.bpnn'), spiral);
    const main = app.start();
    const win = await main.window();
    // No file named: the XOR example, untitled.
    await canvasShows(win.page, ['input', 'fc1', 'sig1', 'fc2', 'sig2', 'fc3', 'sig3']);

    await main.openFile(linear);
    await win.waitForTitle((t) => t === 'linear.bpnn • BPNN Studio');
    await expect.poll(() => win.page.title()).toContain('linear.bpnn');

    await main.secondInstance([spiral], work);
    await win.waitForTitle((t) => t === 'spiral.bpnn • BPNN Studio');
    await expect.poll(() => win.page.title()).toContain('spiral.bpnn');
    expect(win.focused).toBeGreaterThan(0);
    expect(main.dialogs.asked).toEqual([]);
  });
});
