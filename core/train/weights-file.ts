// Reading a weights file (docs/weights.md, the format Export weights writes) back as the
// starting weights of a run, so the app, `bpnn train --init-weights` and a NumPy script can
// all start from the same numbers. Every problem is a sentence naming where in the file it is.
import type { DatasetSpec } from '../data/types';
import type { ModelSpec } from '../graph/spec';
import { FORBIDDEN_KEYS } from '../project/limits';
import { shapeText, sizeOf } from '../tensor';
import { Network } from './network';
import { planModel } from './prepare';
import type { TensorJson, Weights } from './types';
import { render, say, type Text } from '../messages/text';
import { saying } from '../messages/said';

/** The weights file's format name and version (project/weights.ts writes the same). */
const FORMAT = 'bpnn-weights';
const VERSION = 1;

export type ReadWeightsResult = { ok: true; weights: Weights } | { ok: false; message: string; text: Text };

const refuse = (text: Text): ReadWeightsResult => ({ ok: false, ...saying(text) });

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function tensorProblem(t: unknown, at: string): Text | null {
  if (!isObject(t)) return say('file.weights.tensorNotObject', { at });
  const { shape, data } = t;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) return say('file.weights.badShape', { at });
  if (!Array.isArray(data)) return say('file.weights.dataNotList', { at });
  const bad = data.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) return say('file.weights.notFinite', { at, index: bad, value: JSON.stringify(data[bad]) ?? String(data[bad]) });
  const size = sizeOf(shape as number[]);
  if (data.length !== size) return say('file.weights.sizeMismatch', { at, count: data.length, shape: shapeText(shape as number[]), size });
  return null;
}

/** The tensors of a weights file by node id, or what is wrong with the file. */
export function readWeightsFile(text: string): ReadWeightsResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return refuse(say('file.weights.notJson', { reason: e instanceof Error ? e.message : String(e) }));
  }
  if (!isObject(doc) || doc.format !== FORMAT) {
    return refuse(say('file.weights.notWeights', { format: FORMAT }));
  }
  if (doc.version !== VERSION) return refuse(say('file.weights.version', { version: String(JSON.stringify(doc.version)), supported: VERSION }));
  if (!Array.isArray(doc.layers)) return refuse(say('file.weights.noLayers'));
  const weights: Weights = {};
  for (let i = 0; i < doc.layers.length; i++) {
    const layer: unknown = doc.layers[i];
    const at = `layers[${i}]`;
    if (!isObject(layer)) return refuse(say('file.weights.layerNotObject', { at }));
    if (layer.weights === undefined) continue;
    const node = layer.node;
    if (typeof node !== 'string' || node === '' || FORBIDDEN_KEYS.has(node)) return refuse(say('file.weights.noNode', { at }));
    if (!isObject(layer.weights)) return refuse(say('file.weights.weightsNotObject', { at }));
    if (Object.prototype.hasOwnProperty.call(weights, node)) return refuse(say('file.weights.nodeTwice', { at, node }));
    const tensors: Record<string, TensorJson> = {};
    for (const [name, t] of Object.entries(layer.weights)) {
      if (FORBIDDEN_KEYS.has(name)) return refuse(say('file.weights.badTensorName', { at, name }));
      const problem = tensorProblem(t, `${at}.weights.${name}`);
      if (problem) return refuse(problem);
      const { shape, data } = t as unknown as TensorJson;
      tensors[name] = { shape: [...shape], data: [...data] };
    }
    weights[node] = tensors;
  }
  return { ok: true, weights };
}

/**
 * Why the weights cannot start this project's network (a node missing, an extra node, a shape
 * that differs), or null when every tensor fits. The file must come from the same network.
 */
export function initialWeightsMismatch(req: { spec: ModelSpec; dataset: DatasetSpec }, weights: Weights): string | null {
  const said = initialWeightsMismatchSaid(req, weights);
  return said === null ? null : render(said);
}

/** initialWeightsMismatch as a Text. */
export function initialWeightsMismatchSaid(req: { spec: ModelSpec; dataset: DatasetSpec }, weights: Weights): Text | null {
  const planned = planModel(req.spec, req.dataset);
  // A network that does not compile is reported by the run itself, with its node.
  if (!planned.ok) return null;
  const net = new Network(planned.model);
  const expected = new Set<string>();
  for (const layer of net.layers) {
    if (!layer.params.length) continue;
    expected.add(layer.nodeId);
    const mine = Object.prototype.hasOwnProperty.call(weights, layer.nodeId) ? weights[layer.nodeId] : undefined;
    if (!mine) return say('file.weights.noNodeWeights', { type: layer.type, node: layer.nodeId });
    for (const p of layer.params) {
      const t = Object.prototype.hasOwnProperty.call(mine, p.name) ? mine[p.name] : undefined;
      if (!t) return say('file.weights.noTensor', { tensor: p.name, type: layer.type, node: layer.nodeId });
      if (t.shape.length !== p.shape.length || t.shape.some((d, i) => d !== p.shape[i])) {
        return say('file.weights.shapeMismatch', { tensor: p.name, node: layer.nodeId, have: shapeText(t.shape), type: layer.type, need: shapeText(p.shape) });
      }
    }
    const extra = Object.keys(mine).find((k) => !layer.params.some((p) => p.name === k));
    if (extra) return say('file.weights.extraTensor', { tensor: extra, node: layer.nodeId, type: layer.type });
  }
  const unknown = Object.keys(weights).find((id) => !expected.has(id));
  return unknown ? say('file.weights.extraNode', { node: unknown }) : null;
}
