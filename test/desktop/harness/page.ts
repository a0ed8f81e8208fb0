// The `electron` module as the sandboxed preload sees it, inside the Chromium page that stands in
// for a window. host.ts bundles this as a script that Chromium runs in every document of the
// page before the document's own scripts, with the real built preload (preload.cjs) wrapped in
// as `__bpnnPreload`, and exposes the one binding it talks through. Like Electron, it runs the
// preload in the main frame only; invoke goes to main's real ipcMain handlers with the calling
// frame's URL, and what main sends arrives through ipcRenderer.on listeners.
//
// Unlike Electron, the preload and the page share one JavaScript world here (Chromium gives an
// init script no isolated world of its own), and the binding is reachable from any frame of the
// page: a test may call it to act as a compromised renderer would.
import { honest } from './honest';
import { PAGE_BINDING, PAGE_DELIVER, type PageMessage } from './wire';

type Preload = (exports: object, require: (id: string) => unknown, module: { exports: object }, filename: string, dirname: string) => void;
declare const __bpnnPreload: Preload;

type Listener = (event: unknown, ...args: unknown[]) => void;
type InvokeReply = { ok: true; value: unknown } | { ok: false; message: string };
type Transport = (message: PageMessage) => Promise<InvokeReply | null>;

const transport = (): Transport => (window as unknown as Record<string, Transport>)[PAGE_BINDING];

if (window.top === window) {
  const report = (what: string): void => {
    void transport()({ kind: 'unimplemented', what });
  };
  const listeners = new Map<string, Set<Listener>>();

  const ipcRenderer = honest(
    {
      async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
        const reply = await transport()({ kind: 'invoke', channel, args });
        if (!reply?.ok) throw new Error(reply ? reply.message : `Error invoking remote method '${channel}'`);
        return reply.value;
      },
      on(channel: string, listener: Listener) {
        let set = listeners.get(channel);
        if (!set) listeners.set(channel, (set = new Set()));
        set.add(listener);
        return ipcRenderer;
      },
      removeListener(channel: string, listener: Listener) {
        listeners.get(channel)?.delete(listener);
        return ipcRenderer;
      },
    },
    'ipcRenderer',
    report,
  );

  const contextBridge = honest(
    {
      exposeInMainWorld(apiKey: string, api: unknown): void {
        if (apiKey in window) throw new Error('Cannot bind an API on top of an existing property on the window object');
        Object.defineProperty(window, apiKey, { value: api, enumerable: true });
      },
    },
    'contextBridge',
    report,
  );

  const electron = honest({ contextBridge, ipcRenderer }, 'electron', report);

  // What main sent with webContents.send, in order.
  Object.defineProperty(window, PAGE_DELIVER, {
    value: (batch: [string, unknown[]][]) => {
      for (const [channel, args] of batch) {
        for (const listener of [...(listeners.get(channel) ?? [])]) {
          const event = honest({ sender: ipcRenderer, senderId: 0, ports: [] }, 'IpcRendererEvent', report);
          try {
            listener(event, ...args);
          } catch (e) {
            console.error(e);
          }
        }
      }
    },
  });

  const module = { exports: {} };
  const require = (id: string): unknown => {
    if (id === 'electron') return electron;
    throw new Error(`The sandboxed preload cannot require '${id}'.`);
  };
  __bpnnPreload(module.exports, require, module, '/preload.cjs', '/');
}
