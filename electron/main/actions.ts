// Document flows shared by IPC handlers, the menu, file-open requests from the OS and the close
// prompt: open (validate first, then settle unsaved changes), save (never to a path the user
// did not choose), and the Save / Don't Save / Cancel decision (D8).
import path from 'node:path';
import { access } from 'node:fs/promises';
import type { Project } from '../../core/index';
import { say } from '../../core/messages/text';
import { saying } from '../../core/messages/said';
import type { OpenResult, SaveResult } from '../ipc/contract';
import type { AppContext } from './context';

const CANCELED = { ok: false, canceled: true } as const;

/** True when it is fine to replace or close the current document. */
export async function settleUnsaved(ctx: AppContext): Promise<boolean> {
  const doc = ctx.doc.current;
  if (!doc.dirty) return true;
  const win = ctx.window();
  const choice = await ctx.dialogs.askUnsaved(win, doc.fileName);
  if (choice === 'cancel') return false;
  // The window sends its latest edits when the prompt takes its focus: save what it has now.
  const latest = ctx.doc.current;
  if (choice === 'discard') {
    await ctx.backups.clear(latest.documentId);
    return true;
  }
  if (!latest.project) {
    const { t } = ctx.language;
    await ctx.dialogs.showError(win, t('main.dialogs.couldNotSave', { name: latest.fileName }), t('main.dialogs.notSentYet'));
    return false;
  }
  const saved = await saveDocument(ctx, latest.project, latest.filePath);
  if (saved.ok) return true;
  if (!saved.canceled) await ctx.dialogs.showError(win, saved.message);
  return false;
}

/**
 * Save `project`. The renderer may name only the path of the open document (one main granted);
 * anything else, or null, goes through the Save dialog.
 */
export async function saveDocument(
  ctx: AppContext,
  project: Project,
  requestedPath: string | null,
  opts: { overwrite?: boolean } = {},
): Promise<SaveResult> {
  const before = ctx.doc.current;
  let target = requestedPath && ctx.doc.isGranted(requestedPath) ? requestedPath : null;
  if (!target) {
    target = await ctx.dialogs.chooseSavePath(ctx.window(), before.fileName);
    if (!target) return CANCELED;
    ctx.doc.grant(target);
  }
  const r = await ctx.files.save(project, target, { overwrite: opts.overwrite === true });
  if (!r.ok) return r;
  await ctx.backups.clear(before.documentId);
  ctx.doc.saved(target);
  ctx.recent.add(target);
  return r;
}

/** Read and validate first; only a good file asks about unsaved changes and replaces the document. */
export async function openPath(ctx: AppContext, filePath: string, opts: { askUnsaved?: boolean } = {}): Promise<OpenResult> {
  let r = await ctx.files.open(filePath);
  if (!r.ok && !r.canceled) {
    // D4: a damaged file whose previous version we kept: offer that instead of only an error.
    const lastGood = await ctx.files.lastGoodVersion(filePath);
    const first = r.problems[0];
    if (lastGood && (await ctx.dialogs.askOpenLastGood(ctx.window(), r.fileName, first ? `${first.path}: ${first.message}` : ctx.language.t('main.dialogs.damagedUnknown'), lastGood.savedAt))) {
      r = lastGood.result;
    }
  }
  if (!r.ok) return r;
  if (opts.askUnsaved !== false && !(await settleUnsaved(ctx))) return CANCELED;
  ctx.doc.opened(r.fileName, filePath, r.dirty === true, r.project);
  ctx.recent.add(filePath);
  return r;
}

export async function openExample(ctx: AppContext, name: string, opts: { askUnsaved?: boolean } = {}): Promise<OpenResult> {
  const file = path.join(ctx.examplesDir, `${name}.bpnn`);
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (!exists) {
    return { ok: false, canceled: false, fileName: `${name}.bpnn`, problems: [{ path: '(file)', ...saying(say('host.noExample', { name })) }], moreProblems: 0 };
  }
  const r = await ctx.files.open(file);
  if (!r.ok) return r;
  if (opts.askUnsaved !== false && !(await settleUnsaved(ctx))) return CANCELED;
  // An example opens as a new, untitled copy: saving asks where, never overwrites the bundled file.
  ctx.doc.opened(r.fileName, null);
  return { ...r, filePath: null };
}

/** A file the OS handed us (second launch, double-click, macOS open-file, Open Recent). */
export async function openFromOutside(ctx: AppContext, filePath: string): Promise<void> {
  const r = await openPath(ctx, filePath);
  if (r.ok || !r.canceled) ctx.send('project:opened', r);
}

/** D8 + B7: the window's `close` handler. Prevents the close until the user has decided. */
export function makeCloseHandler(ctx: AppContext, close: () => void, onCancel: () => void = () => {}) {
  let allowed = false;
  let asking = false;
  return (event: { preventDefault(): void }): void => {
    if (allowed) return;
    const training = ctx.host.liveRuns().length > 0;
    if (!ctx.doc.current.dirty && !training) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    void (async () => {
      try {
        if (training) {
          if (!(await ctx.dialogs.askStopTraining(ctx.window()))) return onCancel();
          await ctx.host.dispose();
        }
        if (!(await settleUnsaved(ctx))) return onCancel();
        allowed = true;
        close();
      } finally {
        asking = false;
      }
    })();
  };
}
