// project:*, weights:export and document:setState.
import path from 'node:path';
import type { AppContext } from '../context';
import type { IpcRegistry } from '../ipc';
import { IPC_SCHEMAS } from '../ipc-schemas';
import { openExample, openPath, saveDocument } from '../actions';

export function registerProjectHandlers(ipc: IpcRegistry, ctx: AppContext): void {
  // Opens the renderer asks for: it has already settled unsaved changes with the user, so main
  // does not ask again (it does for opens that come from the OS or the Open Recent menu).
  ipc.handle('project:open', IPC_SCHEMAS['project:open'], async () => {
    const file = await ctx.dialogs.chooseOpenPath(ctx.window());
    if (!file) return { ok: false, canceled: true };
    return openPath(ctx, file, { askUnsaved: false });
  });

  ipc.handle('project:initial', IPC_SCHEMAS['project:initial'], async () => {
    const asked = ctx.pendingOpen.shift();
    if (asked) return openPath(ctx, asked, { askUnsaved: false });
    return openExample(ctx, 'xor', { askUnsaved: false });
  });

  ipc.handle('project:openExample', IPC_SCHEMAS['project:openExample'], (name) => openExample(ctx, name, { askUnsaved: false }));

  ipc.handle('project:save', IPC_SCHEMAS['project:save'], (req) => saveDocument(ctx, req.project, req.filePath, { overwrite: req.overwrite }));

  ipc.handle('weights:export', IPC_SCHEMAS['weights:export'], async (req) => {
    const base = path.basename(req.suggestedName);
    const file = await ctx.dialogs.chooseExportPath(ctx.window(), base.endsWith('.json') ? base : `${base}.json`);
    if (!file) return { ok: false, canceled: true };
    return ctx.files.exportWeights(req.project, file);
  });

  ipc.handle('document:setState', IPC_SCHEMAS['document:setState'], (state) => {
    ctx.doc.fromRenderer(state);
  });
}
