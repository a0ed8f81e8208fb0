// The Compare view's store: which setting to vary and its values, and the sweep in progress.
// Every run of the sweep goes to the backend at once (the desktop pool queues what it cannot
// take; the browser starts a worker per run), each keeps its own view, fed by the same event
// reducer as the single-run store, batched per animation frame. When the last run ends, the
// runs go into the project's history with their sweep id. Dependencies are injected so tests
// drive the store with a fake api and a manual frame clock.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import {
  buildRunRecord,
  DEFAULT_SWEEP_SEEDS,
  expandSweep,
  projectToSpec,
  render,
  say,
  seedsFrom,
  sweepValueSaid,
  SWEEP_PRESETS,
  type Project,
  type RunRecord,
  type SweepPlan,
  type SweepSetting,
  type Text,
  type TrainingEvent,
  type TrainRequest,
  type Weights,
} from '../../core/index';
import type { BpnnApi } from '../../runtime/api';
import { getApi } from '../backend/api';
import { useProjectStore } from './project';
import { applyEvents, BOUNDARY_RESOLUTION, idleView, isActive, startProblemsMessage, type RunView } from './training-events';
import { memoryLimitRequest, useUiStore } from './ui';

export interface SweepRunView extends RunView {
  value: string;
  label: string;
  /** `label` as a Text, when the sweep's words gave it (a name such as ReLU is the same in every language). */
  labelText?: Text;
  /** The run's training seed (each value runs once per seed). */
  seed: number;
  /** Trained weights once the run has ended (for the decision boundary and the report). */
  weights: Weights | null;
}

/** The Text of a value's label, when it has words to translate. */
function labelTextOf(setting: SweepSetting, value: string): { labelText?: Text } {
  const said = sweepValueSaid(setting, value);
  return typeof said === 'string' ? {} : { labelText: said };
}

export type SweepStatus = 'idle' | 'running' | 'finished';

export interface SweepState {
  setting: SweepSetting;
  /** The values to try, as text (presets or typed). */
  values: string[];
  /** Seeds each value repeats over (from the project's seed up); ignored when the seed is the setting. */
  seedCount: number;
  /** Every seed draws its own data set (generated data only). */
  newData: boolean;
  status: SweepStatus;
  sweepId: string | null;
  plan: Pick<SweepPlan, 'setting' | 'settingKey' | 'settingLabel' | 'nodeIds' | 'seeds' | 'newData'> | null;
  runs: SweepRunView[];
  /** Why the sweep could not start, one line each. */
  problems: string[];
  /** The engine's problems as Texts, one per line of `problems` (none for the app's own notes). */
  problemTexts?: (Text | undefined)[];
  /** Weights of every run ended in this session, by run id (history overlays, report). */
  weightsByRun: Record<string, Weights>;

  setSetting(setting: SweepSetting): void;
  setValues(values: string[]): void;
  setSeedCount(n: number): void;
  setNewData(on: boolean): void;
  start(): Promise<void>;
  stopAll(): Promise<void>;
  /** Forget the finished sweep's view (its runs stay in the project's history). */
  clear(): void;
}

export interface SweepDeps {
  api(): BpnnApi;
  /** addRuns puts the sweep's runs into the project's history (see placeRuns). */
  project(): { project: Project; addRuns(r: RunRecord[]): void };
  /** Canvas selection, for "hidden units of the selected Linear nodes". */
  selectedNodeIds(): string[];
  nowIso(): string;
  requestFrame(cb: () => void): void;
  newId(): string;
}

