// Checks the desktop tests share, on top of the browser suite's editor helpers (test/e2e/editor.ts).
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { nodeIds } from '../../e2e/editor';
import type { MainProcess } from './host';

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
