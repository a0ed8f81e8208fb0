// recovery:* — the hot-exit backups left by an unclean exit (D6).
import type { AppContext } from '../context';
import type { IpcRegistry } from '../ipc';
import { IPC_SCHEMAS } from '../ipc-schemas';

export function registerRecoveryHandlers(ipc: IpcRegistry, ctx: AppContext): void {
  // Everything on disk: after a crash of the app, the previous session's backups; after a crash
  // of the window (B7), also the backup of the document it was showing.
  ipc.handle('recovery:offers', IPC_SCHEMAS['recovery:offers'], async () => (await ctx.backups.list()).offers);

  ipc.handle('recovery:restore', IPC_SCHEMAS['recovery:restore'], async (backupId) => {
    const r = await ctx.backups.restore(backupId);
    if (!r.ok) return r;
    // A backup file is only as trustworthy as the folder it sits in: the path it names is kept
    // only if the user chose that path in this session, else saving asks where (D6).
    const shown = ctx.doc.restored(r.fileName, r.filePath, r.project);
    // The restored document now owns a fresh backup; the crash leftover is no longer needed.
    // (restored() marks it unsaved, which schedules a backup under the document's own id.)
    if (ctx.doc.current.documentId !== backupId) await ctx.backups.clear(backupId);
    return { ...r, ...shown };
  });

  ipc.handle('recovery:discard', IPC_SCHEMAS['recovery:discard'], (backupId) => ctx.backups.discard(backupId));
}
