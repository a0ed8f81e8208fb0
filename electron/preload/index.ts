// The preload: builds window.bpnn from the contract's channel list, one function per entry
// (S3). No ipcRenderer, no generic send or invoke, no logic beyond turning main's refusal
// value back into a rejected promise.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_CHANNELS, type BpnnApi, type IpcRefusal } from '../ipc/contract';

function isRefusal(value: unknown): value is IpcRefusal {
  return typeof value === 'object' && value !== null && (value as { ipcError?: unknown }).ipcError === true;
}

function invoker(channel: string) {
  return async (...args: unknown[]): Promise<unknown> => {
    // Exactly the declared payload (at most one argument) goes through.
    const result: unknown = await (args.length === 0 ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, args[0]));
    if (isRefusal(result)) throw new Error(result.message);
    return result;
  };
}

function subscriber(channel: string) {
  return (listener: unknown): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError(`${channel}: the listener must be a function`);
    // Only the payload crosses; the IpcRendererEvent (with its sender) never reaches the page.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => (listener as (p: unknown) => void)(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  };
}

export function buildApi(): BpnnApi {
  const api: Record<string, unknown> = { platform: 'desktop' };
  for (const [method, entry] of Object.entries(API_CHANNELS)) {
    api[method] = entry.kind === 'invoke' ? invoker(entry.channel) : subscriber(entry.channel);
  }
  return Object.freeze(api) as unknown as BpnnApi;
}

contextBridge.exposeInMainWorld('bpnn', buildApi());
