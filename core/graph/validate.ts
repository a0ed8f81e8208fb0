// compileModel: a model spec (whatever it holds) and the data's input shape in, either a
// resolved graph of layers in running order or every problem found, each naming its node. Never throws.
import type { GraphProblem, ModelSpec, NodeId, NodeShapeInfo } from './spec';
import type { CompileResult, ResolvedLayer } from './resolved';
import { isJoinType } from '../blocks/index';
import { readGraph, checkTopology, type Graph } from './topology';
import { readNodeParams, type NodeParams } from './node-params';
import { inferLayer, inputShapeProblem, type LayerInference } from './shapes';
import { inferJoin, type JoinInput } from './join-shapes';
import { countText, internalErrorSaid, nodeSaid } from './describe';
import { say } from '../messages/text';
import { saying } from '../messages/said';
import { MAX_PARAMS } from './limits';

export { checkLossFit } from './loss-fit';

/**
 * The order problems are listed in (the UI shows the first one as the reason Train is off):
 * what the graph is before what its blocks hold, and a bad setting before the shape trouble
 * it may cause further down.
 */
const PROBLEM_ORDER: readonly GraphProblem['code'][] = [
  'no-input', 'many-inputs', 'duplicate-id', 'unknown-type', 'dangling-edge', 'cycle', 'branch', 'join-inputs', 'disconnected',
  'many-outputs', 'no-layers', 'bad-param', 'needs-flatten', 'needs-signal', 'kernel-too-long', 'join-shapes', 'empty-output', 'loss-mismatch', 'labels-mismatch',
];
const rank = (p: GraphProblem): number => {
  const i = PROBLEM_ORDER.indexOf(p.code);
  return i < 0 ? PROBLEM_ORDER.length : i;
};

interface Inferred {
  shapes: Map<NodeId, NodeShapeInfo>;
  layers: Map<NodeId, ResolvedLayer>;
}

/**
 * Pushes the input shape forward along the connections from every Input, as far as it
 * goes: a plain block gets a shape when it has exactly one incoming connection whose source
 * has one, a join when it has two or more and all of them have one. Runs on
 * broken graphs too, so the canvas can show shapes next to the errors.
 */
function propagate(
  g: Graph,
  params: Map<NodeId, NodeParams>,
  inputShape: number[] | null,
  problems: GraphProblem[],
): Inferred {
  const shapes = new Map<NodeId, NodeShapeInfo>();
  const layers = new Map<NodeId, ResolvedLayer>();
  for (const n of g.nodes) shapes.set(n.id, { nodeId: n.id, inputShape: null, outputShape: null, paramCount: 0 });
  const queue: NodeId[] = [];
  for (const n of g.nodes) {
    if (n.type === 'Input' && inputShape !== null) {
      const info = shapes.get(n.id) as NodeShapeInfo;
      info.inputShape = [...inputShape];
      info.outputShape = [...inputShape];
      queue.push(n.id);
    }
  }
  const done = new Set<NodeId>(queue);
  const settle = (dst: NodeId, r: LayerInference): void => {
    const info = shapes.get(dst) as NodeShapeInfo;
    info.outputShape = r.outputShape;
    info.paramCount = r.paramCount;
    if (r.problem) problems.push(r.problem);
    if (r.layer) layers.set(dst, r.layer);
    if (r.outputShape !== null) queue.push(dst);
  };
  while (queue.length > 0) {
    const src = queue.shift() as NodeId;
    const srcShape = (shapes.get(src) as NodeShapeInfo).outputShape;
    if (srcShape === null) continue;
    for (const dst of g.out.get(src) ?? []) {
      if (done.has(dst)) continue;
      const ins = g.in.get(dst) ?? [];
      const type = g.byId.get(dst)?.type ?? null;
      if (type !== null && isJoinType(type)) {
        const known = ins.map((id) => ({ from: id, shape: (shapes.get(id) as NodeShapeInfo).outputShape }));
        if (ins.length < 2 || known.some((k) => k.shape === null)) continue;
        done.add(dst);
        // A join's first input (in edge order) stands for its inputs on the canvas.
        (shapes.get(dst) as NodeShapeInfo).inputShape = [...(known[0].shape as number[])];
        settle(dst, inferJoin(dst, type, known as JoinInput[]));
        continue;
      }
      if (ins.length !== 1) continue;
      done.add(dst);
      (shapes.get(dst) as NodeShapeInfo).inputShape = [...srcShape];
      const p = params.get(dst);
      if (p === undefined) continue; // unknown type: already reported, nothing to infer past it
      settle(dst, inferLayer(dst, p, srcShape));
    }
  }
  return { shapes, layers };
}

