// New, Open, Save, Save As and the exports: the same functions serve the toolbar, the
// shortcuts and the desktop menu. Problems become a banner of plain text, never an exception.
import { initialWeightsOf, newProject, projectToSpec, render, say, type Language, type Text } from '../../core/index';
import type { ModelFormat, OpenResult } from '../../runtime/api';
import { getApi } from '../backend/api';
import { useProjectStore } from '../store/project';
import { useUiStore } from '../store/ui';
import { requestFit } from './view';
import { shownFileName } from './file-name';
import { i18next, t } from '../i18n';
import { spokenNow } from '../i18n/core-text';

const MAX_PROBLEM_LINES = 20;

/** A result's words in the reader's language when it carries its Text, else its English. */
const inLanguage = (message: string, text?: Text): string => (text ? render(text, i18next.language as Language) : message);
/** The paths that name no field but the whole file, said in the reader's language. */
// A Map, not an object: a path comes from the file and may be "constructor".
const WHOLE_FILE_PATHS = new Map<string, Text>([
  ['(file)', say('file.wholeFile')],
  ['(top level)', say('file.topLevel')],
]);

/** Shows an open failure: the file name, each problem with its JSON path, and what to do. */
export function reportOpenProblems(result: Extract<OpenResult, { ok: false; canceled: false }>): void {
  // Said once, in the language of the moment: the banner holds plain lines.
  const language = i18next.language as Language;
  const lines = result.problems.slice(0, MAX_PROBLEM_LINES).map((p) => {
    const message = p.text ?? say('file.schema.other', { message: p.message });
    return render(p.path ? say('file.atPath', { path: WHOLE_FILE_PATHS.get(p.path) ?? p.path, message }) : message, language);
  });
  const more = result.moreProblems + Math.max(0, result.problems.length - MAX_PROBLEM_LINES);
  if (more > 0) lines.push(t('files.andMore', { count: more }));
  lines.push(t('files.openUnchanged'));
  useUiStore.getState().showBanner({ kind: 'error', title: t('files.couldNotOpenName', { name: result.fileName }), lines });
}

/**
 * Loads an open result into the editor; false when canceled or refused. A result marked dirty
 * (a restored backup, the last good version of a damaged file) stays unsaved.
 */
