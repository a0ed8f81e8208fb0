// Shape inference for the joins: each join's definition (core/blocks) gives its output shape
// or why its inputs do not fit; this names the inputs in the message and checks the size.
import type { GraphProblem, NodeId } from './spec';
import { joinOf, type JoinDefinition, type JoinType } from '../blocks/index';
import type { LayerInference } from './shapes';
import { batchedText, countText, joinSaid, nodeSaid, quotedSaid } from './describe';
import { say, type Param as TextParam, type Text } from '../messages/text';
import { saying } from '../messages/said';
import { MAX_ELEMENTS } from './limits';

export interface JoinInput {
  from: NodeId;
  shape: readonly number[];
}

/** "[N, 8] from 'fc1' and [N, 4] from 'fc2'" */
function inputsSaid(inputs: readonly JoinInput[]): TextParam {
  return joinSaid(inputs.map((i) => say('graph.join.fromNode', { shape: batchedText(i.shape), name: quotedSaid(i.from) })), 'graph.join.inputsAnd');
}

export function inferJoin(id: NodeId, type: JoinType, inputs: readonly JoinInput[]): LayerInference {
  const who = nodeSaid(type, id);
  const fail = (text: Text): LayerInference => ({
    outputShape: null,
    paramCount: 0,
    layer: null,
    problem: { code: 'join-shapes', nodeId: id, relatedNodeIds: inputs.map((i) => i.from), ...saying(text) } satisfies GraphProblem,
  });
  const inShapes = inputs.map((i) => [...i.shape]);
  const out = (joinOf(type) as JoinDefinition).outShape(inShapes);
  if (!Array.isArray(out)) return fail(say('graph.join.mismatch', { node: who, inputs: inputsSaid(inputs), why: out.why }));
  const size = out.reduce((a, b) => a * b, 1);
  if (size > MAX_ELEMENTS) {
    return fail(say('graph.join.tooBig', { node: who, shape: batchedText(out), size: countText(size), max: countText(MAX_ELEMENTS) }));
  }
  return { outputShape: out, paramCount: 0, layer: { nodeId: id, type, inShapes }, problem: null };
}
