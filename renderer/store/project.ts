// The open project and its undo history. Every edit of the graph, the dataset or the training
// settings is one undo step; results (weights, runs) are not undoable but make the file dirty.
// Plain zustand without React, so the actions are tested by calling them (test/renderer/store).
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { newProject } from '../../core/index';
import type {
  DatasetSpec,
  NodeId,
  NodeType,
  Project,
  ProjectEdge,
  ProjectNode,
  RunRecord,
  TrainingSettings,
  Weights,
} from '../../core/index';
import {
  addEdge,
  addNodeTo,
  clipOf,
  deleteFromGraph,
  moveInput as moveInputEdge,
  pasteInto,
  setInput as setInputEdge,
  setParams,
  setPositions,
  tidyGraph,
  type Clip,
  type Graph,
  type XY,
} from './graph-edits';

/** The undoable part of a project. */
export interface Doc {
  graph: Graph;
  dataset: DatasetSpec;
  training: TrainingSettings;
}

export const HISTORY_LIMIT = 200;

export interface ProjectState {
  project: Project;
  filePath: string | null;
  fileName: string;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /**
   * Counts the projects loaded (open, new, restore). Whoever holds state about the open project
   * (a run in progress) watches this, not the project's contents, to tell "another project"
   * from "this project changed".
   */
  generation: number;

  /**
   * Replace the project (open, new, restore): resets undo history, dirty=false — except with
   * `{ dirty: true }` (a restored crash backup holds changes the file does not have).
   */
  loadProject(project: Project, filePath: string | null, fileName: string, opts?: { dirty?: boolean }): void;
  markSaved(filePath: string | null, fileName: string): void;

  setDataset(spec: DatasetSpec): void;
  updateTraining(patch: Partial<TrainingSettings>): void;

