// Hot exit through the desktop app's real main process (docs/reliability.md D5, D6): main is
// killed with SIGKILL while a run trains and the project has unsaved changes; the next start
// offers the backup, and restoring it brings the changes back as unsaved work.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, screenshot } from '../e2e/harness';
import { showTab } from '../e2e/editor';
import { buildDesktop, Desktop, privateDir, SKIP_BROWSER, type MainProcess } from './harness/host';
import { canvasShows, expectHonest, setTrainingNumber, trainingNumber } from './harness/app';

const XOR_NODES = ['input', 'fc1', 'sig1', 'fc2', 'sig2', 'fc3', 'sig3'];

/** The texts of the hot-exit backups main has written under userData. */
function backupTexts(userData: string): string[] {
  const root = path.join(userData, 'Backups');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((d) => path.join(root, d, 'backup.json'))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, 'utf8'));
}

describe.skipIf(SKIP_BROWSER)('recovery after the main process is killed', () => {
  let desktop: Desktop;
  const mains: MainProcess[] = [];
  beforeAll(async () => {
    desktop = await Desktop.launch(await buildDesktop());
  });
  afterEach(async () => {
    for (const m of mains.splice(0)) {
      expectHonest(m);
      await m.dispose();
    }
  });
  afterAll(async () => {
    await desktop?.close();
  });

  it('D6: kill -9 during a run with unsaved changes; the next start offers the backup and restores the project', async () => {
    const work = privateDir('bpnn-desktop-work-');
    const file = path.join(work, 'xor.bpnn');
    copyFileSync(path.join(ROOT, 'examples/xor.bpnn'), file);
    const original = readFileSync(file);
    const userData = privateDir('bpnn-desktop-userdata-');

    const first = desktop.start({ userData, args: ['.', file] });
    mains.push(first);
    const win = await first.window();
    await canvasShows(win.page, XOR_NODES);
    await setTrainingNumber(win.page, 'Epochs', '100000');
    await win.waitForTitle((t) => t === '● xor.bpnn • BPNN Studio');
    await showTab(win.page, 'Training');
    await win.page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => win.page.getByTestId('run-status').textContent()).toBe('running');
    // The run streams from main, and main has backed the unsaved change up (about a second after the edit).
    await expect.poll(() => first.sent.some((s) => s.channel === 'training:event')).toBe(true);
    await expect.poll(() => backupTexts(userData).some((t) => t.includes('\\"epochs\\": 100000')), { timeout: 30_000 }).toBe(true);
    await screenshot(win.page, 'desktop-06-training-before-kill');

    await first.kill();
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(win.closed).toBe(true);
    // Nothing was saved: the file is as it was.
    expect(readFileSync(file)).toEqual(original);

    const second = desktop.start({ userData });
    mains.push(second);
    const again = await second.window();
    const offer = again.page.getByRole('dialog', { name: 'Restore unsaved work?' });
    await offer.waitFor();
    expect(await offer.textContent()).toContain('xor.bpnn');
    await screenshot(again.page, 'desktop-07-recovery-offered');
    await offer.getByRole('button', { name: 'Restore' }).click();
    await canvasShows(again.page, XOR_NODES);
    await expect.poll(() => trainingNumber(again.page, 'Epochs')).toBe('100000');
    // Restored work is unsaved work, under its own name.
    await again.waitForTitle((t) => t === '● xor.bpnn • BPNN Studio');
    // The backup names a path this session never chose, so Save asks where (D6).
    await again.page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Save', exact: true }).click();
    const where = await second.dialogs.next('showSaveDialog');
    expect(where.options).toMatchObject({ defaultPath: 'xor.bpnn' });
    const restored = path.join(work, 'restored.bpnn');
    where.saveTo(restored);
    await again.waitForTitle((t) => t === 'restored.bpnn • BPNN Studio');
    expect(readFileSync(restored, 'utf8')).toContain('"epochs": 100000');
    expect(readFileSync(file)).toEqual(original);
    expect(again.pageErrors).toEqual([]);
  });
});
