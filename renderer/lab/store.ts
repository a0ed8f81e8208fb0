// The Lab view's store: the lab's findings on the two lab examples (XOR and the linear set,
// read from the bundled examples, never the open project), each repeated over seeds on the
// training backend and judged by core. "Run all" goes finding by finding; a finding's runs go
// to the backend at once (its pool queues what it cannot take). Events are batched per frame.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import {
  LAB_FINDINGS,
  LAB_SEEDS,
  expandSweep,
  judgeFinding,
  sweepValueSaid,
  labSweep,
  parseProject,
  projectToSpec,
  rowOf,
  type FindingResult,
  type LabFinding,
  type LabTask,
  type Project,
  type RunResult,
  type SweepSetting,
  type Text,
  type TrainingEvent,
} from '../../core/index';
import type { BpnnApi } from '../../runtime/api';
import { getApi } from '../backend/api';
import { loadExampleText } from '../backend/web/examples';
import { startProblemsMessage } from '../store/training-events';
import { memoryLimitRequest } from '../store/ui';
import { spokenNow } from '../i18n/core-text';

/** The Text of a value's label, when it has words to translate. */
function labelTextOf(setting: SweepSetting, value: string): { labelText?: Text } {
  const said = sweepValueSaid(setting, value);
  return typeof said === 'string' ? {} : { labelText: said };
}

export interface LabRunView {
  runId: string;
  value: string;
  label: string;
  /** `label` as a Text, when it has words to translate ("Identity (no activation)"). */
  labelText?: Text;
  seed: number;
  totalEpochs: number;
  /** Per epoch, as they arrive. Only what the judge and the charts read is kept. */
  loss: number[];
  accuracy: number[];
  result: RunResult | null;
  error: string | null;
}

export type LabFindingStatus = 'idle' | 'queued' | 'running' | 'done' | 'error';

export interface LabFindingView {
  id: number;
  status: LabFindingStatus;
  runs: LabRunView[];
  result: FindingResult | null;
  /** Why it could not run or finish, in a sentence. */
  message: string | null;
  /** `message` as the engine said it, to show in the app's language. */
  messageText?: Text;
}

export interface LabState {
  seedCount: number;
  findings: Record<number, LabFindingView>;
  /** A run of one finding or of all is going. */
  busy: boolean;
  setSeedCount(n: number): void;
  run(id: number): Promise<void>;
  runAll(): Promise<void>;
  stop(): Promise<void>;
}

export interface LabDeps {
  api(): BpnnApi;
  /** The lab example of a task (examples/xor.bpnn, examples/linear.bpnn). */
  example(task: LabTask): Promise<Project>;
  requestFrame(cb: () => void): void;
  newId(): string;
}

const SWEEPS = LAB_FINDINGS.filter((f) => f.sweep !== null && f.task !== null);

const idleFinding = (id: number): LabFindingView => ({ id, status: 'idle', runs: [], result: null, message: null });

const ended = (r: LabRunView): boolean => r.result !== null || r.error !== null;