export function createSweepStore(deps: SweepDeps): UseBoundStore<StoreApi<SweepState>> {
  let queue: TrainingEvent[] = [];
  let frameRequested = false;
  let subscribed = false;
  let context: { createdAt: string; project: Project; sweepId: string; settingKey: string; settingLabel: string; repeated: boolean } | null = null;

  return create<SweepState>()((set, get) => {
    const finishIfDone = () => {
      const s = get();
      if (s.status !== 'running' || !context || s.runs.some((r) => isActive(r.status))) return;
      const c = context;
      context = null;
      const records: RunRecord[] = [];
      for (const run of s.runs) {
        if (!run.result || !run.runId) continue;
        records.push(
          buildRunRecord({
            id: run.runId,
            name: `${c.settingLabel} ${run.value}${c.repeated ? `, seed ${run.seed}` : ''}`,
            createdAt: c.createdAt,
            settings: runRequest(run)?.settings ?? c.project.training,
            dataset: runRequest(run)?.dataset ?? c.project.dataset,
            metrics: run.metrics,
            result: run.result,
            sweep: { id: c.sweepId, setting: c.settingKey, value: run.value },
          }),
        );
      }
      if (sameProject(c.project, deps.project().project)) deps.project().addRuns(records);
      else set({ problemTexts: [], problems: ['Another project was opened during the sweep, so its runs were not added to it. Export the table or the report to keep them.'] });
      set({ status: 'finished' });
    };

    // The settings and data each run trained with, kept from its request.
    const requests = new Map<string, TrainRequest>();
    const runRequest = (run: SweepRunView) => (run.runId ? requests.get(run.runId) : undefined);

    const flush = () => {
      frameRequested = false;
      const events = queue;
      queue = [];
      const s = get();
      let weightsByRun = s.weightsByRun;
      const runs = s.runs.map((run) => {
        const mine = events.filter((e) => e.runId === run.runId);
        if (!mine.length) return run;
        const { view, finished } = applyEvents(run, mine);
        let weights = run.weights;
        if (finished) {
          weights = finished.event.weights;
          weightsByRun = { ...weightsByRun, [finished.event.runId]: weights };
        }
        return { ...run, ...view, weights };
      });
      set({ runs, weightsByRun });
      finishIfDone();
    };

    const receive = (event: TrainingEvent) => {
      if (!get().runs.some((r) => r.runId === event.runId)) return;
      queue.push(event);
      if (!frameRequested) {
        frameRequested = true;
        deps.requestFrame(flush);
      }
    };

    return {
      setting: 'lr',
      values: [...SWEEP_PRESETS.lr],
      seedCount: DEFAULT_SWEEP_SEEDS,
      newData: false,
      status: 'idle',
      sweepId: null,
      plan: null,
      runs: [],
      problems: [],
      problemTexts: [],
      weightsByRun: {},

      setSetting(setting) {
        if (get().status === 'running') return;
        set({ setting, values: [...SWEEP_PRESETS[setting]], problems: [], problemTexts: [] });
      },

      setValues(values) {
        if (get().status === 'running') return;
        set({ values, problems: [], problemTexts: [] });
      },

      setSeedCount(seedCount) {
        if (get().status === 'running' || !(Number.isInteger(seedCount) && seedCount >= 1)) return;
        set({ seedCount, problems: [], problemTexts: [] });
      },

      setNewData(newData) {
        if (get().status === 'running') return;
        set({ newData, problems: [], problemTexts: [] });
      },

      async start() {
        if (get().status === 'running') return;
        if (!subscribed) {
          subscribed = true;
          deps.api().onTrainingEvent(receive);
        }
        const { project } = deps.project();
        const { setting, values, seedCount, newData } = get();
        const selected = setting === 'hidden' ? deps.selectedNodeIds() : [];
        const base = { spec: projectToSpec(project), dataset: project.dataset, settings: project.training };
        const over = { ...(setting === 'seed' ? {} : { seeds: seedsFrom(project.training.seed, seedCount) }), newData };
        let expanded = expandSweep(base, { setting, values, nodeIds: selected, ...over });
        // A selection that holds no hidden Linear node means "all of them", not an error.
        if (!expanded.ok && selected.length && expanded.problems.some((p) => p.field === 'nodeIds')) {
          expanded = expandSweep(base, { setting, values, ...over });
        }
        if (!expanded.ok) {
          const texts = expanded.problems.map((p) =>
            p.field.startsWith('values[') ? say('sweep.problem.atValue', { n: Number(p.field.slice(7, -1)) + 1, problem: p.text ?? p.message }) : p.text,
          );
          const problems = expanded.problems.map((p, i) => {
            const text = texts[i];
            return text ? render(text) : p.message;
          });
          set({ status: 'idle', problems, problemTexts: texts });
          return;
        }
        const plan = expanded.plan;
        const sweepId = deps.newId();
        context = { createdAt: deps.nowIso(), project, sweepId, settingKey: plan.settingKey, settingLabel: plan.settingLabel, repeated: plan.seeds.length > 1 };
        queue = [];
        requests.clear();
        const runs: SweepRunView[] = plan.runs.map((r) => ({
          ...idleView(),
          status: 'starting',
          runId: `${sweepId}-${r.index}`,
          totalEpochs: r.request.settings.epochs,
          value: r.value,
          label: r.label,
          ...labelTextOf(plan.setting, r.value),
          seed: r.seed,
          weights: null,
        }));
        for (let i = 0; i < runs.length; i++) requests.set(runs[i].runId as string, plan.runs[i].request);
        set({
          status: 'running',
          sweepId,
          plan: { setting: plan.setting, settingKey: plan.settingKey, settingLabel: plan.settingLabel, nodeIds: plan.nodeIds, seeds: plan.seeds, newData: plan.newData },
          runs,
          problems: [],
      problemTexts: [],
        });
        await Promise.all(
          plan.runs.map(async (r, i) => {
            const runId = runs[i].runId as string;
            const result = await deps.api().startTraining({ runId, request: r.request, boundaryResolution: BOUNDARY_RESOLUTION, ...memoryLimitRequest() });
            if (get().sweepId !== sweepId) return;
            set({
              runs: get().runs.map((v) => {
                if (v.runId !== runId) return v;
                if (!result.ok) {
                  const m = startProblemsMessage(result.problems);
                  return { ...v, status: 'error' as const, message: m };
                }
                return v.status === 'starting' ? { ...v, status: 'running' as const } : v;
              }),
            });
          }),
        );
        finishIfDone();
      },

      async stopAll() {
        const active = get().runs.filter((r) => r.runId && isActive(r.status));
        await Promise.all(active.map((r) => deps.api().stopTraining(r.runId as string)));
      },

      clear() {
        if (get().status === 'running') return;
        set({ status: 'idle', sweepId: null, plan: null, runs: [], problems: [], problemTexts: [] });
      },
    };
  });
}

