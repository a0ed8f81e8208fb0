// The window's boundary, through the real main process, preload and page (docs/reliability.md
// S4–S6): a page that is not the app — the window sent elsewhere, or a frame injected into the
// app — cannot call any channel; a malformed payload on each channel is refused with a message a
// person can read; the page's own navigations away are stopped; every permission is denied.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { API_CHANNELS, INVOKE_CHANNELS, type InvokeChannel } from '../../electron/ipc/contract';
import { APP_ENTRY } from '../../electron/main/window';
import { screenshot } from '../e2e/harness';
import { xorProject, xorRequest } from '../electron/helpers/requests';
import { SKIP_BROWSER, toPageUrl, type AppWindow, type MainProcess } from './harness/host';
import { canvasShows, useDesktop } from './harness/app';
import { PAGE_BINDING } from './harness/wire';

const XOR_NODES = ['input', 'fc1', 'sig1', 'fc2', 'sig2', 'fc3', 'sig3'];
const UNTRUSTED = 'Refused: this request did not come from the BPNN Studio window.';
const FOREIGN = 'https://evil.invalid';
/** Nothing a person should see: no stack frames, no source positions. */
const STACK_TRACE = /\bat \S+ \(|\.(ts|cjs|js):\d+/;

const methodOf = (channel: InvokeChannel): string => {
  const entry = Object.entries(API_CHANNELS).find(([, e]) => e.channel === channel);
  if (!entry) throw new Error(`no method for ${channel}`);
  return entry[0];
};

/** A well-formed payload for every channel: only the sender makes these refused. */
const VALID: Record<InvokeChannel, unknown> = {
  'project:open': undefined,
  'project:initial': undefined,
  'project:openExample': 'xor',
  'project:save': { project: xorProject(), filePath: null },
  'weights:export': { project: xorProject(), suggestedName: 'w.json' },
  'model:export': { project: xorProject(), suggestedName: 'm.onnx', format: 'onnx' },
  'document:setState': { fileName: 'evil.bpnn', filePath: '/etc/passwd', dirty: true, project: xorProject() },
  'recovery:offers': undefined,
  'recovery:restore': 'untitled-x',
  'recovery:discard': 'untitled-x',
  'training:start': xorRequest('evil', 10),
  'training:pause': 'r',
  'training:resume': 'r',
  'training:step': 'r',
  'training:stop': 'r',
  'shell:openExternal': 'https://github.com/',
  'language:set': { language: 'zh-TW', chosen: true },
};

/** One malformed payload per channel, and the field the refusal must name. */
const MALFORMED: Record<InvokeChannel, { payload: unknown; names: string }> = {
  'project:open': { payload: 'x', names: '(payload)' },
  'project:initial': { payload: { file: '/etc/passwd' }, names: '(payload)' },
  'project:openExample': { payload: '../../etc/passwd', names: 'an example name' },
  'project:save': { payload: { project: { format: 'nope' }, filePath: null }, names: 'project' },
  'weights:export': { payload: { project: xorProject(), suggestedName: '' }, names: 'suggestedName' },
  'model:export': { payload: { project: xorProject(), suggestedName: 'm.onnx', format: 'tflite' }, names: 'format' },
  'document:setState': { payload: { fileName: 'x.bpnn', filePath: null, dirty: 'yes', project: null }, names: 'dirty' },
  'recovery:offers': { payload: 1, names: '(payload)' },
  'recovery:restore': { payload: '../../x', names: 'a backup id' },
  'recovery:discard': { payload: 'A B', names: 'a backup id' },
  'training:start': { payload: { runId: 1 }, names: 'runId' },
  'training:pause': { payload: { runId: 'r' }, names: '(payload)' },
  'training:resume': { payload: 42, names: '(payload)' },
  'training:step': { payload: null, names: '(payload)' },
  'training:stop': { payload: [], names: '(payload)' },
  'shell:openExternal': { payload: 'x'.repeat(5000), names: '(payload)' },
  'language:set': { payload: { language: 'en', chosen: 'yes' }, names: 'chosen' },
};

/** Calls every method of window.bpnn with `payloads` from inside `page`; the outcome of each. */
async function callEveryChannel(page: Page, payloads: Record<InvokeChannel, unknown>): Promise<Record<string, string>> {
  const calls = INVOKE_CHANNELS.map((c) => ({ channel: c, method: methodOf(c), payload: payloads[c] }));
  return page.evaluate(async (list) => {
    const api = (window as unknown as { bpnn: Record<string, (p?: unknown) => Promise<unknown>> }).bpnn;
    const out: Record<string, string> = {};
    for (const { channel, method, payload } of list) {
      out[channel] = await (payload === undefined ? api[method]() : api[method](payload)).then(
        (v) => `resolved ${JSON.stringify(v) ?? 'undefined'}`,
        (e: Error) => e.message,
      );
    }
    return out;
  }, calls);
}

/** What main did that a refused call must not have caused. */
function sideEffects(main: MainProcess): string[] {
  const effects: string[] = [];
  if (main.dialogs.asked.length > 0) effects.push(`dialogs: ${main.dialogs.asked.map((d) => d.method).join(', ')}`);
  const training = main.sent.filter((s) => s.channel === 'training:event');
  if (training.length > 0) effects.push(`training events: ${training.length}`);
  if (main.records.some((r) => r.api === 'shell.openExternal')) effects.push('shell.openExternal');
  return effects;
}

describe.skipIf(SKIP_BROWSER)('the window boundary, through main', () => {
  const app = useDesktop((desktop) => {
    desktop.serveForeign(`${FOREIGN}/`, '<!doctype html><title>Not BPNN Studio</title><p>Someone else’s page.</p>');
  });

  async function appWindow(): Promise<{ main: MainProcess; win: AppWindow }> {
    const main = app.start();
    const win = await main.window();
    await canvasShows(win.page, XOR_NODES);
    await win.waitForTitle((t) => t.length > 0);
    await main.settled();
    return { main, win };
  }

  it('S5: the page cannot navigate the window away from the app', async () => {
    const { win } = await appWindow();
    await win.page.evaluate((url) => {
      window.location.href = url;
    }, `${FOREIGN}/`);
    await expect.poll(() => win.navigations).toEqual([{ url: `${FOREIGN}/`, prevented: true }]);
    expect(win.page.url()).toBe(toPageUrl(APP_ENTRY));
    await canvasShows(win.page, XOR_NODES);
  });

  it('S4: a page that is not the app, loaded in the window, reaches main on no channel, though the preload runs there too', async () => {
    const { main, win } = await appWindow();
    const titleBefore = win.title;
    // As if a navigation had escaped main's policy: Electron runs the preload in whatever the window shows.
    await win.forceNavigate(`${FOREIGN}/`);
    expect(await win.page.title()).toBe('Not BPNN Studio');
    const results = await callEveryChannel(win.page, VALID);
    expect(results).toEqual(Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, UNTRUSTED])));
    for (const channel of INVOKE_CHANNELS) {
      expect(main.logs.some((l) => l.includes(`refused ${channel} from an untrusted sender (${FOREIGN}/)`)), channel).toBe(true);
    }
    await main.settled();
    expect(sideEffects(main)).toEqual([]);
    expect(win.title).toBe(titleBefore);
    await screenshot(win.page, 'desktop-08-foreign-page-refused');
  });

  it('S4: a frame injected into the app calls main with its own URL and is refused on every channel', async () => {
    const { main, win } = await appWindow();
    // A script in the app adds a frame (an about:srcdoc frame: the app's CSP lets no other origin in)
    // and calls main from inside it, as a compromised renderer could.
    await win.page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>injected</p>';
      frame.name = 'injected';
      document.body.appendChild(frame);
    });
    await expect.poll(() => win.page.frames().some((f) => f.name() === 'injected' && f.url() === 'about:srcdoc')).toBe(true);
    const injected = win.page.frames().find((f) => f.name() === 'injected')!;
    // The preload does not run in a subframe (as in Electron), so the frame uses the raw transport.
    expect(await injected.evaluate(() => 'bpnn' in window)).toBe(false);
    const results = await injected.evaluate(
      async ({ binding, calls }) => {
        const send = (window as unknown as Record<string, (m: unknown) => Promise<{ ok: boolean; value?: unknown; message?: string } | null>>)[binding];
        const out: Record<string, unknown> = {};
        for (const { channel, payload } of calls) {
          const r = await send({ kind: 'invoke', channel, args: payload === undefined ? [] : [payload] });
          out[channel] = r?.ok ? (r.value as { message?: string })?.message : `rejected: ${r?.message}`;
        }
        return out;
      },
      { binding: PAGE_BINDING, calls: INVOKE_CHANNELS.map((c) => ({ channel: c, payload: VALID[c] })) },
    );
    expect(results).toEqual(Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, UNTRUSTED])));
    expect(main.logs.filter((l) => l.includes('from an untrusted sender (about:srcdoc)'))).toHaveLength(INVOKE_CHANNELS.length);
    await main.settled();
    expect(sideEffects(main)).toEqual([]);
    await canvasShows(win.page, XOR_NODES);
  });

  it('S4: a malformed payload on each channel is refused with a plain message naming the field, before anything happens', async () => {
    const { main, win } = await appWindow();
    const titleBefore = win.title;
    const backupsBefore = readdirSync(main.userData).sort();
    const results = await callEveryChannel(win.page, Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, MALFORMED[c].payload])) as Record<InvokeChannel, unknown>);
    for (const channel of INVOKE_CHANNELS) {
      const message = results[channel];
      expect(message, channel).toMatch(new RegExp(`^Refused a malformed ${channel} request: `));
      expect(message, channel).toContain(MALFORMED[channel].names);
      expect(message, channel).not.toMatch(STACK_TRACE);
    }
    // More than the one declared payload is refused too (the preload never sends it; a compromised page could).
    const extra = await win.page.evaluate(
      (binding) => (window as unknown as Record<string, (m: unknown) => Promise<{ value?: { message?: string } }>>)[binding]({ kind: 'invoke', channel: 'project:openExample', args: ['xor', 'linear'] }),
      PAGE_BINDING,
    );
    expect(extra.value?.message).toBe('Refused: too many arguments.');
    await main.settled();
    expect(sideEffects(main)).toEqual([]);
    expect(win.title).toBe(titleBefore);
    expect(readdirSync(main.userData).sort()).toEqual(backupsBefore);
    // The window still works.
    await canvasShows(win.page, XOR_NODES);
    expect(win.pageErrors).toEqual([]);
  });

  it('S6: main denies every permission the page asks for', async () => {
    const { main } = await appWindow();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal']) {
      expect(await main.permission(permission), permission).toEqual({ requested: false, checked: false });
    }
  });
});
