// The .bpnn project as the app holds it in memory. The zod schema in project/schema.ts
// validates files into exactly this type.
import type { NodeId, NodeType } from '../graph/spec';
import type { DatasetSpec } from '../data/types';
import type { RunResult, TrainingSettings, Weights } from '../train/types';

export const PROJECT_FORMAT = 'bpnn-project';
export const PROJECT_VERSION = 1;

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
  dataset: DatasetSpec;
  /** When part of a sweep: which sweep, what was varied and to what. */
  sweep?: { id: string; setting: string; value: string };
  curves: RunCurves;
  result: RunResult;
}

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
