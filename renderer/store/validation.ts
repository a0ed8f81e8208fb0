// What is wrong with the open project's graph, and what each node's shapes are, recomputed only
// when the graph, the dataset or the loss changes (one cached result shared by every node).
import {
  checkLossFit,
  compileModel,
  datasetInputShape,
  makeDataset,
  projectToSpec,
  type DatasetSpec,
  type GraphProblem,
  type LossName,
  type NodeShapeInfo,
  type Project,
  type Said,
} from '../../core/index';
import { spoken, type Language } from '../../core/index';
import { i18next } from '../i18n';
import { sameTopology } from './graph-edits';
import { useProjectStore } from './project';

export interface GraphValidation {
  problems: GraphProblem[];
  shapes: Map<string, NodeShapeInfo>;
  canTrain: boolean;
  /** Why Train is disabled, in English (logs, tests); null when it is enabled. */
  reason: string | null;
  /** The same, for each reader to say in its language (trainOffText); null when Train is enabled. */
  off: TrainOff | null;
  /** Things about the data worth knowing that do not stop training (N4: features around 1e6). */
  warnings: Said[];
}

/** Why Train is off: the first problem (and how many follow), the dataset's, or a check that failed. */
export type TrainOff =
  | { kind: 'problem'; problem: Said; more: number }
  | { kind: 'dataset'; problem: Said | null }
  | { kind: 'unchecked'; error: string };

/** Why Train is off, in `language`: core's sentence and the app's words around it. */
export function trainOffText(off: TrainOff, language: Language): string {
  const t = i18next.getFixedT(language);
  switch (off.kind) {
    case 'problem': {
      const first = spoken(off.problem, language);
      return off.more > 0 ? t('run.offMore', { reason: first, count: off.more }) : first;
    }
    case 'dataset':
      return off.problem ? t('run.offDataset', { reason: spoken(off.problem, language) }) : t('run.noDataset');
    case 'unchecked':
      return t('run.notChecked', { error: off.error });
  }
}

type ClassCount = { ok: true; numClasses: number; warnings: Said[] } | { ok: false; problem: Said | null };

/** Number of classes of a dataset (and its warnings), or the problem that stops it from being made. */
function classCount(spec: DatasetSpec): ClassCount {
  const made = makeDataset(spec);
  if (made.ok) return { ok: true, numClasses: made.dataset.numClasses, warnings: made.warnings };
  return { ok: false, problem: made.problems[0] ?? null };
}

/** Pure: validates a project's graph against its dataset and loss. */
export function validateProject(project: Project, classes = classCount(project.dataset)): GraphValidation {
  const result = compileModel(projectToSpec(project), datasetInputShape(project.dataset));
  const shapeList = result.ok ? result.model.shapes : result.shapes;
  const shapes = new Map<string, NodeShapeInfo>(shapeList.map((s) => [s.nodeId, s]));
  const problems: GraphProblem[] = result.ok ? [] : [...result.problems];
  if (result.ok && classes.ok) problems.push(...checkLossFit(result.model, project.training.loss, classes.numClasses));
  // core's messages already name the node ("Linear 'fc2' gets…"): shown as they are.
  const off: TrainOff | null =
    problems.length > 0 ? { kind: 'problem', problem: problems[0], more: problems.length - 1 } : !classes.ok ? { kind: 'dataset', problem: classes.problem } : null;
  return { problems, shapes, canTrain: off === null, reason: off && trainOffText(off, 'en'), off, warnings: classes.ok ? classes.warnings : [] };
}

interface CacheKey {
  graph: Project['graph'];
  dataset: DatasetSpec;
  loss: LossName;
}
let lastKey: CacheKey | null = null;
let lastValue: GraphValidation | null = null;
let lastDataset: DatasetSpec | null = null;
let lastClasses: ClassCount | null = null;

/** validateProject with a one-entry cache keyed by the graph's topology, the dataset and the loss. */
export function validateCached(project: Project): GraphValidation {
  const key: CacheKey = { graph: project.graph, dataset: project.dataset, loss: project.training.loss };
  if (lastKey && lastValue && sameTopology(lastKey.graph, key.graph) && lastKey.dataset === key.dataset && lastKey.loss === key.loss) {
    return lastValue;
  }
  if (lastDataset !== project.dataset || !lastClasses) {
    lastDataset = project.dataset;
    try {
      lastClasses = classCount(project.dataset);
    } catch (err) {
      lastClasses = { ok: false, problem: { message: err instanceof Error ? err.message : String(err) } };
    }
  }
  lastKey = key;
  try {
    lastValue = validateProject(project, lastClasses);
  } catch (err) {
    // core reports problems as values; if it ever throws, keep the editor usable and say so.
    const off: TrainOff = { kind: 'unchecked', error: err instanceof Error ? err.message : String(err) };
    lastValue = { problems: [], shapes: new Map(), canTrain: false, reason: trainOffText(off, 'en'), off, warnings: [] };
  }
  return lastValue;
}

export function useGraphValidation(): GraphValidation {
  return useProjectStore((s) => validateCached(s.project));
}

/** The dataset's non-blocking warnings (shown as a notice next to Train and the dataset). */
export function useDataWarnings(): Said[] {
  return useGraphValidation().warnings;
}
