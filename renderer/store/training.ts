// The training store: the current run's status and curves, fed by the backend's event
// stream. Events are queued and applied once per animation frame, so a burst of thousands
// of epochs costs one render, and every epoch is kept. When a run ends, its weights and a
// run record go to the project store. Dependencies are injected (createTrainingStore) so
// tests drive it with a fake api and a manual frame clock.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { buildRunRecord, projectToSpec } from '../../core/index';
import type { Project, RunRecord, TrainingEvent, Weights } from '../../core/index';
import type { BpnnApi, StartTrainingResult } from '../../runtime/api';
import { getApi } from '../backend/api';
import { useProjectStore } from './project';
import { memoryLimitRequest } from './ui';
import { setupOf } from './run-setup';
import { liveNeuronResolution } from '../backprop/neuron-store';
import { useNeuronStore } from '../backprop/use-backprop';
import {
  BOUNDARY_RESOLUTION,
  applyEvents,
  estimateTimeLeft,
  idleView,
  isActive,
  startProblemsMessage,
  type RunView,
} from './training-events';

export type { BoundaryGrid, RunMessage, RunStatus, RunView } from './training-events';

export { BOUNDARY_RESOLUTION } from './training-events';

export interface TrainingState extends RunView {
  /** Start from the project's current weights instead of a fresh seeded initialisation. */
  continueTraining: boolean;
  setContinueTraining(on: boolean): void;
  /** Starts a run of the open project; `paused` starts it paused for stepping. */
  start(opts?: { paused?: boolean }): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** One mini-batch (starts a paused run first when idle). */
  step(): Promise<void>;
  stop(): Promise<void>;
  /** Forget the trained weights and the current run's view. */
  resetWeights(): void;
  /** Clears the view (e.g. after opening another project). */
  clear(): void;
}

export interface TrainingDeps {
  api(): BpnnApi;
  project(): { project: Project; setWeights(w: Weights | null): void; addRun(r: RunRecord): void };
  /** Calls back when another project replaces the open one (open, new, restore). */
  onProjectReplaced(listener: () => void): void;
  /** Milliseconds, monotonic. */
  now(): number;
  nowIso(): string;
  requestFrame(cb: () => void): void;
  newRunId(): string;
}

/** The neuron views' live snapshots, asked for only while one of them is on. */
function neuronRequest(): { neuronResolution?: number } {
  const res = liveNeuronResolution(useNeuronStore.getState());
  return res > 0 ? { neuronResolution: res } : {};
}

