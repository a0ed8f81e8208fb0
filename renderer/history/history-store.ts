// Run history: rename and delete the runs kept in the project, pick runs to overlay, and
// re-run a past run with its own seed and settings (same seed, same numbers: the new curve
// must equal the old one, and the view says whether it did).
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { buildRunRecord, projectToSpec, rerunRequest, type EpochMetrics, type Project, type RunRecord, type RunResult, type TrainingEvent } from '../../core/index';
import type { BpnnApi } from '../../runtime/api';
import { getApi } from '../backend/api';
import { useProjectStore } from '../store/project';
import { addRunsToProject } from '../store/sweep';
import { spokenNow } from '../i18n/core-text';

export interface RerunView {
  sourceId: string;
  runId: string;
  status: 'running' | 'finished' | 'error';
  epochs: number;
  totalEpochs: number;
  /** Whether every epoch's loss and accuracy equal the source run's, bit for bit. */
  identical: boolean | null;
  message: string | null;
}

export interface HistoryState {
  /** Runs picked for the overlay chart, in pick order. */
  picked: string[];
  rerun: RerunView | null;
  togglePick(runId: string): void;
  setPicked(ids: string[]): void;
  rename(runId: string, name: string): void;
  remove(runIds: readonly string[]): void;
  rerunRun(runId: string): Promise<void>;
}

export interface HistoryDeps {
  api(): BpnnApi;
  project(): Project;
  /** Replace the project's run list (a result edit: marks the project unsaved, not undoable). */
  setRuns(runs: RunRecord[]): void;
  addRun(run: RunRecord): void;
  nowIso(): string;
  newId(): string;
}

export const MAX_RUN_NAME = 200;

/** Same numbers bit for bit (Object.is, so NaN equals NaN and 0 differs from −0). */
export function sameCurves(a: RunRecord['curves'], metrics: readonly EpochMetrics[]): boolean {
  if (a.loss.length !== metrics.length) return false;
  return metrics.every((m, i) => Object.is(a.loss[i], m.loss) && Object.is(a.accuracy[i], m.accuracy));
}

export function createHistoryStore(deps: HistoryDeps): UseBoundStore<StoreApi<HistoryState>> {
  let unsubscribe: (() => void) | null = null;
  return create<HistoryState>()((set, get) => ({
    picked: [],
    rerun: null,

    togglePick(runId) {
      const picked = get().picked;
      set({ picked: picked.includes(runId) ? picked.filter((id) => id !== runId) : [...picked, runId] });
    },

    setPicked(ids) {
      set({ picked: ids });
    },

    rename(runId, name) {
      const clean = name.replace(/\s+/g, ' ').trim().slice(0, MAX_RUN_NAME);
      if (!clean) return;
      const runs = deps.project().runs;
      if (!runs.some((r) => r.id === runId && r.name !== clean)) return;
      deps.setRuns(runs.map((r) => (r.id === runId ? { ...r, name: clean } : r)));
    },

    remove(runIds) {
      const gone = new Set(runIds);
      const runs = deps.project().runs;
      if (!runs.some((r) => gone.has(r.id))) return;
      deps.setRuns(runs.filter((r) => !gone.has(r.id)));
      set({ picked: get().picked.filter((id) => !gone.has(id)) });
    },

    async rerunRun(sourceId) {
      if (get().rerun?.status === 'running') return;
      const project = deps.project();
      const source = project.runs.find((r) => r.id === sourceId);
      if (!source) return;
      const again = rerunRequest({ spec: projectToSpec(project), dataset: source.dataset, settings: source.settings }, source.sweep);
      const runId = deps.newId();
      const createdAt = deps.nowIso();
      if (!again.ok) {
        set({ rerun: { sourceId, runId, status: 'error', epochs: 0, totalEpochs: 0, identical: null, message: spokenNow(again.problems[0]) } });
        return;
      }
      const metrics: EpochMetrics[] = [];
      set({ rerun: { sourceId, runId, status: 'running', epochs: 0, totalEpochs: source.settings.epochs, identical: null, message: null } });
      unsubscribe?.();
      const finish = (result: RunResult | null, message: string | null) => {
        unsubscribe?.();
        unsubscribe = null;
        if (!result) {
          set({ rerun: { ...(get().rerun as RerunView), status: 'error', message } });
          return;
        }
        deps.addRun(
          buildRunRecord({
            id: runId,
            name: `${source.name} (re-run)`.slice(0, MAX_RUN_NAME),
            createdAt,
            settings: source.settings,
            dataset: source.dataset,
            metrics,
            result,
            ...(source.sweep ? { sweep: { ...source.sweep } } : {}),
          }),
        );
        set({ rerun: { ...(get().rerun as RerunView), status: 'finished', epochs: metrics.length, identical: sameCurves(source.curves, metrics) } });
      };
      unsubscribe = deps.api().onTrainingEvent((e: TrainingEvent) => {
        if (e.runId !== runId) return;
        if (e.type === 'progress') {
          metrics.push(...e.epochs);
          const r = get().rerun;
          if (r) set({ rerun: { ...r, epochs: metrics.length } });
        } else if (e.type === 'done' || e.type === 'stopped' || e.type === 'diverged') finish(e.result, null);
        else if (e.type === 'error') finish(null, e.message);
      });
      const started = await deps.api().startTraining({ runId, request: again.request, boundaryResolution: 0 });
      if (!started.ok) finish(null, started.problems[0] ? spokenNow(started.problems[0]) : 'The run could not start.');
    },
  }));
}

let counter = 0;

export const useHistoryStore = createHistoryStore({
  api: getApi,
  project: () => useProjectStore.getState().project,
  setRuns: (runs) => useProjectStore.getState().setRuns(runs),
  addRun: (run) => addRunsToProject([run]),
  nowIso: () => new Date().toISOString(),
  newId: () => `rerun-${Date.now().toString(36)}-${(counter += 1)}`,
});
