// shell:openExternal — allowlisted https links only (S5).
import type { AppContext } from '../context';
import type { IpcRegistry } from '../ipc';
import { IPC_SCHEMAS } from '../ipc-schemas';
import { openExternalSafely } from '../window';

export function registerShellHandlers(ipc: IpcRegistry, ctx: AppContext): void {
  ipc.handle('shell:openExternal', IPC_SCHEMAS['shell:openExternal'], (url) => {
    if (!openExternalSafely(url, ctx.shell)) ctx.log(`refused to open a link that is not allowlisted: ${url.slice(0, 200)}`);
  });
}
