// New, Open, Save, Save As and the exports: the same functions serve the toolbar, the
// shortcuts and the desktop menu. Problems become a banner of plain text, never an exception.
import { initialWeightsOf, newProject, projectToSpec } from '../../core/index';
import type { ModelFormat, OpenResult } from '../../runtime/api';
import { getApi } from '../backend/api';
import { useProjectStore } from '../store/project';
import { useUiStore } from '../store/ui';
import { requestFit } from './view';

const MAX_PROBLEM_LINES = 20;

/** Shows an open failure: the file name, each problem with its JSON path, and what to do. */
export function reportOpenProblems(result: Extract<OpenResult, { ok: false; canceled: false }>): void {
  const lines = result.problems.slice(0, MAX_PROBLEM_LINES).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  const more = result.moreProblems + Math.max(0, result.problems.length - MAX_PROBLEM_LINES);
  if (more > 0) lines.push(`…and ${more} more.`);
  lines.push('Your open project was not changed. Fix the file or choose another one.');
  useUiStore.getState().showBanner({ kind: 'error', title: `Could not open ${result.fileName}`, lines });
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
  const { dirty, fileName } = useProjectStore.getState();
  if (!dirty) return true;
  const choice = await useUiStore
    .getState()
    .ask('Unsaved changes', `${fileName} has changes that are not saved. Save them first?`, ['Save', "Don't Save", 'Cancel']);
  if (choice === 'Save') return save(false);
  return choice === "Don't Save";
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
    useUiStore.getState().showBanner({ kind: 'error', title: 'Could not open the file', lines: [errorText(err)] });
  }
}

/** The examples in the menu's order; each one's title is `examples.<name>` in the catalogs. */
export const EXAMPLES = ['xor', 'linear', 'spiral-softmax', 'waves-conv1d', 'residual-spiral'] as const;

export async function openExample(name: string): Promise<void> {
  if (!(await confirmDiscard())) return;
  try {
    applyOpenResult(await getApi().openExample(name));
  } catch (err) {
    useUiStore.getState().showBanner({ kind: 'error', title: 'Could not open the example', lines: [errorText(err)] });
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
      const choice = await ui.ask('File changed on disk', result.message, ['Overwrite', 'Cancel']);
      if (choice !== 'Overwrite') return false;
      result = await api.saveProject({ project, filePath: asNew ? null : filePath, overwrite: true });
    }
    if (result.ok) {
      useProjectStore.getState().markSaved(result.filePath, result.fileName);
      ui.showBanner(null);
      return true;
    }
    if (!result.canceled) ui.showBanner({ kind: 'error', title: 'Could not save', lines: [result.message, 'Your project is still open; try Save As to save it elsewhere.'] });
    return false;
  } catch (err) {
    ui.showBanner({ kind: 'error', title: 'Could not save', lines: [errorText(err)] });
    return false;
  }
}

const MODEL_FORMATS: Record<ModelFormat, { title: string; aTitle: string; extension: string }> = {
  onnx: { title: 'ONNX model', aTitle: 'an ONNX model', extension: '.onnx' },
  pytorch: { title: 'PyTorch model', aTitle: 'a PyTorch model', extension: '.py' },
};

/** The trained network for another tool (docs/export.md): an ONNX model, or a PyTorch model.py with its weights file. */
export async function exportModel(format: ModelFormat): Promise<void> {
  const ui = useUiStore.getState();
  const { project, fileName } = useProjectStore.getState();
  const { title, aTitle, extension } = MODEL_FORMATS[format];
  if (!project.weights) {
    ui.showBanner({ kind: 'notice', title: 'Nothing to export yet', lines: [`Train the network first, then export it as ${aTitle}.`] });
    return;
  }
  try {
    const r = await getApi().exportModel({ project, suggestedName: `${fileName.replace(/\.bpnn$/i, '')}${extension}`, format });
    if (r.ok) ui.showBanner({ kind: 'notice', title: `${title} exported`, lines: [`Saved as ${r.fileName}.`] });
    else if (!r.canceled) ui.showBanner({ kind: 'error', title: `Could not export the ${title}`, lines: [r.message] });
  } catch (err) {
    ui.showBanner({ kind: 'error', title: `Could not export the ${title}`, lines: [errorText(err)] });
  }
}

export async function exportWeights(): Promise<void> {
  const ui = useUiStore.getState();
  const { project, fileName } = useProjectStore.getState();
  if (!project.weights) {
    ui.showBanner({ kind: 'notice', title: 'No weights to export yet', lines: ['Train the network first, then export its weights.'] });
    return;
  }
  try {
    const suggestedName = `${fileName.replace(/\.bpnn$/i, '')}.weights.json`;
    const r = await getApi().exportWeights({ project, suggestedName });
    if (r.ok) ui.showBanner({ kind: 'notice', title: 'Weights exported', lines: [`Saved as ${r.fileName}.`] });
    else if (!r.canceled) ui.showBanner({ kind: 'error', title: 'Could not export the weights', lines: [r.message] });
  } catch (err) {
    ui.showBanner({ kind: 'error', title: 'Could not export the weights', lines: [errorText(err)] });
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
    ui.showBanner({ kind: 'notice', title: 'No initial weights yet', lines: [start.problems[0].message, 'Fix the network so it can train, then export its initial weights.'] });
    return;
  }
  try {
    const suggestedName = `${fileName.replace(/\.bpnn$/i, '')}.initial-weights.json`;
    const r = await getApi().exportWeights({ project: { ...project, weights: start.weights }, suggestedName });
    if (r.ok) {
      ui.showBanner({
        kind: 'notice',
        title: 'Initial weights exported',
        lines: [`Saved as ${r.fileName}: the weights a fresh run with seed ${project.training.seed} starts from (Reset weights, then Train).`],
      });
    } else if (!r.canceled) ui.showBanner({ kind: 'error', title: 'Could not export the initial weights', lines: [r.message] });
  } catch (err) {
    ui.showBanner({ kind: 'error', title: 'Could not export the initial weights', lines: [errorText(err)] });
  }
}
