// recovery:* — the hot-exit backups left by an unclean exit (D6).
import type { AppContext } from '../context';
import type { IpcRegistry } from '../ipc';
import { IPC_SCHEMAS } from '../ipc-schemas';

export function registerRecoveryHandlers(ipc: IpcRegistry, ctx: AppContext): void {
  ipc.handle('recovery:offers', IPC_SCHEMAS['recovery:offers'], async () => {
    // The current document's own backup is not a crash leftover.
    const own = ctx.doc.current.documentId;
    return (await ctx.backups.list()).offers.filter((o) => o.backupId !== own);
  });

  ipc.handle('recovery:restore', IPC_SCHEMAS['recovery:restore'], async (backupId) => {
    const r = await ctx.backups.restore(backupId);
    if (r.ok) {
      ctx.doc.opened(r.fileName, r.filePath, true, r.project);
      // The restored document now owns a fresh backup; the crash leftover is no longer needed.
      // (opened() as dirty schedules a backup under the document's own id.)
      if (ctx.doc.current.documentId !== backupId) await ctx.backups.clear(backupId);
    }
    return r;
  });

  ipc.handle('recovery:discard', IPC_SCHEMAS['recovery:discard'], (backupId) => ctx.backups.discard(backupId));
}