/**
 * Whether `now` is still the project a sweep started on (possibly edited, with more runs), not
 * another one opened meanwhile: same name, and every run it had is still there.
 */
export function sameProject(then: Project, now: Project): boolean {
  if (then.name !== now.name) return false;
  const ids = new Set(now.runs.map((r) => r.id));
  return then.runs.every((r) => ids.has(r.id));
}

/**
 * The run list with a sweep's runs added. When the project's weights belong to its last run (a
 * single run, not a sweep), that run stays last: the charts show the last run's curves next to
 * the predictions of the project's weights, and the two must be the same run.
 */
export function placeRuns(runs: readonly RunRecord[], added: readonly RunRecord[], hasWeights: boolean): RunRecord[] {
  const last = runs[runs.length - 1];
  if (hasWeights && last && !last.sweep) return [...runs.slice(0, -1), ...added, last];
  return [...runs, ...added];
}

/** Adds runs that did not produce the project's weights (sweep runs, re-runs) to the open project. */
export function addRunsToProject(records: readonly RunRecord[]): void {
  const { project, setRuns } = useProjectStore.getState();
  setRuns(placeRuns(project.runs, records, project.weights !== null));
}

let counter = 0;

export const useSweepStore = createSweepStore({
  api: getApi,
  project: () => ({ project: useProjectStore.getState().project, addRuns: addRunsToProject }),
  selectedNodeIds: () => useUiStore.getState().selectedNodeIds,
  nowIso: () => new Date().toISOString(),
  requestFrame: (cb) => {
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') setTimeout(cb, 250);
    else requestAnimationFrame(() => cb());
  },
  newId: () => `sweep-${Date.now().toString(36)}-${(counter += 1)}`,
});
