// The .bpnn project as the app holds it in memory. The zod schema in project/schema.ts
// validates files into exactly this type.
import type { NodeId, NodeType } from '../graph/spec';
import type { DatasetSpec } from '../data/types';
import type { RunResult, TrainingSettings, Weights } from '../train/types';

export const PROJECT_FORMAT = 'bpnn-project';
export const PROJECT_VERSION = 2;

export interface ProjectNode {
  id: NodeId;
  type: NodeType;
  params: Record<string, number | boolean>;
  position: { x: number; y: number };
}

export interface ProjectEdge {
  id: string;
  source: NodeId;
  target: NodeId;
}

/** Per-epoch curves, column-wise to keep files small (index i = epoch i+1). */
export interface RunCurves {
  loss: number[];
  accuracy: number[];
  testLoss: number[] | null;
  testAccuracy: number[] | null;
  lr: number[];
}

export interface RunRecord {
  id: string;
  name: string;
  /** ISO 8601 time the run started (set by the app, never by core). */
  createdAt: string;
  settings: TrainingSettings;
  /** The data it trained on; often the project's own object, which a file then stores once. */
  dataset: DatasetSpec;
  /** When part of a sweep: which sweep, what was varied and to what. */
  sweep?: { id: string; setting: string; value: string };
  curves: RunCurves;
  result: RunResult;
}

/**
 * How a file (format 2 on) writes a run's data when it is the same as data written before it:
 * the project's `dataset`, or the data of an earlier run, by that run's id. Only the writer
 * makes these and the loader resolves them (dataset-refs.ts), so a Project never holds one.
 */
export type DatasetRef = { kind: 'project' } | { kind: 'run'; id: string };

/** A run record as the file holds it: its dataset may be a reference. */
export type StoredRunRecord = Omit<RunRecord, 'dataset'> & { dataset: DatasetSpec | DatasetRef };

/** A project as the file holds it, before references are resolved. */
export type StoredProject = Omit<Project, 'runs'> & { runs: StoredRunRecord[] };

export interface Project {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  name: string;
  description: string;
  graph: { nodes: ProjectNode[]; edges: ProjectEdge[] };
  dataset: DatasetSpec;
  training: TrainingSettings;
  /** Trained parameters by node id, or null when the network has not been trained. */
  weights: Weights | null;
  runs: RunRecord[];
}
