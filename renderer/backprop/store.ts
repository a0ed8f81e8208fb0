// The step-through's state: which samples, the engine's stepper for the open project, the view
// it shows, and the number whose "why" is open. The stepper itself (the engine's network and
// optimizer) lives outside the store's state: only its plain views are stored. Any change to
// the project's graph, data, settings or weights makes the stepper stale, and it is dropped.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { createInspector, explain, makeDataset, projectToSpec, MAX_INSPECT_SAMPLES } from '../../core/index';
import { informativeSample } from './default-sample';
import type { Project, Stepper, StepperView, TrainProblem, ValueRef, Why } from '../../core/index';

/** A step-through problem on one line: the node it is about, then what it says. */
export function problemLine(p: TrainProblem, said: string): string {
  return 'nodeId' in p && p.nodeId ? `${p.nodeId}: ${said}` : said;
}

export interface BackpropState {
  /** First sample of the batch (an index into the whole dataset). */
  sample: number;
  /** False until the student picks a sample: till then the first informative one is used (default-sample.ts). */
  sampleChosen: boolean;
  /** Samples in the batch: sample, sample + 1, … */
  batch: number;
  view: StepperView | null;
  /** Why the step-through cannot start (an invalid graph, weights that do not fit). */
  problems: string[];
  /** The problems behind `problems`, to say them in the app's language. */
  problemSaid: TrainProblem[];
  selected: { ref: ValueRef; why: Why } | null;

  setSample(sample: number): void;
  setBatch(batch: number): void;
  stepForward(): void;
  stepBackward(): void;
  optimizerStep(): void;
  reset(): void;
  select(ref: ValueRef | null): void;
}

export interface BackpropDeps {
  project(): Project;
  subscribeProject(listener: (project: Project, previous: Project) => void): void;
}

export function createBackpropStore(deps: BackpropDeps): UseBoundStore<StoreApi<BackpropState>> {
  let stepper: Stepper | null = null;
  let subscribed = false;

  return create<BackpropState>()((set, get) => {
    const drop = () => {
      stepper = null;
      set({ view: null, selected: null, problems: [], problemSaid: [] });
    };

    const ensureSubscribed = () => {
      if (subscribed) return;
      subscribed = true;
      deps.subscribeProject((p, prev) => {
        if (p.graph !== prev.graph || p.dataset !== prev.dataset || p.training !== prev.training || p.weights !== prev.weights) drop();
      });
    };

    /** The stepper for the current project and samples, created on first use. */
    const ensureStepper = (): Stepper | null => {
      ensureSubscribed();
      if (stepper) return stepper;
      const project = deps.project();
      if (!get().sampleChosen) {
        const made = makeDataset(project.dataset);
        if (made.ok) {
          const d = made.dataset;
          set({ sample: informativeSample(d.x, d.n, d.n > 0 ? d.x.length / d.n : 0) });
        }
      }
      const { sample, batch } = get();
      const samples = Array.from({ length: batch }, (_, i) => sample + i);
      const r = createInspector({ spec: projectToSpec(project), dataset: project.dataset, settings: project.training, weights: project.weights, samples });
      if (!r.ok) {
        set({ problems: r.problems.map((p) => problemLine(p, p.message)), problemSaid: r.problems });
        return null;
      }
      stepper = r.stepper;
      set({ problems: [], problemSaid: [] });
      return stepper;
    };

    /** Runs one stepper action and publishes the new view (re-explaining the open number). */
    const act = (fn: (s: Stepper) => void) => {
      const s = ensureStepper();
      if (!s) return;
      fn(s);
      const view = s.view();
      const sel = get().selected;
      const why = sel ? explain(view, sel.ref) : null;
      set({ view, selected: sel && why ? { ref: sel.ref, why } : null });
    };

    return {
      sample: 0,
      sampleChosen: false,
      batch: 1,
      view: null,
      problems: [],
      problemSaid: [],
      selected: null,

      setSample(sample) {
        if (sample === get().sample && get().sampleChosen) return;
        set({ sample: Math.max(0, Math.floor(sample)), sampleChosen: true });
        drop();
      },
      setBatch(batch) {
        const b = Math.min(MAX_INSPECT_SAMPLES, Math.max(1, Math.floor(batch)));
        if (b === get().batch) return;
        set({ batch: b });
        drop();
      },
      stepForward: () => act((s) => s.stepForward()),
      stepBackward: () => act((s) => s.stepBackward()),
      optimizerStep: () => act((s) => s.optimizerStep()),
      reset() {
        if (stepper) act((s) => s.reset());
      },
      select(ref) {
        const view = get().view;
        if (!ref || !view) {
          set({ selected: null });
          return;
        }
        const why = explain(view, ref);
        set({ selected: why ? { ref, why } : null });
      },
    };
  });
}
