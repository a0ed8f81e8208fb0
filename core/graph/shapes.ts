// Shape inference: what each layer receives and gives, per sample (no batch axis), and
// how many parameters it owns. Sizes the user does not set (inFeatures, inChannels) come
// from upstream here.
import type { GraphProblem, NodeId } from './spec';
import type { ResolvedLayer } from './resolved';
import type { NodeParams } from './node-params';
import { nodeLabel, shapeText, tensorText } from './describe';
import { MAX_ELEMENTS } from './limits';
import { isJoinType } from '../blocks/index';

export interface LayerInference {
  outputShape: number[] | null;
  paramCount: number;
  /** Set when every size is known and valid. */
  layer: ResolvedLayer | null;
  problem: GraphProblem | null;
}

/** Conv1d output length, the reference convention: floor((L + 2p − k) / s) + 1. */
export function conv1dOutLength(length: number, kernelSize: number, stride: number, padding: number): number {
  return Math.floor((length + 2 * padding - kernelSize) / stride) + 1;
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
  switch (p.type) {
    case 'Input':
      return { outputShape: [...inShape], paramCount: 0, layer: null, problem: null };
    case 'Linear': {
      if (inShape.length !== 1) {
        return fail({
          code: 'needs-flatten',
          message: `${who} gets ${tensorText(inShape)}: add a Flatten before it.`,
        });
      }
      const inFeatures = inShape[0];
      if (p.outFeatures === null) return { outputShape: null, paramCount: 0, layer: null, problem: null };
      const paramCount = inFeatures * p.outFeatures + (p.bias ? p.outFeatures : 0);
      return {
        outputShape: [p.outFeatures],
        paramCount,
        layer: { nodeId: id, type: 'Linear', inFeatures, outFeatures: p.outFeatures, bias: p.bias },
        problem: null,
      };
    }
    case 'Conv1d': {
      if (inShape.length !== 2) {
        return fail({
          code: 'needs-signal',
          message: `${who} gets ${tensorText(inShape)} of plain features, but it needs a signal [N, channels, length]: use signal data such as the waves dataset, or replace the Conv1d with a Linear.`,
        });
      }
      const [inChannels, inLength] = inShape;
      const { outChannels, kernelSize, stride, padding } = p;
      const paramCount =
        outChannels !== null && kernelSize !== null ? outChannels * inChannels * kernelSize + outChannels : 0;
      if (kernelSize === null || stride === null || padding === null) {
        return { outputShape: null, paramCount, layer: null, problem: null };
      }
      const padded = inLength + 2 * padding;
      if (kernelSize > padded) {
        return fail(
          {
            code: 'kernel-too-long',
            message: `${who} kernel (${kernelSize}) is longer than its input (${padded}${padding > 0 ? ' after padding' : ''}): use a kernel of at most ${padded}, or more padding.`,
          },
          paramCount,
        );
      }
      const outLength = conv1dOutLength(inLength, kernelSize, stride, padding);
      if (outLength <= 0) {
        return fail(
          { code: 'empty-output', message: `${who} output length would be ${outLength}: use a smaller kernel or stride, or more padding.` },
          paramCount,
        );
      }
      if (outChannels === null) return { outputShape: null, paramCount, layer: null, problem: null };
      const out = [outChannels, outLength];
      return (
        tooBig(out, paramCount, 'use fewer channels or a larger stride.') ?? {
          outputShape: out,
          paramCount,
          layer: { nodeId: id, type: 'Conv1d', inChannels, outChannels, kernelSize, stride, padding, inLength },
          problem: null,
        }
      );
    }
    case 'Flatten':
      // Flatten of plain features is a harmless no-op, as in PyTorch.
      return { outputShape: [elements(inShape)], paramCount: 0, layer: { nodeId: id, type: 'Flatten' }, problem: null };
    case 'Softmax':
      if (inShape.length !== 1) {
        return fail({
          code: 'needs-flatten',
          message: `${who} gets ${tensorText(inShape)}, but it turns one score per class into probabilities: add a Flatten and a Linear (one output per class) before it.`,
        });
      }
      return { outputShape: [...inShape], paramCount: 0, layer: { nodeId: id, type: 'Softmax' }, problem: null };
    case 'LeakyReLU':
      return {
        outputShape: [...inShape],
        paramCount: 0,
        layer: p.negativeSlope === null ? null : { nodeId: id, type: 'LeakyReLU', negativeSlope: p.negativeSlope },
        problem: null,
      };
    default:
      return { outputShape: [...inShape], paramCount: 0, layer: { nodeId: id, type: p.type }, problem: null };
  }
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
