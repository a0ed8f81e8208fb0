// BpnnApi for the browser build: training in Web Workers, files through upload and download,
// the title in document.title, a localStorage backup as hot exit.
import { writtenNames } from '../../../runtime/written-names';
import { MAX_PROJECT_BYTES, exportOnnx, exportPyTorch, exportWeights, newProject, say, saying, serializeProject } from '../../../core/index';
import { version } from '../../../package.json';
import type { BpnnApi, DocumentState, MenuCommand, OpenResult } from '../../../runtime/api';
import { downloadText, downloadUrl, pickFile, readPickedFile } from './files';
import { loadExampleText } from './examples';
import { openResultFromBytes, openResultFromText, projectDownloadName, safeFileName, weightsDownloadName } from './project-files';
import { BrowserRecovery, type KeyValueStore } from './recovery';
import { createWebPool, defaultPoolSize, type WorkerLike } from '../../../runtime/web-worker';
import { WITH_HELPER } from '../../../runtime/web-worker-helper';
import { helperWanted } from '../../../runtime/pool';
import { isAllowedExternalUrl } from './external-links';

export const FIRST_EXAMPLE = 'xor';

// The name tells the worker whether it may start a second core (worker.ts).
const WORKER_NAME = `bpnn-training${helperWanted(defaultPoolSize(), globalThis.navigator?.hardwareConcurrency) ? WITH_HELPER : ''}`;

function createTrainingWorker(): WorkerLike {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: WORKER_NAME });
  return worker as unknown as WorkerLike;
}

function localStore(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function openExampleResult(name: string): Promise<OpenResult> {
  const text = await loadExampleText(name);
  if (text === null) {
    return { ok: false, canceled: false, fileName: `${name}.bpnn`, problems: [{ path: '(example)', message: `There is no example called '${name}'.` }], moreProblems: 0 };
  }
  return openResultFromText(text, `${name}.bpnn`);
}

export function createWebApi(): BpnnApi {
  const host = createWebPool(createTrainingWorker);
  const recovery = new BrowserRecovery({
    storage: localStore(),
    nowIso: () => new Date().toISOString(),
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (h) => window.clearTimeout(h as number),
  });
  const menuListeners = new Set<(command: MenuCommand) => void>();
  let documentState: DocumentState | null = null;

  return {
    platform: 'web',

    async openProject() {
      const file = await pickFile('.bpnn,application/json');
      if (!file) return { ok: false, canceled: true };
      // Refuse an oversize file before reading it into memory (F1).
      if (file.size > MAX_PROJECT_BYTES) return openResultFromText('', file.name, file.size);
      const bytes = await readPickedFile(file);
      if (!bytes) {
        return { ok: false, canceled: false, fileName: file.name, problems: [{ path: '(file)', message: 'The browser could not read this file. Try choosing it again.' }], moreProblems: 0 };
      }
      return openResultFromBytes(bytes, file.name);
    },

    async initialProject() {
      const example = await openExampleResult(FIRST_EXAMPLE);
      if (example.ok) return example;
      return { ok: true, project: newProject(), filePath: null, fileName: 'untitled.bpnn' };
    },

    openExample: openExampleResult,

    async saveProject(req) {
      const s = serializeProject(req.project);
      if (!s.ok) return { ok: false, canceled: false, conflict: false, ...saying(say('file.couldNotSave', { reason: s.text })) };
      const fileName = projectDownloadName(documentState?.fileName ?? null, req.project.name);
      downloadText(fileName, s.text, 'application/json');
      return { ok: true, filePath: null, fileName };
    },

    async exportWeights(req) {
      const w = exportWeights(req.project);
      if (!w.ok) return { ok: false, canceled: false, message: w.message, text: w.text };
      const fileName = weightsDownloadName(req.suggestedName);
      downloadText(fileName, w.text, 'application/json');
      return { ok: true, fileName };
    },

    async exportModel(req) {
      // "xor.onnx" / "xor.py": the name without its extension, safe for a download.
      const base = safeFileName(req.suggestedName).replace(/\.(bpnn|onnx|py)$/i, '') || 'model';
      if (req.format === 'onnx') {
        const model = exportOnnx(req.project, { appVersion: version });
        if (!model.ok) return { ok: false, canceled: false, message: model.message, text: model.text };
        const url = URL.createObjectURL(new Blob([model.bytes.slice().buffer], { type: 'application/octet-stream' }));
        downloadUrl(`${base}.onnx`, url);
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        return { ok: true, fileName: `${base}.onnx` };
      }
      const weightsFile = `${base}.weights.json`;
      const code = exportPyTorch(req.project, { weightsFile, appVersion: version });
      if (!code.ok) return { ok: false, canceled: false, message: code.message, text: code.text };
      const weights = exportWeights(req.project);
      if (!weights.ok) return { ok: false, canceled: false, message: weights.message, text: weights.text };
      downloadText(`${base}.py`, code.text, 'text/x-python');
      downloadText(weightsFile, weights.text, 'application/json');
      return { ok: true, ...writtenNames([`${base}.py`, weightsFile]) };
    },

    async setDocumentState(state) {
      documentState = state;
      document.title = `${state.dirty ? '• ' : ''}${state.fileName} — BPNN Studio`;
      recovery.update(state);
    },

    async recoveryOffers() {
      return recovery.offers();
    },
    async restoreBackup(backupId) {
      return recovery.restore(backupId);
    },
    async discardBackup(backupId) {
      recovery.discard(backupId);
    },

    startTraining: (req) => host.start(req),
    async pauseTraining(runId) {
      host.pause(runId);
    },
    async resumeTraining(runId) {
      host.resume(runId);
    },
    async stepTraining(runId) {
      host.step(runId);
    },
    async stopTraining(runId) {
      host.stop(runId);
    },
    onTrainingEvent: (listener) => host.onEvent(listener),

    onMenuCommand(listener) {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },

    // The browser build has no menu or native dialogs to translate: the page is all there is.
    async setLanguage() {},

    async openExternal(url) {
      if (isAllowedExternalUrl(url)) window.open(url, '_blank', 'noopener,noreferrer');
    },
  };
}
