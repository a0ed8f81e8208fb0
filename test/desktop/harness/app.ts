// Checks the desktop tests share, on top of the browser suite's editor helpers (test/e2e/editor.ts).
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { nodeIds } from '../../e2e/editor';
import { buildDesktop, Desktop, type MainProcess } from './host';

/** Waits until the canvas shows exactly these nodes. */
export async function canvasShows(page: Page, ids: string[]): Promise<void> {
  await page.getByRole('region', { name: 'Network canvas' }).locator('.react-flow__node').first().waitFor();
  await expect.poll(() => nodeIds(page).then((n) => [...n].sort())).toEqual([...ids].sort());
}

/** Main (and the preload) used nothing the stand-in does not implement, and main logged no crash. */
export function expectHonest(main: MainProcess): void {
  expect(main.unimplemented, 'Electron APIs the stand-in does not implement').toEqual([]);
  expect(main.logs.filter((l) => /Uncaught|UnhandledPromiseRejection|TypeError|ReferenceError/.test(l))).toEqual([]);
}

/** Types a number into a field of the Training tab and confirms it, as a person does. */
export async function setTrainingNumber(page: Page, label: string, value: string): Promise<void> {
  await page.getByRole('region', { name: 'Inspector' }).getByRole('tab', { name: 'Training' }).click();
  const input = page.getByRole('region', { name: 'Training' }).getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press('Enter');
}

export async function trainingNumber(page: Page, label: string): Promise<string> {
  await page.getByRole('region', { name: 'Inspector' }).getByRole('tab', { name: 'Training' }).click();
  return page.getByRole('region', { name: 'Training' }).getByLabel(label, { exact: true }).inputValue();
}

/** Clicks a button of the main toolbar (Open, Save, Save As, …). */
export async function toolbar(page: Page, name: string): Promise<void> {
  await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name, exact: true }).click();
}

/**
 * One stand-in desktop for a test file and one main process per test: launched before the file,
 * checked honest and disposed after each test, closed after the file. `prepare` runs once the
 * desktop is up (e.g. to serve a foreign page).
 */
export function useDesktop(prepare?: (desktop: Desktop) => void): { start(opts?: Parameters<Desktop['start']>[0]): MainProcess } {
  let desktop: Desktop | undefined;
  let main: MainProcess | null = null;
  beforeAll(async () => {
    desktop = await Desktop.launch(await buildDesktop());
    prepare?.(desktop);
  });
  afterEach(async () => {
    if (main) expectHonest(main);
    await main?.dispose();
    main = null;
  });
  afterAll(async () => {
    await desktop?.close();
  });
  return {
    start(opts) {
      if (!desktop) throw new Error('the desktop is not up yet');
      main = desktop.start(opts);
      return main;
    },
  };
}
