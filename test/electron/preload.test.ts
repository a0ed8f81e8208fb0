// S3: the preload exposes exactly one object with one function per contract entry, each bound
// to its own channel; subscriptions pass only the payload and return an unsubscribe function.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CHANNELS, type BpnnApi } from '../../electron/ipc/contract';

vi.mock('electron', () => import('./helpers/electron-mock'));
const electron = await import('./helpers/electron-mock');

let api: Record<string, unknown>;
beforeAll(async () => {
  await import('../../electron/preload/index');
  api = electron.contextBridge.exposeInMainWorld.mock.calls[0][1] as Record<string, unknown>;
});

describe('preload (S3)', () => {
  it('S3: calls exposeInMainWorld exactly once, as window.bpnn', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0][0]).toBe('bpnn');
  });

  it('S3: exposes exactly the contract’s methods (plus the platform name), each a function', () => {
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_CHANNELS), 'platform'].sort());
    expect(api.platform).toBe('desktop');
    for (const [key, value] of Object.entries(api)) if (key !== 'platform') expect(typeof value, key).toBe('function');
  });

  it('S3: exposes nothing that is or wraps ipcRenderer or a generic invoke/send', () => {
    const values = Object.values(api);
    for (const forbidden of [electron.ipcRenderer, electron.ipcRenderer.invoke, electron.ipcRenderer.send, electron.ipcRenderer.on]) {
      expect(values).not.toContain(forbidden);
    }
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) expect(api).not.toHaveProperty(name);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('S3: each invoke method hits exactly its own channel with exactly its payload', async () => {
    for (const [method, entry] of Object.entries(API_CHANNELS)) {
      if (entry.kind !== 'invoke') continue;
      electron.ipcRenderer.invoke.mockClear();
      electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true });
      const fn = api[method] as (...args: unknown[]) => Promise<unknown>;
      await fn('payload', 'smuggled extra argument');
      expect(electron.ipcRenderer.invoke.mock.calls).toEqual([[entry.channel, 'payload']]);
    }
  });

  it('S3: a refusal from main becomes a rejected promise with main’s message', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ipcError: true, channel: 'project:save', message: 'Refused: bad', problems: [] });
    await expect((api as unknown as BpnnApi).saveProject({ project: null as never, filePath: null })).rejects.toThrow('Refused: bad');
  });

  it('S3: subscriptions pass only the payload and return a working unsubscribe', () => {
    for (const [method, entry] of Object.entries(API_CHANNELS)) {
      if (entry.kind !== 'event') continue;
      electron.ipcRenderer.on.mockClear();
      electron.ipcRenderer.removeListener.mockClear();
      const received: unknown[][] = [];
      const subscribe = api[method] as (l: (...args: unknown[]) => void) => () => void;
      const off = subscribe((...args) => received.push(args));
      expect(electron.ipcRenderer.on).toHaveBeenCalledTimes(1);
      const [channel, wrapped] = electron.ipcRenderer.on.mock.calls[0] as unknown as [string, (...a: unknown[]) => void];
      expect(channel).toBe(entry.channel);
      wrapped({ sender: 'the IpcRendererEvent' }, { the: 'payload' });
      expect(received).toEqual([[{ the: 'payload' }]]);
      expect(typeof off).toBe('function');
      off();
      expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(entry.channel, wrapped);
    }
  });
});
