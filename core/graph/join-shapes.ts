// Shape inference for the joins: Add takes inputs of one shape and gives that shape; Concat
// joins along the feature axis ([F]) or the channel axis ([C, L], every L equal).
import type { GraphProblem, NodeId } from './spec';
import type { JoinType } from './resolved';
import type { LayerInference } from './shapes';
import { nodeLabel } from './describe';
import { MAX_ELEMENTS } from './limits';

export interface JoinInput {
  from: NodeId;
  shape: readonly number[];
}

const batched = (shape: readonly number[]): string => `[${['N', ...shape].join(', ')}]`;

/** "[N, 8] from 'fc1' and [N, 4] from 'fc2'" */
function inputsText(inputs: readonly JoinInput[]): string {
  const parts = inputs.map((i) => `${batched(i.shape)} from '${i.from}'`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const same = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

export function inferJoin(id: NodeId, type: JoinType, inputs: readonly JoinInput[]): LayerInference {
  const who = nodeLabel(type, id);
  const fail = (message: string): LayerInference => ({
    outputShape: null,
    paramCount: 0,
    layer: null,
    problem: { code: 'join-shapes', nodeId: id, relatedNodeIds: inputs.map((i) => i.from), message } satisfies GraphProblem,
  });
  const inShapes = inputs.map((i) => [...i.shape]);
  const first = inputs[0].shape;
  let out: number[];
  if (type === 'Add') {
    if (!inputs.every((i) => same(i.shape, first))) {
      return fail(`${who} gets ${inputsText(inputs)}: an Add sums its inputs element by element, so they must have one shape. Change the sizes so they agree (e.g. the outFeatures of a Linear).`);
    }
    out = [...first];
  } else if (!inputs.every((i) => i.shape.length === first.length)) {
    return fail(`${who} gets ${inputsText(inputs)}: a Concat joins plain features with plain features, or signals with signals; add a Flatten after the signal.`);
  } else if (first.length === 1) {
    out = [inputs.reduce((a, i) => a + i.shape[0], 0)];
  } else if (!inputs.every((i) => i.shape[1] === first[1])) {
    return fail(`${who} gets ${inputsText(inputs)}: a Concat joins signals along their channels, so their lengths (the last size) must be equal. Change the kernel, stride or padding so they agree.`);
  } else {
    out = [inputs.reduce((a, i) => a + i.shape[0], 0), first[1]];
  }
  const size = out.reduce((a, b) => a * b, 1);
  if (size > MAX_ELEMENTS) {
    return fail(`${who} would output ${batched(out)}, ${size.toLocaleString('en-US')} numbers per sample, above the limit of ${MAX_ELEMENTS.toLocaleString('en-US')} that fits in memory for a batch: join smaller inputs.`);
  }
  return { outputShape: out, paramCount: 0, layer: type === 'Add' ? { nodeId: id, type, inShapes } : { nodeId: id, type, inShapes }, problem: null };
}