export function applyOpenResult(result: OpenResult, opts?: { dirty?: boolean }): boolean {
  if (result.ok) {
    const dirty = opts?.dirty ?? result.dirty === true;
    useProjectStore.getState().loadProject(result.project, result.filePath, result.fileName, { dirty });
    useUiStore.getState().select([], []);
    useUiStore.getState().showBanner(null);
    requestFit();
    return true;
  }
  if (!result.canceled) reportOpenProblems(result);
  return false;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** When there are unsaved changes, asks Save / Don't Save / Cancel; true means go ahead. */
export async function confirmDiscard(): Promise<boolean> {
  const { dirty, fileName, filePath } = useProjectStore.getState();
  if (!dirty) return true;
  const [saveIt, dontSave, cancel] = [t('files.save'), t('files.dontSave'), t('files.cancel')];
  const choice = await useUiStore.getState().ask(t('files.unsavedTitle'), t('files.unsavedMessage', { name: shownFileName(fileName, filePath) }), [saveIt, dontSave, cancel]);
  if (choice === saveIt) return save(false);
  return choice === dontSave;
}

export async function newFile(): Promise<void> {
  if (!(await confirmDiscard())) return;
  useProjectStore.getState().loadProject(newProject(), null, 'untitled.bpnn');
  useUiStore.getState().select([], []);
  useUiStore.getState().showBanner(null);
  requestFit();
}

export async function openFile(): Promise<void> {
  if (!(await confirmDiscard())) return;
  try {
    applyOpenResult(await getApi().openProject());
  } catch (err) {
    useUiStore.getState().showBanner({ kind: 'error', title: t('files.couldNotOpen'), lines: [errorText(err)] });
  }
}

export async function openExample(name: string): Promise<void> {
  if (!(await confirmDiscard())) return;
  try {
    applyOpenResult(await getApi().openExample(name));
  } catch (err) {
    useUiStore.getState().showBanner({ kind: 'error', title: t('files.couldNotOpenExample'), lines: [errorText(err)] });
  }
}

/** Saves (asNew: always ask where); true when the project is now saved. */
export async function save(asNew: boolean): Promise<boolean> {
  const api = getApi();
  const ui = useUiStore.getState();
  const { project, filePath } = useProjectStore.getState();
  try {
    let result = await api.saveProject({ project, filePath: asNew ? null : filePath });
    if (!result.ok && !result.canceled && result.conflict) {
      const overwrite = t('files.overwrite');
      const choice = await ui.ask(t('files.changedOnDisk'), inLanguage(result.message, result.text), [overwrite, t('files.cancel')]);
      if (choice !== overwrite) return false;
      result = await api.saveProject({ project, filePath: asNew ? null : filePath, overwrite: true });
    }
    if (result.ok) {
      useProjectStore.getState().markSaved(result.filePath, result.fileName);
      ui.showBanner(null);
      return true;
    }
    if (!result.canceled) {
      const reason = inLanguage(result.message, result.conflict ? undefined : result.text);
      ui.showBanner({ kind: 'error', title: t('files.couldNotSave'), lines: [reason, t('files.stillOpen')] });
    }
    return false;
  } catch (err) {
    ui.showBanner({ kind: 'error', title: t('files.couldNotSave'), lines: [errorText(err)] });
    return false;
  }
}

const EXTENSIONS: Record<ModelFormat, string> = { onnx: '.onnx', pytorch: '.py' };

/** The trained network for another tool (docs/export.md): an ONNX model, or a PyTorch model.py with its weights file. */
export async function exportModel(format: ModelFormat): Promise<void> {
  const ui = useUiStore.getState();
  const { project, fileName } = useProjectStore.getState();
  const extension = EXTENSIONS[format];
  const model = t(`files.model.${format}`);
  if (!project.weights) {
    ui.showBanner({ kind: 'notice', title: t('files.nothingToExport'), lines: [t(`files.trainFirstModel.${format}`)] });
    return;
  }
  try {
    const r = await getApi().exportModel({ project, suggestedName: `${fileName.replace(/\.bpnn$/i, '')}${extension}`, format });
    if (r.ok) ui.showBanner({ kind: 'notice', title: t('files.modelExported', { model }), lines: [t('files.savedAs', { name: inLanguage(r.fileName, r.fileNameText) })] });
    else if (!r.canceled) ui.showBanner({ kind: 'error', title: t('files.couldNotExportModel', { model }), lines: [inLanguage(r.message, r.text)] });
  } catch (err) {
    ui.showBanner({ kind: 'error', title: t('files.couldNotExportModel', { model }), lines: [errorText(err)] });
  }
}

export async function exportWeights(): Promise<void> {
  const ui = useUiStore.getState();
  const { project, fileName } = useProjectStore.getState();
  if (!project.weights) {
    ui.showBanner({ kind: 'notice', title: t('files.noWeights'), lines: [t('files.trainFirstWeights')] });
    return;
  }
  try {
    const suggestedName = `${fileName.replace(/\.bpnn$/i, '')}.weights.json`;
    const r = await getApi().exportWeights({ project, suggestedName });
    if (r.ok) ui.showBanner({ kind: 'notice', title: t('files.weightsExported'), lines: [t('files.savedAs', { name: r.fileName })] });
    else if (!r.canceled) ui.showBanner({ kind: 'error', title: t('files.couldNotExportWeights'), lines: [inLanguage(r.message, r.text)] });
  } catch (err) {
    ui.showBanner({ kind: 'error', title: t('files.couldNotExportWeights'), lines: [errorText(err)] });
  }
}

/**
 * The weights a fresh run of this project starts from (its seed's draw), as a weights file: a
 * NumPy script can start from the same numbers, and `bpnn train --init-weights` reads it back.
 */
export async function exportInitialWeights(): Promise<void> {
  const ui = useUiStore.getState();
  const { project, fileName } = useProjectStore.getState();
  const start = initialWeightsOf({ spec: projectToSpec(project), dataset: project.dataset, settings: project.training });
  if (!start.ok) {
    ui.showBanner({ kind: 'notice', title: t('files.noInitialWeights'), lines: [spokenNow(start.problems[0]), t('files.fixFirst')] });
    return;
  }
  try {
    const suggestedName = `${fileName.replace(/\.bpnn$/i, '')}.initial-weights.json`;
    const r = await getApi().exportWeights({ project: { ...project, weights: start.weights }, suggestedName });
    if (r.ok) {
      ui.showBanner({
        kind: 'notice',
        title: t('files.initialExported'),
        lines: [t('files.initialSaved', { name: r.fileName, seed: project.training.seed })],
      });
    } else if (!r.canceled) ui.showBanner({ kind: 'error', title: t('files.couldNotExportInitial'), lines: [inLanguage(r.message, r.text)] });
  } catch (err) {
    ui.showBanner({ kind: 'error', title: t('files.couldNotExportInitial'), lines: [errorText(err)] });
  }
}
