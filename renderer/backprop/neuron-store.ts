// Per-neuron views and live weights for the canvas. While a run streams snapshots (computed in
// the training worker, off the page's main thread) they are shown as they arrive (a few per
// second at most); otherwise the views are computed once from the project's weights (or the
// seeded initial ones) whenever the graph, data, settings or weights change.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { createNeuronModel, initialWeights, projectToSpec } from '../../core/index';
import type { NeuronGrid, Project, Text, TrainingEvent, Weights, WeightsEvent } from '../../core/index';

/** Side of each neuron thumbnail's grid: enough to read a boundary, cheap to compute and send. */
export const NEURON_RESOLUTION = 24;

/** A run's live snapshot (core's WeightsEvent, a TrainingEvent variant). */
export type WeightsSnapshot = WeightsEvent;

export function isWeightsSnapshot(e: TrainingEvent | WeightsSnapshot): e is WeightsSnapshot {
  return e.type === 'weights' && typeof (e as WeightsSnapshot).weights === 'object';
}

export interface NeuronState {
  /** Neuron thumbnails on the nodes (2-D data only). */
  showNeurons: boolean;
  /** Weight heat maps on every connection into a Linear node. */
  showWeights: boolean;
  /** Connections whose heat map was asked for one by one (shown even when showWeights is off). */
  edgesShown: readonly string[];
  grids: Readonly<Record<string, NeuronGrid>>;
  weights: Weights | null;
  /** The live snapshot before `weights` (same run) and its epoch, so the inspector can show what changed. */
  previous: { epoch: number; weights: Weights } | null;
  /** Where the views come from, for the caption. */
  source: { kind: 'initial' | 'trained' } | { kind: 'live'; epoch: number } | null;
  /** Why there are no neuron views (not 2-D data, an invalid graph). */
  message: string | null;
  /** `message` as the engine said it, to show in the app's language (null: nothing more to say). */
  messageText: Text | null;
  setShowNeurons(on: boolean): void;
  setShowWeights(on: boolean): void;
  setEdgeShown(edgeId: string, on: boolean): void;
}

export interface NeuronDeps {
  project(): Project;
  subscribeProject(listener: (project: Project, previous: Project) => void): void;
  /** Subscribes to the backend's training events (lazily, on first use). */
  onTrainingEvent(listener: (e: TrainingEvent | WeightsSnapshot) => void): void;
  /** Runs work after the current frame (so a project change never blocks an input event). */
  later(fn: () => void): void;
}

export function createNeuronStore(deps: NeuronDeps): UseBoundStore<StoreApi<NeuronState>> {
  let wired = false;
  let pending = false;
  let liveRun: string | null = null;

  return create<NeuronState>()((set, get) => {
    const wanted = () => get().showNeurons || get().showWeights || get().edgesShown.length > 0;

    /** Views from the project's own weights (idle): computed here, once per change. */
    const fromProject = () => {
      pending = false;
      if (!wanted() || liveRun) return;
      const p = deps.project();
      // Untrained, the heat maps show the seeded weights a run would start from.
      const weights = p.weights ?? initialWeights(projectToSpec(p), p.dataset, { seed: p.training.seed, init: p.training.init });
      set({ weights, previous: null, source: { kind: p.weights ? 'trained' : 'initial' } });
      if (!get().showNeurons) return;
      const made = createNeuronModel(projectToSpec(p), p.dataset, { seed: p.training.seed, init: p.training.init });
      if (!made.ok) {
        set({ grids: {}, message: made.problems[0]?.message ?? null, messageText: made.problems[0]?.text ?? null });
        return;
      }
      const problems = made.model.setWeights(p.weights);
      if (problems.length) {
        set({ grids: {}, message: problems[0].message, messageText: problems[0].text ?? null });
        return;
      }
      const grids: Record<string, NeuronGrid> = {};
      for (const g of made.model.grids(NEURON_RESOLUTION)) grids[g.nodeId] = g;
      set({ grids, message: null, messageText: null });
    };

    const schedule = () => {
      if (pending) return;
      pending = true;
      deps.later(fromProject);
    };

    const wire = () => {
      if (wired) return;
      wired = true;
      deps.subscribeProject((p, prev) => {
        // A connection that went away takes its on-demand heat map with it.
        const shown = get().edgesShown;
        if (p.graph !== prev.graph && shown.some((id) => !p.graph.edges.some((e) => e.id === id))) {
          set({ edgesShown: shown.filter((id) => p.graph.edges.some((e) => e.id === id)) });
        }
        if (p.graph !== prev.graph || p.dataset !== prev.dataset || p.training !== prev.training || p.weights !== prev.weights) {
          // A finished run's weights arrive here: the live view gives way to the stored one.
          if (p.weights !== prev.weights) liveRun = null;
          schedule();
        }
      });
      deps.onTrainingEvent((e) => {
        if (isWeightsSnapshot(e)) {
          if (!wanted()) return;
          const before = get();
          const previous = liveRun === e.runId && before.weights && before.source?.kind === 'live' ? { epoch: before.source.epoch, weights: before.weights } : null;
          liveRun = e.runId;
          const update: Partial<NeuronState> = { weights: e.weights, previous, source: { kind: 'live', epoch: e.epoch } };
          if (e.neurons) {
            const grids: Record<string, NeuronGrid> = {};
            for (const g of e.neurons) grids[g.nodeId] = g;
            update.grids = grids;
            update.message = null;
            update.messageText = null;
          }
          set(update);
        } else if (e.runId === liveRun && (e.type === 'done' || e.type === 'stopped' || e.type === 'diverged' || e.type === 'error')) {
          liveRun = null;
          schedule();
        }
      });
    };

    return {
      showNeurons: false,
      showWeights: false,
      edgesShown: [],
      grids: {},
      weights: null,
      previous: null,
      source: null,
      message: null,
      messageText: null,
      setShowNeurons(on) {
        wire();
        set({ showNeurons: on });
        if (on) schedule();
      },
      setShowWeights(on) {
        wire();
        set({ showWeights: on });
        if (on) schedule();
      },
      setEdgeShown(edgeId, on) {
        wire();
        const others = get().edgesShown.filter((id) => id !== edgeId);
        set({ edgesShown: on ? [...others, edgeId] : others });
        if (on) schedule();
      },
    };
  });
}

/** What a training run should stream for these views: a neuron grid side, or 0 for none. */
export function liveNeuronResolution(state: Pick<NeuronState, 'showNeurons' | 'showWeights'> & { edgesShown?: readonly string[] }): number {
  return state.showNeurons || state.showWeights || (state.edgesShown?.length ?? 0) > 0 ? NEURON_RESOLUTION : 0;
}
