// Shape inference: what each layer receives and gives, per sample (no batch axis), and
// how many parameters it owns. Sizes the user does not set (inFeatures, inChannels) come
// from upstream here; each kind's rule is in its block definition (core/blocks).
import type { GraphProblem, NodeId, NodeType } from './spec';
import type { ResolvedLayer } from './resolved';
import type { NodeParams } from './node-params';
import { nodeLabel, shapeText, tensorText } from './describe';
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
  const who = nodeLabel(p.type, id);
  const fail = (problem: Omit<GraphProblem, 'nodeId'>, paramCount = 0): LayerInference => ({
    outputShape: null,
    paramCount,
    layer: null,
    problem: { ...problem, nodeId: id },
  });
  const tooBig = (out: number[], paramCount: number, fix: string): LayerInference | null =>
    elements(out) > MAX_ELEMENTS
      ? fail(
          {
            code: 'bad-param',
            message: `${who} would output ${tensorText(out)}, ${elements(out).toLocaleString('en-US')} numbers per sample, above the limit of ${MAX_ELEMENTS.toLocaleString('en-US')} that fits in memory for a batch: ${fix}`,
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

/** A per-sample input shape the engine can take: [features] or [channels, length], positive whole sizes. */
export function inputShapeProblem(shape: unknown): string | null {
  if (!Array.isArray(shape) || shape.length < 1 || shape.length > 2) {
    return `the data has shape ${shapeText(shape)}, but an Input takes [features] or [channels, length]`;
  }
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1) {
      return `the data has shape ${shapeText(shape)}; every size must be a whole number of at least 1`;
    }
  }
  if (elements(shape as number[]) > MAX_ELEMENTS) {
    return `the data has ${elements(shape as number[]).toLocaleString('en-US')} numbers per sample, above the limit of ${MAX_ELEMENTS.toLocaleString('en-US')}`;
  }
  return null;
}
