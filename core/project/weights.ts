// The weights export: a JSON file someone can use without BPNN Studio (NumPy, a spreadsheet,
// another framework). It carries the layer chain in order with every size resolved, each
// tensor as shape + row-major data, the conventions needed to run it written out as text,
// the input shape, the class names and the rule that turns outputs into a prediction.
import { compileModel } from '../graph/validate';
import { makeDataset } from '../data/index';
import type { ResolvedLayer } from '../graph/resolved';
import type { TensorJson } from '../train/types';
import { findNonFiniteWeight } from './serialize';
import { projectToSpec } from './spec';
import { stringifyStable } from './stringify';
import type { Project } from './types';

export const WEIGHTS_FORMAT = 'bpnn-weights';
export const WEIGHTS_VERSION = 1;

export type ExportWeightsResult = { ok: true; text: string } | { ok: false; message: string };

export const WEIGHTS_CONVENTIONS: readonly string[] = [
  'Every tensor is {"shape": [...], "data": [...]}: data is flat and row-major (C order). In NumPy: np.array(t["data"]).reshape(t["shape"]).',
  'Batch first: a batch of samples is [N, *inputShape], i.e. [N, features] for points and [N, channels, length] for 1-D signals.',
  'Run the layers in the order listed; each one takes the previous one\'s output.',
  'Linear: weight is [outFeatures, inFeatures], bias is [outFeatures]; y = x @ weight.T + bias (no bias when "bias" is false).',
  'Conv1d: weight is [outChannels, inChannels, kernelSize], bias is [outChannels]; a cross-correlation (the kernel is not flipped) over the input padded with "padding" zeros at both ends, moving "stride" steps; output length = floor((inLength + 2*padding - kernelSize) / stride) + 1; y[n, o, t] = bias[o] + sum over c, k of weight[o, c, k] * xpadded[n, c, t*stride + k].',
  'Flatten: [N, C, L] becomes [N, C*L], row-major (all of channel 0 first).',
  'Sigmoid 1/(1+exp(-x)), Tanh, ReLU max(x, 0), LeakyReLU (x if x > 0 else negativeSlope*x) and Identity act element by element.',
  'Softmax: over the last axis, exp(x - max(x)) / sum(exp(x - max(x))).',
];

function describePrediction(outputs: number): string {
  return outputs === 1
    ? 'The network has one output p (the probability of class 1): probabilities = [1 - p, p], predicted class = 1 if p > 0.5 else 0.'
    : `The network has ${outputs} outputs, one score per class: predicted class = the index of the largest output (the first one on a tie); after a Softmax the outputs are the class probabilities.`;
}

function layerParams(layer: ResolvedLayer): Record<string, number | boolean> {
  switch (layer.type) {
    case 'Linear':
      return { inFeatures: layer.inFeatures, outFeatures: layer.outFeatures, bias: layer.bias };
    case 'Conv1d':
      return {
        inChannels: layer.inChannels,
        outChannels: layer.outChannels,
        kernelSize: layer.kernelSize,
        stride: layer.stride,
        padding: layer.padding,
        inLength: layer.inLength,
      };
    case 'LeakyReLU':
      return { negativeSlope: layer.negativeSlope };
    default:
      return {};
  }
}

/** The tensors a layer must have, with their shapes. */
function expectedTensors(layer: ResolvedLayer): Record<string, number[]> {
  if (layer.type === 'Linear') return layer.bias ? { weight: [layer.outFeatures, layer.inFeatures], bias: [layer.outFeatures] } : { weight: [layer.outFeatures, layer.inFeatures] };
  if (layer.type === 'Conv1d') return { weight: [layer.outChannels, layer.inChannels, layer.kernelSize], bias: [layer.outChannels] };
  return {};
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

export function exportWeights(project: Project): ExportWeightsResult {
  if (project.weights === null) {
    return { ok: false, message: `'${project.name}' has not been trained yet, so it has no weights to export: train it first, then export.` };
  }
  const bad = findNonFiniteWeight(project.weights);
  if (bad !== null) return { ok: false, message: `${bad}; the weights are not exported` };

  const data = makeDataset(project.dataset);
  if (!data.ok) return { ok: false, message: `The dataset has a problem, so the input shape is unknown: ${data.problems[0]?.message ?? 'unknown problem'}` };
  const compiled = compileModel(projectToSpec(project), data.dataset.inputShape);
  if (!compiled.ok) {
    const first = compiled.problems[0];
    return { ok: false, message: `The graph has a problem${first?.nodeId ? ` at '${first.nodeId}'` : ''}: ${first?.message ?? 'unknown problem'}` };
  }
  const model = compiled.model;

  const layers = [];
  for (const layer of model.layers) {
    const want = expectedTensors(layer);
    const stored = project.weights[layer.nodeId] ?? {};
    const tensors: Record<string, TensorJson> = {};
    for (const [name, shape] of Object.entries(want)) {
      const t = stored[name];
      if (t === undefined) return { ok: false, message: `The stored weights have no ${name} for '${layer.nodeId}': train the project again.` };
      if (!sameShape(t.shape, shape)) {
        return { ok: false, message: `The stored ${name} of '${layer.nodeId}' is [${t.shape.join(', ')}] but the graph needs [${shape.join(', ')}]: the graph changed since training, so train again.` };
      }
      tensors[name] = { shape: [...t.shape], data: [...t.data] };
    }
    const entry: Record<string, unknown> = { node: layer.nodeId, type: layer.type, params: layerParams(layer) };
    if (Object.keys(tensors).length > 0) entry.weights = tensors;
    layers.push(entry);
  }

  const last = model.layers[model.layers.length - 1];
  const outputs = model.outputShape.reduce((a, b) => a * b, 1);
  const doc = {
    format: WEIGHTS_FORMAT,
    version: WEIGHTS_VERSION,
    name: project.name,
    conventions: WEIGHTS_CONVENTIONS,
    inputShape: model.inputShape,
    classes: data.dataset.classNames,
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
