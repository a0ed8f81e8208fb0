// S1's assertion on one window's webPreferences, shared by the policy and wiring tests.
import path from 'node:path';
import { expect } from 'vitest';

export function expectHardened(prefs: Record<string, unknown> | undefined): void {
  expect(prefs).toBeDefined();
  const p = prefs as Record<string, unknown>;
  expect(p.contextIsolation).toBe(true);
  expect(p.sandbox).toBe(true);
  expect(p.nodeIntegration).not.toBe(true);
  expect(p.nodeIntegrationInWorker).not.toBe(true);
  expect(p.nodeIntegrationInSubFrames).not.toBe(true);
  expect(p.webSecurity).not.toBe(false);
  expect(p.allowRunningInsecureContent).not.toBe(true);
  expect(p.experimentalFeatures).not.toBe(true);
  expect(p.enableBlinkFeatures).toBeUndefined();
  expect(p.webviewTag).not.toBe(true);
  expect(typeof p.preload).toBe('string');
  expect(path.isAbsolute(p.preload as string)).toBe(true);
}
