// Shape inference for the joins: each join's definition (core/blocks) gives its output shape
// or why its inputs do not fit; this names the inputs in the message and checks the size.
import type { GraphProblem, NodeId } from './spec';
import { joinOf, type JoinDefinition, type JoinType } from '../blocks/index';
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

export function inferJoin(id: NodeId, type: JoinType, inputs: readonly JoinInput[]): LayerInference {
  const who = nodeLabel(type, id);
  const fail = (message: string): LayerInference => ({
    outputShape: null,
    paramCount: 0,
    layer: null,
    problem: { code: 'join-shapes', nodeId: id, relatedNodeIds: inputs.map((i) => i.from), message } satisfies GraphProblem,
  });
  const inShapes = inputs.map((i) => [...i.shape]);
  const out = (joinOf(type) as JoinDefinition).outShape(inShapes);
  if (!Array.isArray(out)) return fail(`${who} gets ${inputsText(inputs)}: ${out.why}`);
  const size = out.reduce((a, b) => a * b, 1);
  if (size > MAX_ELEMENTS) {
    return fail(`${who} would output ${batched(out)}, ${size.toLocaleString('en-US')} numbers per sample, above the limit of ${MAX_ELEMENTS.toLocaleString('en-US')} that fits in memory for a batch: join smaller inputs.`);
  }
  return { outputShape: out, paramCount: 0, layer: { nodeId: id, type, inShapes }, problem: null };
}
