// Shape inference: what each layer receives and gives, per sample (no batch axis), and
// how many parameters it owns. Sizes the user does not set (inFeatures, inChannels) come
// from upstream here; each kind's rule is in its block definition (core/blocks).
import type { GraphProblem, NodeId, NodeType } from './spec';
import type { ResolvedLayer } from './resolved';
import type { NodeParams } from './node-params';
import { countText, nodeSaid, shapeSaid, tensorSaid } from './describe';
import { say, type Text } from '../messages/text';
import { saying } from '../messages/said';
import { MAX_ELEMENTS } from './limits';
import { blockOf, isJoinType, type InferContext } from '../blocks/index';

export interface LayerInference {
  outputShape: number[] | null;
  paramCount: number;
  /** Set when every size is known and valid. */
  layer: ResolvedLayer | null;
  problem: GraphProblem | null;
}

const elements = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

export function inferLayer(id: NodeId, p: NodeParams, inShape: readonly number[]): LayerInference {
  const who = nodeSaid(p.type, id);
  const fail = (problem: Omit<GraphProblem, 'nodeId'>, paramCount = 0): LayerInference => ({
    outputShape: null,
    paramCount,
    layer: null,
    problem: { ...problem, nodeId: id },
  });
  const tooBig = (out: number[], paramCount: number, fix: Text): LayerInference | null =>
    elements(out) > MAX_ELEMENTS
      ? fail(
          {
            code: 'bad-param',
            ...saying(say('graph.shape.tooBig', { node: who, tensor: tensorSaid(out), size: countText(elements(out)), max: countText(MAX_ELEMENTS), fix })),
          },
          paramCount,
        )
      : null;

  // Joins take several inputs: inferJoin (join-shapes.ts) infers them.
  if (isJoinType(p.type)) return { outputShape: null, paramCount: 0, layer: null, problem: null };
  const infer = blockOf(p.type).infer as ((ctx: InferContext<NodeType>) => LayerInference) | undefined;
  if (infer) return infer({ id, who, params: p, inShape, fail, tooBig });
  return { outputShape: [...inShape], paramCount: 0, layer: { nodeId: id, type: p.type } as ResolvedLayer, problem: null };
}

/**
 * Why a per-sample input shape is one the engine cannot take (it takes [features] or
 * [channels, length], positive whole sizes), or null. A clause: the caller says where.
 */
export function inputShapeProblem(shape: unknown): Text | null {
  if (!Array.isArray(shape) || shape.length < 1 || shape.length > 2) return say('graph.model.dataRank', { shape: shapeSaid(shape) });
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1) return say('graph.model.dataSizes', { shape: shapeSaid(shape) });
  }
  if (elements(shape as number[]) > MAX_ELEMENTS) {
    return say('graph.model.dataTooBig', { size: countText(elements(shape as number[])), max: countText(MAX_ELEMENTS) });
  }
  return null;
}