  /** Adds a node of `type` at `position` (flow coordinates); returns its new id. */
  addNode(type: NodeType, position: XY, params?: Record<string, number | boolean>): NodeId;
  /**
   * Moves nodes. phase 'drag' updates positions without a history step (called on every
   * pointer move); 'end' closes the gesture as one step. 'once' is a single-shot move.
   */
  moveNodes(positions: Record<string, XY>, phase: 'drag' | 'end' | 'once'): void;
  /** Deletes nodes (with their edges) and edges, as one step. */
  deleteElements(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  /** Connects source → target; returns false (no change) for a self-loop or a duplicate. */
  connect(source: string, target: string): boolean;
  /** Moves an input one place earlier (-1) or later (+1) among its block's inputs (Concat's order); one step. */
  moveInput(edgeId: string, delta: -1 | 1): void;
  /** Makes `source` the only input of `target` (null removes its inputs); one step. */
  setInput(target: string, source: string | null): void;
  updateParams(nodeId: string, patch: Record<string, number | boolean>): void;
  /** Copies the given nodes (and edges between them) offset on the canvas; returns the new ids. */
  duplicate(nodeIds: readonly string[]): NodeId[];
  /** Inserts a clipboard's nodes with fresh ids, offset by `offset`; returns the new ids. */
  paste(clip: Clip, offset: XY): NodeId[];
  /** Lays the graph out left to right along its chain, wrapping after maxColumns; one step. */
  /** `spacing`: distance between node origins (default TIDY_SPACING; larger when nodes are). */
  tidy(maxColumns?: number, spacing?: XY): void;

  undo(): void;
  redo(): void;

  setWeights(weights: Weights | null): void;
  addRun(run: RunRecord): void;
  /** Replaces the run history (rename, delete, sweep runs placed): a result edit, so not an undo step, but unsaved. */
  setRuns(runs: readonly RunRecord[]): void;
}

interface Internal {
  past: Doc[];
  future: Doc[];
  /** The doc as last saved/loaded: dirty is computed against it, so undoing back to it is clean. */
  saved: Doc;
  /** Weights or runs changed since the last save. */
  resultsDirty: boolean;
  /** The doc before the drag in progress, committed as one step when the drag ends. */
  dragBase: Doc | null;
}

const docOf = (p: Project): Doc => ({ graph: p.graph, dataset: p.dataset, training: p.training });
const sameDoc = (a: Doc, b: Doc): boolean =>
  a.graph === b.graph && a.dataset === b.dataset && a.training === b.training;

export const DUPLICATE_OFFSET: XY = { x: 40, y: 40 };

export const useProjectStore: UseBoundStore<StoreApi<ProjectState>> = create<ProjectState>()((set, get) => {
  const initial = newProject();
  const internal: Internal = { past: [], future: [], saved: docOf(initial), resultsDirty: false, dragBase: null };

  const flags = (project: Project) => ({
    dirty: internal.resultsDirty || !sameDoc(docOf(project), internal.saved),
    canUndo: internal.past.length > 0,
    canRedo: internal.future.length > 0,
  });

  /** Applies an undoable edit; a no-op edit (same doc back) adds no step. */
  const edit = (change: (doc: Doc) => Doc): void => {
    const project = get().project;
    const before = docOf(project);
    const after = change(before);
    if (sameDoc(before, after)) return;
    internal.past.push(internal.dragBase ?? before);
    if (internal.past.length > HISTORY_LIMIT) internal.past.shift();
    internal.future = [];
    internal.dragBase = null;
    const next = { ...project, ...after };
    set({ project: next, ...flags(next) });
  };

  const editGraph = (change: (g: Graph) => Graph): void => edit((d) => {
    const graph = change(d.graph);
    return graph === d.graph ? d : { ...d, graph };
  });

  const restore = (doc: Doc): void => {
    const next = { ...get().project, ...doc };
    set({ project: next, ...flags(next) });
  };

  return {
    project: initial,
    filePath: null,
    fileName: 'untitled.bpnn',
    dirty: false,
    canUndo: false,
    canRedo: false,
    generation: 0,

    loadProject(project, filePath, fileName, opts) {
      internal.past = [];
      internal.future = [];
      internal.saved = docOf(project);
      internal.resultsDirty = opts?.dirty === true;
      internal.dragBase = null;
      set({ project, filePath, fileName, generation: get().generation + 1, ...flags(project) });
    },

    markSaved(filePath, fileName) {
      const project = get().project;
      internal.saved = docOf(project);
      internal.resultsDirty = false;
      set({ filePath, fileName, ...flags(project) });
    },

    setDataset(spec) {
      edit((d) => ({ ...d, dataset: spec }));
    },

    updateTraining(patch) {
      edit((d) => ({ ...d, training: { ...d.training, ...patch } }));
    },

    addNode(type, position, params) {
      let id = '' as NodeId;
      editGraph((g) => {
        const r = addNodeTo(g, type, position, params);
        id = r.id;
        return r.graph;
      });
      return id;
    },

    moveNodes(positions, phase) {
      if (phase === 'drag') {
        const project = get().project;
        const graph = setPositions(project.graph, positions);
        if (graph === project.graph) return;
        internal.dragBase ??= docOf(project);
        const next = { ...project, graph };
        set({ project: next, ...flags(next) });
        return;
      }
      const project = get().project;
      const graph = setPositions(project.graph, positions);
      const next = graph === project.graph ? project : { ...project, graph };
      const base = internal.dragBase ?? docOf(project);
      internal.dragBase = null;
      if (!sameDoc(base, docOf(next))) {
        // The whole gesture (all its 'drag' calls) becomes one step.
        internal.past.push(base);
        if (internal.past.length > HISTORY_LIMIT) internal.past.shift();
        internal.future = [];
      }
      set({ project: next, ...flags(next) });
    },

    deleteElements(nodeIds, edgeIds) {
      editGraph((g) => deleteFromGraph(g, nodeIds, edgeIds));
    },

    connect(source, target) {
      const before = get().project.graph;
      editGraph((g) => addEdge(g, source, target));
      return get().project.graph !== before;
    },

    moveInput(edgeId, delta) {
      editGraph((g) => moveInputEdge(g, edgeId, delta));
    },

    setInput(target, source) {
      editGraph((g) => setInputEdge(g, target, source));
    },

    updateParams(nodeId, patch) {
      editGraph((g) => setParams(g, nodeId, patch));
    },

    duplicate(nodeIds) {
      return get().paste(clipOf(get().project.graph, nodeIds), DUPLICATE_OFFSET);
    },

    paste(clip, offset) {
      let newIds: NodeId[] = [];
      editGraph((g) => {
        const r = pasteInto(g, clip, offset);
        newIds = r.ids;
        return r.graph;
      });
      return newIds;
    },

    tidy(maxColumns, spacing) {
      editGraph((g) => tidyGraph(g, maxColumns, spacing));
    },

    undo() {
      const prev = internal.past.pop();
      if (!prev) return;
      internal.dragBase = null;
      internal.future.push(docOf(get().project));
      restore(prev);
    },

    redo() {
      const next = internal.future.pop();
      if (!next) return;
      internal.dragBase = null;
      internal.past.push(docOf(get().project));
      restore(next);
    },

    setWeights(weights) {
      internal.resultsDirty = true;
      const next = { ...get().project, weights };
      set({ project: next, ...flags(next) });
    },

    addRun(run) {
      internal.resultsDirty = true;
      const project = get().project;
      const next = { ...project, runs: [...project.runs, run] };
      set({ project: next, ...flags(next) });
    },

    setRuns(runs) {
      internal.resultsDirty = true;
      const next = { ...get().project, runs: [...runs] };
      set({ project: next, ...flags(next) });
    },
  };
});

export type { Clip, Graph, XY, ProjectNode, ProjectEdge };