export function compileModel(spec: ModelSpec, inputShape: number[]): CompileResult {
  try {
    return compile(spec, inputShape);
  } catch (e) {
    return { ok: false, problems: [{ code: 'bad-param', ...saying(internalErrorSaid(say('graph.model.internal'), e)) }], shapes: [] };
  }
}

function compile(spec: ModelSpec, inputShape: number[]): CompileResult {
  const problems: GraphProblem[] = [];
  const g = readGraph(spec, problems);
  const params = new Map<NodeId, NodeParams>();
  for (const n of g.nodes) if (n.type !== null) params.set(n.id, readNodeParams(n.id, n.type, n.params, problems));
  const order = checkTopology(g, problems);

  const shapeIssue = inputShapeProblem(inputShape);
  if (shapeIssue !== null) {
    const inputs = g.nodes.filter((n) => n.type === 'Input');
    problems.push({
      code: Array.isArray(inputShape) && inputShape.some((d) => d === 0) ? 'empty-output' : 'bad-param',
      ...(inputs.length > 0 ? { nodeId: inputs[0].id } : {}),
      ...saying(inputs.length > 0
        ? say('graph.model.inputShapeAt', { node: nodeSaid('Input', inputs[0].id), issue: shapeIssue })
        : say('graph.model.inputShape', { issue: shapeIssue })),
    });
  }
  const { shapes, layers } = propagate(g, params, shapeIssue === null ? inputShape : null, problems);
  const shapeList = g.nodes.map((n) => shapes.get(n.id) as NodeShapeInfo);

  const totalParams = shapeList.reduce((a, s) => a + s.paramCount, 0);
  if (totalParams > MAX_PARAMS) {
    const biggest = shapeList.reduce((a, s) => (s.paramCount > a.paramCount ? s : a));
    problems.push({
      code: 'bad-param',
      nodeId: biggest.nodeId,
      ...saying(say('graph.model.tooManyParams', {
        total: countText(totalParams),
        max: countText(MAX_PARAMS),
        node: nodeSaid(g.byId.get(biggest.nodeId)?.type ?? null, biggest.nodeId),
        own: countText(biggest.paramCount),
      })),
    });
  }

  if (problems.length > 0 || order === null) {
    // Array.prototype.sort is stable, so problems of one kind stay in spec order.
    return { ok: false, problems: problems.sort((a, b) => rank(a) - rank(b)), shapes: shapeList };
  }
  const resolved: ResolvedLayer[] = [];
  const sources: NodeId[][] = [];
  for (const id of order.slice(1)) {
    const layer = layers.get(id);
    // Unreachable when there are no problems; kept so a gap can never yield a broken model.
    if (layer === undefined) {
      return {
        ok: false,
        problems: [{ code: 'bad-param', nodeId: id, ...saying(say('graph.model.unresolved', { node: nodeSaid(g.byId.get(id)?.type ?? null, id) })) }],
        shapes: shapeList,
      };
    }
    resolved.push(layer);
    sources.push([...(g.in.get(id) ?? [])]);
  }
  const last = shapes.get(order[order.length - 1]) as NodeShapeInfo;
  return {
    ok: true,
    model: {
      inputShape: [...inputShape],
      inputId: order[0],
      layers: resolved,
      sources,
      outputShape: [...(last.outputShape as number[])],
      shapes: shapeList,
      paramCount: totalParams,
    },
  };
}
