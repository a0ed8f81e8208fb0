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
} from '../../core/index';
import { sameTopology } from './graph-edits';
import { useProjectStore } from './project';

export interface GraphValidation {
  problems: GraphProblem[];
  shapes: Map<string, NodeShapeInfo>;
  canTrain: boolean;
  /** Why Train is disabled, as a sentence for the user; null when it is enabled. */
  reason: string | null;
  /** Things about the data worth knowing that do not stop training (N4: features around 1e6). */
  warnings: string[];
}

type ClassCount = { ok: true; numClasses: number; warnings: string[] } | { ok: false; message: string };

/** Number of classes of a dataset (and its warnings), or the problem that stops it from being made. */
function classCount(spec: DatasetSpec): ClassCount {
  const made = makeDataset(spec);
  if (made.ok) return { ok: true, numClasses: made.dataset.numClasses, warnings: made.warnings };
  const first = made.problems[0];
  return { ok: false, message: first ? `Dataset: ${first.message}` : 'The dataset cannot be made.' };
}

/** Pure: validates a project's graph against its dataset and loss. */
export function validateProject(project: Project, classes = classCount(project.dataset)): GraphValidation {
  const result = compileModel(projectToSpec(project), datasetInputShape(project.dataset));
  const shapeList = result.ok ? result.model.shapes : result.shapes;
  const shapes = new Map<string, NodeShapeInfo>(shapeList.map((s) => [s.nodeId, s]));
  const problems: GraphProblem[] = result.ok ? [] : [...result.problems];
  if (result.ok && classes.ok) problems.push(...checkLossFit(result.model, project.training.loss, classes.numClasses));
  let reason: string | null = null;
  if (problems.length > 0) {
    const p = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    // core's messages already name the node ("fc2: Linear 'fc2' gets…"): shown as they are.
    reason = `${p.message}${more}`;
  } else if (!classes.ok) {
    reason = classes.message;
  }
  return { problems, shapes, canTrain: reason === null, reason, warnings: classes.ok ? classes.warnings : [] };
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
      lastClasses = { ok: false, message: `Dataset: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  lastKey = key;
  try {
    lastValue = validateProject(project, lastClasses);
  } catch (err) {
    // core reports problems as values; if it ever throws, keep the editor usable and say so.
    const message = err instanceof Error ? err.message : String(err);
    lastValue = { problems: [], shapes: new Map(), canTrain: false, reason: `The graph could not be checked (${message}).`, warnings: [] };
  }
  return lastValue;
}

export function useGraphValidation(): GraphValidation {
  return useProjectStore((s) => validateCached(s.project));
}

/** The dataset's non-blocking warnings (shown as a notice next to Train and the dataset). */
export function useDataWarnings(): string[] {
  return useGraphValidation().warnings;
}