export function createLabStore(deps: LabDeps): UseBoundStore<StoreApi<LabState>> {
  let queue: TrainingEvent[] = [];
  let frameRequested = false;
  let subscribed = false;
  let cancelled = false;
  /** Settles when the finding that is running now has every run ended. */
  let current: { id: number; resolve(): void } | null = null;

  return create<LabState>()((set, get) => {
    const update = (id: number, change: (f: LabFindingView) => LabFindingView) => set({ findings: { ...get().findings, [id]: change(get().findings[id]) } });

    const judgeIfDone = (id: number) => {
      const f = get().findings[id];
      if (f.status !== 'running' || !f.runs.every(ended)) return;
      const finding = LAB_FINDINGS.find((x) => x.id === id) as LabFinding;
      const runs = f.runs
        .filter((r) => r.result)
        .map((r) => ({ value: r.value, seed: r.seed, loss: r.loss, row: rowOf({ id: r.runId, name: r.label, value: r.value, loss: r.loss, accuracy: r.accuracy, result: r.result as RunResult }, r.label) }));
      const failed = f.runs.find((r) => r.error);
      update(id, (x) => ({ ...x, status: failed ? 'error' : 'done', result: judgeFinding(finding, runs), message: failed ? failed.error : null }));
      if (current?.id === id) current.resolve();
    };

    const flush = () => {
      frameRequested = false;
      const events = queue;
      queue = [];
      const touched = new Set<number>();
      const findings = { ...get().findings };
      for (const [key, f] of Object.entries(findings)) {
        if (f.status !== 'running') continue;
        let changed = false;
        const runs = f.runs.map((run) => {
          const mine = events.filter((e) => e.runId === run.runId);
          if (!mine.length) return run;
          changed = true;
          const next = { ...run, loss: run.loss.slice(), accuracy: run.accuracy.slice() };
          for (const e of mine) {
            if (e.type === 'progress') {
              for (const m of e.epochs) {
                next.loss.push(m.loss);
                next.accuracy.push(m.accuracy);
              }
            } else if (e.type === 'done' || e.type === 'stopped' || e.type === 'diverged') next.result = e.result;
            else if (e.type === 'error') next.error = e.message;
          }
          return next;
        });
        if (changed) {
          findings[Number(key)] = { ...f, runs };
          touched.add(Number(key));
        }
      }
      set({ findings });
      for (const id of touched) judgeIfDone(id);
    };

    const receive = (event: TrainingEvent) => {
      if (!event.runId.startsWith('lab-')) return;
      queue.push(event);
      if (!frameRequested) {
        frameRequested = true;
        deps.requestFrame(flush);
      }
    };

    /** Starts one finding's runs and resolves when every one has ended (or could not start). */
    const runFinding = async (finding: LabFinding): Promise<void> => {
      if (!subscribed) {
        subscribed = true;
        deps.api().onTrainingEvent(receive);
      }
      const task = finding.task as LabTask;
      let project: Project;
      try {
        project = await deps.example(task);
      } catch (e) {
        update(finding.id, (f) => ({ ...f, status: 'error', messageText: undefined, message: `The ${task === 'xor' ? 'XOR' : 'linear'} example could not be opened: ${e instanceof Error ? e.message : String(e)}` }));
        return;
      }
      const def = labSweep(finding, project.training.seed, get().seedCount);
      const expanded = def ? expandSweep({ spec: projectToSpec(project), dataset: project.dataset, settings: project.training }, def) : null;
      if (!expanded || !expanded.ok) {
        const problem = expanded && !expanded.ok ? expanded.problems[0] : null;
        update(finding.id, (f) => ({ ...f, status: 'error', message: problem ? problem.message : 'This finding is not an experiment to run.', ...(problem?.text ? { messageText: problem.text } : {}) }));
        return;
      }
      const prefix = `lab-${finding.id}-${deps.newId()}`;
      const runs: LabRunView[] = expanded.plan.runs.map((r) => ({
        runId: `${prefix}-${r.index}`,
        value: r.value,
        label: r.label,
        ...labelTextOf(expanded.plan.setting, r.value),
        seed: r.seed,
        totalEpochs: r.request.settings.epochs,
        loss: [],
        accuracy: [],
        result: null,
        error: null,
      }));
      const done = new Promise<void>((resolve) => {
        current = { id: finding.id, resolve };
      });
      update(finding.id, () => ({ id: finding.id, status: 'running', runs, result: null, message: null }));
      await Promise.all(
        expanded.plan.runs.map(async (r, i) => {
          const started = await deps.api().startTraining({ runId: runs[i].runId, request: r.request, boundaryResolution: 0, ...memoryLimitRequest() });
          if (!started.ok) {
            const m = startProblemsMessage(started.problems);
            update(finding.id, (f) => ({ ...f, runs: f.runs.map((v) => (v.runId === runs[i].runId ? { ...v, error: m.title } : v)) }));
          }
        }),
      );
      judgeIfDone(finding.id);
      await done;
      current = null;
    };

    return {
      seedCount: LAB_SEEDS,
      findings: Object.fromEntries(SWEEPS.map((f) => [f.id, idleFinding(f.id)])),
      busy: false,

      setSeedCount(seedCount) {
        if (get().busy || !(Number.isInteger(seedCount) && seedCount >= 1)) return;
        set({ seedCount });
      },

      async run(id) {
        const finding = SWEEPS.find((f) => f.id === id);
        if (!finding || get().busy) return;
        cancelled = false;
        set({ busy: true });
        try {
          await runFinding(finding);
        } finally {
          set({ busy: false });
        }
      },

      async runAll() {
        if (get().busy) return;
        cancelled = false;
        set({ busy: true, findings: Object.fromEntries(SWEEPS.map((f) => [f.id, { ...idleFinding(f.id), status: 'queued' as const }])) });
        try {
          for (const f of SWEEPS) {
            if (cancelled) {
              update(f.id, () => idleFinding(f.id));
              continue;
            }
            await runFinding(f);
          }
        } finally {
          set({ busy: false });
        }
      },

      async stop() {
        cancelled = true;
        const active = Object.values(get().findings).flatMap((f) => (f.status === 'running' ? f.runs.filter((r) => !ended(r)) : []));
        await Promise.all(active.map((r) => deps.api().stopTraining(r.runId)));
      },
    };
  });
}

let counter = 0;

export const useLabStore = createLabStore({
  api: getApi,
  // The bundled text, parsed here: opening it through the backend would make it the window's document.
  example: async (task) => {
    const text = await loadExampleText(task);
    const parsed = text === null ? null : parseProject(text);
    if (!parsed || !parsed.ok) throw new Error(parsed ? spokenNow(parsed.problems[0]) : `there is no example called '${task}'`);
    return parsed.project;
  },
  requestFrame: (cb) => {
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') setTimeout(cb, 250);
    else requestAnimationFrame(() => cb());
  },
  newId: () => `${Date.now().toString(36)}${(counter += 1)}`,
});
