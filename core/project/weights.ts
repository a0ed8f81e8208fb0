// The weights export: a JSON file someone can use without BPNN Studio (NumPy, a spreadsheet,
// another framework). It carries the layer chain in order with every size resolved, each
// tensor as shape + row-major data, the conventions needed to run it written out as text,
// the input shape, the class names and the rule that turns outputs into a prediction.
import type { ResolvedLayer } from '../graph/resolved';
import type { Text } from '../messages/text';
import { describePrediction, resolveTrained } from '../export/trained';
import { stringifyStable } from './stringify';
import { ACTIVATION_TYPES, JOINS } from '../blocks/index';
import { BLOCK_FORMATS } from '../export/blocks';
import type { Project } from './types';

export const WEIGHTS_FORMAT = 'bpnn-weights';
export const WEIGHTS_VERSION = 1;

export type ExportWeightsResult = { ok: true; text: string } | { ok: false; message: string; text?: Text };

/** "a, b and c" */
const andList = (items: readonly string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

const isActivation = (t: string): boolean => (ACTIVATION_TYPES as readonly string[]).includes(t);
/** Each one-input kind's convention in NODE_TYPES order, the activations' (name and formula) gathered into one sentence where the first stands. */
function layerConventions(): string[] {
  const entries = Object.entries(BLOCK_FORMATS);
  const activations = entries.filter(([t]) => isActivation(t)).map(([, f]) => f.convention);
  const first = entries.findIndex(([t]) => isActivation(t));
  return entries.flatMap(([t, f], i) => (i === first ? [`${andList(activations)} act element by element.`] : isActivation(t) ? [] : [f.convention]));
}

export const WEIGHTS_CONVENTIONS: readonly string[] = [
  'Every tensor is {"shape": [...], "data": [...]}: data is flat and row-major (C order). In NumPy: np.array(t["data"]).reshape(t["shape"]).',
  'Batch first: a batch of samples is [N, *inputShape], i.e. [N, features] for points and [N, channels, length] for 1-D signals.',
  `Run the layers in the order listed; each one takes the outputs of the nodes in its "inputs" (node ids; inputNode stands for the data): one for every layer but ${andList(Object.keys(JOINS))}, listed in an order where every input comes first.`,
  Object.values(JOINS).map((j) => j.convention).join(' '),
  ...layerConventions(),
];

/** A layer's resolved sizes and settings; a join's input shapes are left out, being its inputs' own outputs. */
function layerParams(layer: ResolvedLayer): Record<string, number | boolean> {
  const { nodeId: _id, type: _type, ...rest } = layer;
  return Object.fromEntries(Object.entries(rest).filter((e): e is [string, number | boolean] => typeof e[1] !== 'object'));
}

export function exportWeights(project: Project): ExportWeightsResult {
  const resolved = resolveTrained(project, 'weights');
  if (!resolved.ok) return { ok: false, message: resolved.message, text: resolved.text };
  const { model, classNames, outputs } = resolved.trained;
  const layers = resolved.trained.layers.map(({ layer, tensors }, i) => {
    const entry: Record<string, unknown> = { node: layer.nodeId, type: layer.type, inputs: [...model.sources[i]], params: layerParams(layer) };
    if (Object.keys(tensors).length > 0) {
      entry.weights = Object.fromEntries(Object.entries(tensors).map(([name, t]) => [name, { shape: [...t.shape], data: [...t.data] }]));
    }
    return entry;
  });

  const last = model.layers[model.layers.length - 1];
  const doc = {
    format: WEIGHTS_FORMAT,
    version: WEIGHTS_VERSION,
    name: project.name,
    conventions: WEIGHTS_CONVENTIONS,
    inputShape: model.inputShape,
    inputNode: model.inputId,
    classes: classNames,
    output: {
      loss: project.training.loss,
      lastActivation: last?.type ?? 'Input',
      outputs,
      prediction: describePrediction(outputs),
    },
    paramCount: model.paramCount,
    layers,
  };
  return { ok: true, text: `${stringifyStable(doc)}\n` };
}
