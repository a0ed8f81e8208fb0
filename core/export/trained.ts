// A trained project resolved for export: the layer chain with every size filled in, each
// layer's stored tensors checked against the shapes the graph needs, and the class names.
// The weights JSON, ONNX and PyTorch exports all start here, so they refuse the same projects
// with the same messages.
import { blockOfLayer } from '../blocks/index';
import { prepareRun } from '../train/prepare';
import type { CompiledModel, ResolvedLayer } from '../graph/resolved';
import type { TensorJson } from '../train/types';
import { findNonFiniteWeightSaid } from '../project/serialize';
import { say, type Text } from '../messages/text';
import { saying } from '../messages/said';
import { projectToSpec } from '../project/spec';
import type { Project } from '../project/types';

export interface TrainedLayer {
  layer: ResolvedLayer;
  /** The layer's tensors by name (weight, bias), present for Linear and Conv1d. */
  tensors: Record<string, TensorJson>;
}

export interface TrainedModel {
  model: CompiledModel;
  layers: TrainedLayer[];
  classNames: string[];
  /** Number of values the network outputs per sample. */
  outputs: number;
}

export type TrainedResult = { ok: true; trained: TrainedModel } | { ok: false; message: string; text: Text };

/** The tensors a layer must have, with their shapes. */
export function expectedTensors(layer: ResolvedLayer): Record<string, number[]> {
  return blockOfLayer(layer).tensors?.(layer) ?? {};
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

const refuse = (text: Text): { ok: false; message: string; text: Text } => ({ ok: false, ...saying(text) });

/** `what` was not exported, said at the end of the refusal of a non-finite weight. */
export function resolveTrained(project: Project, what: 'weights' | 'model'): TrainedResult {
  if (project.weights === null) return refuse(say('export.notTrained', { name: project.name }));
  const bad = findNonFiniteWeightSaid(project.weights);
  if (bad !== null) return refuse(say('export.nonFinite', { bad, notExported: say(what === 'weights' ? 'export.weightsNotExported' : 'export.modelNotExported') }));

  // The network a run would build from this project (the seed is irrelevant: the stored weights replace it).
  const prepared = prepareRun(projectToSpec(project), project.dataset, { seed: 0 });
  if (!prepared.ok) {
    const first = prepared.problems[0];
    const problem = first ? (first.text ?? first.message) : say('export.unknownProblem');
    if (first?.code === 'bad-data') return refuse(say('export.badData', { problem }));
    const node = first && 'nodeId' in first && first.nodeId ? first.nodeId : null;
    return refuse(node ? say('export.badGraphAt', { node, problem }) : say('export.badGraph', { problem }));
  }
  const { model, dataset } = prepared;

  const layers: TrainedLayer[] = [];
  for (const layer of model.layers) {
    const stored = project.weights[layer.nodeId] ?? {};
    const tensors: Record<string, TensorJson> = {};
    for (const [name, shape] of Object.entries(expectedTensors(layer))) {
      const t = stored[name];
      if (t === undefined) return refuse(say('export.noTensor', { name, node: layer.nodeId }));
      if (!sameShape(t.shape, shape)) return refuse(say('export.wrongShape', { name, node: layer.nodeId, have: t.shape.join(', '), need: shape.join(', ') }));
      tensors[name] = t;
    }
    layers.push({ layer, tensors });
  }
  const outputs = model.outputShape.reduce((a, b) => a * b, 1);
  return { ok: true, trained: { model, layers, classNames: dataset.classNames, outputs } };
}

/** How outputs become a class, said once for every export format. */
export function describePrediction(outputs: number): string {
  return outputs === 1
    ? 'The network has one output p (the probability of class 1): probabilities = [1 - p, p], predicted class = 1 if p > 0.5 else 0.'
    : `The network has ${outputs} outputs, one score per class: predicted class = the index of the largest output (the first one on a tie); after a Softmax the outputs are the class probabilities.`;
}
