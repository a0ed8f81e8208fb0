// model:export — File › Export › ONNX… and PyTorch…: the trained network for another tool
// (docs/export.md). Main asks where through its own save dialog, never a path the page names,
// builds the file with core and writes it atomically; a PyTorch export also writes the weights
// file its model.py loads, beside it.
import path from 'node:path';
import { exportOnnx, exportPyTorch, exportWeights, say, saying, type Project, type Text } from '../../../core/index';
import { version } from '../../../package.json';
import { atomicWrite, SaveError } from '../../../node/files/atomic-write';
import { writtenNames } from '../../../runtime/written-names';
import type { ExportResult, ModelFormat } from '../../ipc/contract';
import type { AppContext } from '../context';
import type { IpcRegistry } from '../ipc';
import { IPC_SCHEMAS } from '../ipc-schemas';

const EXTENSION: Record<ModelFormat, string> = { onnx: '.onnx', pytorch: '.py' };

/** model.py loads <name>.weights.json from its own folder. */
export function weightsFileFor(modelPy: string): string {
  return path.join(path.dirname(modelPy), `${path.basename(modelPy).replace(/\.py$/i, '')}.weights.json`);
}

/** The files a format produces, as name → contents, or why the project cannot be exported. */
function filesFor(project: Project, format: ModelFormat, target: string): { ok: true; files: [string, string | Uint8Array][] } | { ok: false; message: string; text?: Text } {
  if (format === 'onnx') {
    const model = exportOnnx(project, { appVersion: version });
    return model.ok ? { ok: true, files: [[target, model.bytes]] } : model;
  }
  const weightsPath = weightsFileFor(target);
  const code = exportPyTorch(project, { weightsFile: path.basename(weightsPath), appVersion: version });
  if (!code.ok) return { ok: false, message: code.message, text: code.text };
  const weights = exportWeights(project);
  if (!weights.ok) return { ok: false, message: weights.message, text: weights.text };
  return { ok: true, files: [[weightsPath, weights.text], [target, code.text]] };
}

export async function exportModelTo(project: Project, format: ModelFormat, target: string, log: (message: string) => void): Promise<ExportResult> {
  const built = filesFor(project, format, target);
  if (!built.ok) return { ok: false, canceled: false, ...saying(say('export.couldNotExport', { file: path.basename(target), reason: built.text ?? built.message })) };
  try {
    for (const [file, data] of built.files) await atomicWrite(file, data, { onWarning: log });
  } catch (e) {
    return { ok: false, canceled: false, message: e instanceof Error ? e.message : String(e), ...(e instanceof SaveError && e.text ? { text: e.text } : {}) };
  }
  const names = built.files.map(([file]) => path.basename(file)).reverse();
  return { ok: true, ...writtenNames(names) };
}

export function registerExportHandlers(ipc: IpcRegistry, ctx: AppContext): void {
  ipc.handle('model:export', IPC_SCHEMAS['model:export'], async (req) => {
    const ext = EXTENSION[req.format];
    const base = path.basename(req.suggestedName);
    const file = await ctx.dialogs.chooseExportPath(ctx.window(), base.toLowerCase().endsWith(ext) ? base : `${base}${ext}`, req.format);
    if (!file) return { ok: false, canceled: true };
    return exportModelTo(req.project, req.format, file, ctx.log);
  });
}