export function createTrainingStore(deps: TrainingDeps): UseBoundStore<StoreApi<TrainingState>> {
  let queue: TrainingEvent[] = [];
  let frameRequested = false;
  let subscribed = false;
  let lastTick = 0;
  let runContext: { createdAt: string; project: Project } | null = null;

  const store = create<TrainingState>()((set, get) => {
    const flush = () => {
      frameRequested = false;
      const events = queue;
      queue = [];
      const before = get();
      const { view, finished } = applyEvents(before, events);
      const t = deps.now();
      const activeMs = before.activeMs + (before.status === 'running' ? t - lastTick : 0);
      lastTick = t;
      const timeLeftMs = isActive(view.status) ? estimateTimeLeft(activeMs, view.metrics.length, view.totalEpochs) : null;
      set({ ...view, activeMs, timeLeftMs });
      if (finished && runContext && view.result) {
        const context = runContext;
        runContext = null;
        const record = buildRunRecord({
          id: finished.event.runId,
          name: `Run ${deps.project().project.runs.length + 1}`,
          createdAt: context.createdAt,
          settings: context.project.training,
          dataset: context.project.dataset,
          metrics: view.metrics,
          result: view.result,
        });
        deps.project().setWeights(finished.event.weights);
        deps.project().addRun(record);
      }
    };

    const receive = (event: TrainingEvent) => {
      queue.push(event);
      if (!frameRequested) {
        frameRequested = true;
        deps.requestFrame(flush);
      }
    };

    const ensureSubscribed = () => {
      if (subscribed) return;
      subscribed = true;
      deps.api().onTrainingEvent(receive);
    };

    const withRun = async (fn: (api: BpnnApi, runId: string) => Promise<void>) => {
      const { runId, status } = get();
      if (!runId || !isActive(status)) return;
      try {
        await fn(deps.api(), runId);
      } catch {
        // A control that did not get through changes nothing; the run's own events still
        // arrive (or its end does), so the view stays true.
      }
    };

    return {
      ...idleView(),
      continueTraining: false,

      setContinueTraining(on) {
        set({ continueTraining: on });
      },

      async start(opts) {
        if (isActive(get().status)) return;
        ensureSubscribed();
        const { project } = deps.project();
        const runId = deps.newRunId();
        const fromWeights = get().continueTraining && project.weights ? project.weights : null;
        runContext = { createdAt: deps.nowIso(), project };
        queue = [];
        lastTick = deps.now();
        set({ ...idleView(), status: 'starting', runId, totalEpochs: project.training.epochs, setup: setupOf(project) });
        let result: StartTrainingResult | { ok?: undefined; message?: unknown };
        try {
          result = await deps.api().startTraining({
            runId,
            request: { spec: projectToSpec(project), dataset: project.dataset, settings: project.training, initialWeights: fromWeights },
            boundaryResolution: BOUNDARY_RESOLUTION,
            ...neuronRequest(),
            ...memoryLimitRequest(),
            paused: opts?.paused === true,
          });
        } catch (err) {
          result = { message: err instanceof Error ? err.message : String(err) };
        }
        if (get().runId !== runId) return;
        if (result.ok === true) {
          // fall through: the run is on its way
        } else if (result.ok === false) {
          runContext = null;
          set({ status: 'error', message: startProblemsMessage(result.problems) });
          return;
        } else {
          // A refusal or failure of the transport itself (not the engine): say so plainly.
          runContext = null;
          const why = typeof result.message === 'string' && result.message ? result.message : 'the training host did not answer';
          set({ status: 'error', message: { title: 'Training could not start.', details: [why], advice: ['Press Train to try again; if it keeps failing, save the project and restart the app.'] } });
          return;
        }
        if (get().status === 'starting') set({ status: opts?.paused ? 'paused' : 'running' });
      },

      pause: () => withRun((api, id) => api.pauseTraining(id)),
      resume: () => withRun((api, id) => api.resumeTraining(id)),
      async step() {
        if (!isActive(get().status)) {
          await get().start({ paused: true });
        }
        await withRun((api, id) => api.stepTraining(id));
      },
      stop: () => withRun((api, id) => api.stopTraining(id)),

      resetWeights() {
        if (isActive(get().status)) return;
        deps.project().setWeights(null);
        set({ ...idleView(), continueTraining: false });
      },

      clear() {
        if (isActive(get().status)) return;
        set({ ...idleView() });
      },
    };
  });

  // Another project was loaded (New, Open, a restored backup): the view of the old project's
  // run must go, and a run still going must neither keep running nor write into the new one.
  deps.onProjectReplaced(() => {
    const { status, runId } = store.getState();
    if (isActive(status) && runId) void deps.api().stopTraining(runId);
    runContext = null;
    queue = [];
    store.setState({ ...idleView() });
  });

  return store;
}

let runCounter = 0;

export const useTrainingStore = createTrainingStore({
  api: getApi,
  project: () => useProjectStore.getState(),
  onProjectReplaced: (listener) => {
    useProjectStore.subscribe((s, prev) => {
      if (s.generation !== prev.generation) listener();
    });
  },
  now: () => performance.now(),
  nowIso: () => new Date().toISOString(),
  requestFrame: (cb) => {
    // rAF does not fire in a hidden tab; a timer keeps events flowing there (more slowly).
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') setTimeout(cb, 250);
    else requestAnimationFrame(() => cb());
  },
  newRunId: () => `run-${Date.now().toString(36)}-${(runCounter += 1)}`,
});
