// Which nodes a structural sweep changes, and the changed spec. "Hidden" means followed by
// another layer with weights: the output layer and its final activation are never touched,
// so the network still fits its loss and labels.
import { blockOf, isWeighted } from '../blocks/index';
import type { ResolvedLayer } from '../graph/resolved';
import type { ModelSpec, NodeId, SpecNode } from '../graph/spec';
import { LAB_LEAKY_SLOPE } from './presets';
import type { SweepActivation } from './types';

/** Layers (in chain order) that come before the last layer with weights. */
function beforeOutput(layers: readonly ResolvedLayer[]): ResolvedLayer[] {
  let last = -1;
  layers.forEach((l, i) => {
    if (isWeighted(l.type)) last = i;
  });
  return layers.slice(0, Math.max(0, last));
}

export function hiddenLinearIds(layers: readonly ResolvedLayer[]): NodeId[] {
  return beforeOutput(layers)
    .filter((l) => l.type === 'Linear')
    .map((l) => l.nodeId);
}

export function hiddenActivationIds(layers: readonly ResolvedLayer[]): NodeId[] {
  return beforeOutput(layers)
    .filter((l) => blockOf(l.type).role === 'activation')
    .map((l) => l.nodeId);
}

function mapNodes(spec: ModelSpec, ids: readonly string[], change: (n: SpecNode) => SpecNode): ModelSpec {
  const chosen = new Set(ids);
  return { nodes: spec.nodes.map((n) => (chosen.has(n.id) ? change(n) : n)), edges: spec.edges };
}

export function withHiddenUnits(spec: ModelSpec, ids: readonly string[], units: number): ModelSpec {
  return mapNodes(spec, ids, (n) => ({ ...n, params: { ...n.params, outFeatures: units } }) as SpecNode);
}

export function withActivation(spec: ModelSpec, ids: readonly string[], type: SweepActivation): ModelSpec {
  // A LeakyReLU kept as LeakyReLU keeps its slope; a new one takes the lab's; the rest their defaults.
  const params = type === 'LeakyReLU' ? { negativeSlope: LAB_LEAKY_SLOPE } : {};
  return mapNodes(spec, ids, (n) => (n.type === type ? n : ({ id: n.id, type, params } as SpecNode)));
}
