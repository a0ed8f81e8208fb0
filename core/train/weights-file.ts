// Reading a weights file (docs/weights.md, the format Export weights writes) back as the
// starting weights of a run, so the app, `bpnn train --init-weights` and a NumPy script can
// all start from the same numbers. Every problem is a sentence naming where in the file it is.
import { datasetInputShape } from '../data/shape';
import type { DatasetSpec } from '../data/types';
import type { ModelSpec } from '../graph/spec';
import { compileModel } from '../graph/validate';
import { FORBIDDEN_KEYS } from '../project/limits';
import { shapeText, sizeOf } from '../tensor';
import { Network } from './network';
import type { TensorJson, Weights } from './types';

/** The weights file's format name and version (project/weights.ts writes the same). */
const FORMAT = 'bpnn-weights';
const VERSION = 1;

export type ReadWeightsResult = { ok: true; weights: Weights } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function tensorProblem(t: unknown, where: string): string | null {
  if (!isObject(t)) return `${where} must be {"shape": [...], "data": [...]}`;
  const { shape, data } = t;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) return `${where}.shape must be a list of whole numbers`;
  if (!Array.isArray(data)) return `${where}.data must be a list of numbers`;
  const bad = data.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) return `${where}.data[${bad}] is ${JSON.stringify(data[bad]) ?? String(data[bad])}, not a finite number`;
  const size = sizeOf(shape as number[]);
  if (data.length !== size) return `${where} has ${data.length} number${data.length === 1 ? '' : 's'} but its shape ${shapeText(shape as number[])} needs ${size}`;
  return null;
}

/** The tensors of a weights file by node id, or what is wrong with the file. */
export function readWeightsFile(text: string): ReadWeightsResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `it is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!isObject(doc) || doc.format !== FORMAT) {
    return { ok: false, message: `it is not a weights file (expected "format": "${FORMAT}"; export one with Export weights or bpnn train --weights)` };
  }
  if (doc.version !== VERSION) return { ok: false, message: `it is weights file version ${JSON.stringify(doc.version)}; this version of BPNN Studio reads version ${VERSION}` };
  if (!Array.isArray(doc.layers)) return { ok: false, message: 'layers must be the list of layers' };
  const weights: Weights = {};
  for (let i = 0; i < doc.layers.length; i++) {
    const layer: unknown = doc.layers[i];
    const at = `layers[${i}]`;
    if (!isObject(layer)) return { ok: false, message: `${at} must be an object` };
    if (layer.weights === undefined) continue;
    const node = layer.node;
    if (typeof node !== 'string' || node === '' || FORBIDDEN_KEYS.has(node)) return { ok: false, message: `${at}.node must name the node the weights belong to` };
    if (!isObject(layer.weights)) return { ok: false, message: `${at}.weights must map tensor names to tensors` };
    if (Object.prototype.hasOwnProperty.call(weights, node)) return { ok: false, message: `${at}: node '${node}' is listed twice` };
    const tensors: Record<string, TensorJson> = {};
    for (const [name, t] of Object.entries(layer.weights)) {
      if (FORBIDDEN_KEYS.has(name)) return { ok: false, message: `${at}.weights: '${name}' is not a tensor name` };
      const problem = tensorProblem(t, `${at}.weights.${name}`);
      if (problem) return { ok: false, message: problem };
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
  const compiled = compileModel(req.spec, datasetInputShape(req.dataset));
  // A network that does not compile is reported by the run itself, with its node.
  if (!compiled.ok) return null;
  const net = new Network(compiled.model);
  const expected = new Set<string>();
  for (const layer of net.layers) {
    if (!layer.params.length) continue;
    expected.add(layer.nodeId);
    const mine = Object.prototype.hasOwnProperty.call(weights, layer.nodeId) ? weights[layer.nodeId] : undefined;
    if (!mine) return `it has no weights for ${layer.type} node '${layer.nodeId}'; it was written for another network`;
    for (const p of layer.params) {
      const t = Object.prototype.hasOwnProperty.call(mine, p.name) ? mine[p.name] : undefined;
      if (!t) return `it has no ${p.name} for ${layer.type} node '${layer.nodeId}'`;
      if (t.shape.length !== p.shape.length || t.shape.some((d, i) => d !== p.shape[i])) {
        return `its ${p.name} of '${layer.nodeId}' has shape ${shapeText(t.shape)}, but this project's ${layer.type} node '${layer.nodeId}' needs ${shapeText(p.shape)}`;
      }
    }
    const extra = Object.keys(mine).find((k) => !layer.params.some((p) => p.name === k));
    if (extra) return `it has a tensor '${extra}' for node '${layer.nodeId}', which a ${layer.type} layer does not have`;
  }
  const unknown = Object.keys(weights).find((id) => !expected.has(id));
  return unknown ? `it has weights for node '${unknown}', which this project's network does not have` : null;
}
