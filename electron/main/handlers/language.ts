// language:set — the window's language, for the menu and the native dialogs (see ../language.ts).
import type { AppContext } from '../context';
import type { IpcRegistry } from '../ipc';
import { IPC_SCHEMAS } from '../ipc-schemas';

export function registerLanguageHandlers(ipc: IpcRegistry, ctx: AppContext): void {
  ipc.handle('language:set', IPC_SCHEMAS['language:set'], (report) => ctx.language.set(report.language, report.chosen));
}
