// Files through the desktop app's real main process: Save and Save As through the dialog
// stand-in write atomically and keep the previous version as .bak (docs/reliability.md D1, D4),
// Open refuses a hostile file with a message and the window keeps working (F8), and closing with
// unsaved changes asks Save / Don't Save / Cancel, each answer doing what it says (D8).
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../core/index';
import { ROOT, screenshot } from '../e2e/harness';
import { nodeIds } from '../e2e/editor';
import { privateDir, SKIP_BROWSER } from './harness/host';
import { canvasShows, useDesktop, setTrainingNumber, toolbar } from './harness/app';

const XOR_NODES = ['input', 'fc1', 'sig1', 'fc2', 'sig2', 'fc3', 'sig3'];
const EXAMPLE = readFileSync(path.join(ROOT, 'examples/xor.bpnn'));

function epochsIn(file: string): number {
  const parsed = parseProject(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not load: ${JSON.stringify(parsed.problems)}`);
  return parsed.project.training.epochs;
}

/** The folder's files: a save that left a temp file behind would show here. */
const filesIn = (dir: string) => readdirSync(dir).sort();

/** backup.json files under main's userData (the hot-exit backups of unsaved work). */
function backupsIn(userData: string): string[] {
  const root = path.join(userData, 'Backups');
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((d) => existsSync(path.join(root, d, 'backup.json')));
}

describe.skipIf(SKIP_BROWSER)('files through the desktop main process', () => {
  const app = useDesktop();

  function openCopyOfXor(): { work: string; file: string } {
    const work = privateDir('bpnn-desktop-work-');
    const file = path.join(work, 'xor.bpnn');
    copyFileSync(path.join(ROOT, 'examples/xor.bpnn'), file);
    return { work, file };
  }

  it('D1, D4: Save writes the open file in place and keeps the old one as .bak; Save As asks where and writes there, leaving no temp file', async () => {
    const { work, file } = openCopyOfXor();
    const main = app.start({ args: ['.', file] });
    const win = await main.window();
    await canvasShows(win.page, XOR_NODES);

    await setTrainingNumber(win.page, 'Epochs', '1234');
    await win.waitForTitle((t) => t === '● xor.bpnn • BPNN Studio');
    await toolbar(win.page, 'Save');
    await win.waitForTitle((t) => t === 'xor.bpnn • BPNN Studio');
    // The file the user opened may be written without asking again.
    expect(main.dialogs.asked).toEqual([]);
    expect(filesIn(work)).toEqual(['xor.bpnn', 'xor.bpnn.bak']);
    expect(epochsIn(file)).toBe(1234);
    expect(readFileSync(`${file}.bak`)).toEqual(EXAMPLE);

    // Save As from the menu: main asks where, with the project's name and the .bpnn filter.
    await setTrainingNumber(win.page, 'Epochs', '2345');
    await win.waitForTitle((t) => t.startsWith('● '));
    await main.clickMenu('File', 'Save As…');
    const asked = await main.dialogs.next('showSaveDialog');
    expect(asked.winId).toBe(win.id);
    expect(asked.options).toMatchObject({ defaultPath: 'xor.bpnn', filters: [{ extensions: ['bpnn'] }] });
    const copy = path.join(work, 'copy.bpnn');
    asked.saveTo(copy);
    await win.waitForTitle((t) => t === 'copy.bpnn • BPNN Studio');
    expect(filesIn(work)).toEqual(['copy.bpnn', 'xor.bpnn', 'xor.bpnn.bak']);
    expect(epochsIn(copy)).toBe(2345);
    expect(epochsIn(file)).toBe(1234);

    // Save As onto an existing file (the dialog has asked to replace it): the old one is the .bak.
    await setTrainingNumber(win.page, 'Epochs', '3456');
    await win.waitForTitle((t) => t.startsWith('● '));
    await toolbar(win.page, 'Save As');
    (await main.dialogs.next('showSaveDialog')).saveTo(copy);
    await win.waitForTitle((t) => t === 'copy.bpnn • BPNN Studio');
    expect(filesIn(work)).toEqual(['copy.bpnn', 'copy.bpnn.bak', 'xor.bpnn', 'xor.bpnn.bak']);
    expect(epochsIn(copy)).toBe(3456);
    expect(epochsIn(`${copy}.bak`)).toBe(2345);
    await expect.poll(() => win.page.title()).not.toContain('•');
    await screenshot(win.page, 'desktop-03-saved-as');
    expect(win.pageErrors).toEqual([]);
  });

  it('F8: Open refuses a hostile file with its path and reason as plain text; the project stays and the window keeps working', async () => {
    const work = privateDir('bpnn-desktop-work-');
    const hostileKey = '<img src=x onerror=alert(1)>';
    const hostile = path.join(work, 'hostile.bpnn');
    const example = JSON.parse(EXAMPLE.toString('utf8')) as Record<string, unknown>;
    writeFileSync(hostile, JSON.stringify({ ...example, meta: { [hostileKey]: 1 }, [hostileKey]: 'x' }));
    const linear = path.join(work, 'linear.bpnn');
    copyFileSync(path.join(ROOT, 'examples/linear.bpnn'), linear);

    const main = app.start();
    const win = await main.window();
    await canvasShows(win.page, XOR_NODES);
    const title = await win.waitForTitle((t) => t.length > 0);
    const pageDialogs: string[] = [];
    win.page.on('dialog', (d) => {
      pageDialogs.push(d.message());
      void d.dismiss();
    });

    await toolbar(win.page, 'Open');
    const asked = await main.dialogs.next('showOpenDialog');
    expect(asked.options).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['bpnn'] }] });
    asked.open(hostile);
    const banner = win.page.getByRole('alert').filter({ hasText: 'hostile.bpnn' });
    await banner.waitFor();
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('Could not open hostile.bpnn');
    expect(text).toContain(hostileKey);
    expect(text).not.toMatch(/at \w+ \(|Error:|\.(ts|cjs|js):\d+/);
    expect(await banner.locator('img').count()).toBe(0);
    expect(await win.page.locator('img[src="x"]').count()).toBe(0);
    expect(pageDialogs).toEqual([]);
    expect([...(await nodeIds(win.page))].sort()).toEqual([...XOR_NODES].sort());
    expect(win.title).toBe(title);
    await screenshot(win.page, 'desktop-04-hostile-file-refused');

    // The window keeps working: the next Open shows the file.
    await toolbar(win.page, 'Open');
    (await main.dialogs.next('showOpenDialog')).open(linear);
    await win.waitForTitle((t) => t === 'linear.bpnn • BPNN Studio');
    await expect.poll(() => banner.count()).toBe(0);
    expect(main.dialogs.unanswered()).toEqual([]);
    expect(win.pageErrors).toEqual([]);
  });

  it("D8: closing with unsaved changes asks Save / Don't Save / Cancel: Cancel keeps the window and the work, Don't Save closes without writing", async () => {
    const { file } = openCopyOfXor();
    const main = app.start({ args: ['.', file] });
    const win = await main.window();
    await canvasShows(win.page, XOR_NODES);
    await setTrainingNumber(win.page, 'Epochs', '1234');
    await win.waitForTitle((t) => t === '● xor.bpnn • BPNN Studio');

    expect(await win.close()).toBe(false);
    const prompt = await main.dialogs.next('showMessageBox');
    expect(prompt.winId).toBe(win.id);
    expect(prompt.message).toBe('Do you want to save the changes you made to xor.bpnn?');
    expect(prompt.buttons).toEqual(['Save', "Don't Save", 'Cancel']);
    await screenshot(win.page, 'desktop-05-close-asks');
    prompt.click('Cancel');
    await main.settled();
    expect(main.isAlive).toBe(true);
    expect(win.closed).toBe(false);
    expect(win.title).toBe('● xor.bpnn • BPNN Studio');

    // Quit asks the same; Cancel keeps the app running.
    await main.quit();
    (await main.dialogs.next('showMessageBox')).click('Cancel');
    await main.settled();
    expect(main.isAlive).toBe(true);
    expect(win.closed).toBe(false);

    expect(await win.close()).toBe(false);
    (await main.dialogs.next('showMessageBox')).click("Don't Save");
    expect(await main.exited).toEqual({ code: 0, signal: null });
    expect(win.closed).toBe(true);
    expect(readFileSync(file)).toEqual(EXAMPLE);
    // Don't Save also drops the crash backup of the discarded changes.
    expect(backupsIn(main.userData)).toEqual([]);
  });

  it('D8: Save in the close prompt saves (asking where for an untitled project) and then closes', async () => {
    const work = privateDir('bpnn-desktop-work-');
    const main = app.start();
    const win = await main.window();
    await canvasShows(win.page, XOR_NODES);
    await setTrainingNumber(win.page, 'Epochs', '4321');
    await win.waitForTitle((t) => t.startsWith('● '));

    expect(await win.close()).toBe(false);
    (await main.dialogs.next('showMessageBox')).click('Save');
    const where = await main.dialogs.next('showSaveDialog');
    expect(where.options).toMatchObject({ defaultPath: 'xor.bpnn' });
    const kept = path.join(work, 'kept.bpnn');
    where.saveTo(kept);
    expect(await main.exited).toEqual({ code: 0, signal: null });
    expect(epochsIn(kept)).toBe(4321);
    expect(filesIn(work)).toEqual(['kept.bpnn']);
    expect(backupsIn(main.userData)).toEqual([]);
  });
});
