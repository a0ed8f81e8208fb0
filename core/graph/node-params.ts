// Reads and checks a node's params. Whatever the spec holds (strings, null, NaN, 1e300),
// the result is a typed value plus problems; a bad field becomes null so shape inference
// can stop at exactly that node.
import { NODE_TYPES, type GraphProblem, type NodeId, type NodeType } from './spec';
import { nodeSaid, valueSaid } from './describe';
import { say, type MessageKey, type Param as TextParam } from '../messages/text';
import { saying } from '../messages/said';
import { blockOf, type BooleanParam, type NumberParam, type ParamKeyOf } from '../blocks/index';
import type { CheckedParamsOf } from '../blocks/derived';
import { kind as leakyRelu } from '../blocks/leaky-relu';

/** A node's params once read: every key of its kind, a bad number null (derived from the block definitions). */
export type NodeParams = { [T in NodeType]: CheckedParamsOf<T> }[NodeType];

/** A LeakyReLU's slope when its file leaves it out (the block's default). */
export const DEFAULT_LEAKY_SLOPE: number = leakyRelu.params[0].default;

/**
 * The params each node type stores, in the order files list them (the order of each block's
 * params). A project file naming any other is refused by the loader (project/schema.ts), as
 * every other unknown key is.
 */
export const PARAM_KEYS = Object.fromEntries(NODE_TYPES.map((t) => [t, blockOf(t).params.map((p) => p.key)])) as unknown as {
  readonly [T in NodeType]: readonly ParamKeyOf<T>[];
};

function readNumber(id: NodeId, type: NodeType, v: unknown, rule: NumberParam, problems: GraphProblem[]): number | null {
  const at = { node: nodeSaid(type, id), param: rule.key, min: rule.min, max: rule.max };
  const bad = (key: MessageKey, params: Record<string, TextParam> = {}): null => {
    problems.push({ code: 'bad-param', nodeId: id, ...saying(say(key, { ...at, ...params })) });
    return null;
  };
  if (rule.kind === 'number') {
    if (v === undefined || v === null) return rule.default;
    if (typeof v === 'number' && Number.isFinite(v) && v >= rule.min && v <= rule.max) return v;
    return rule.usual ? bad('graph.param.outOfRangeUsual', { value: valueSaid(v), usual: say(rule.usual) }) : bad('graph.param.outOfRange', { value: valueSaid(v) });
  }
  if (v === undefined && rule.optional) return rule.default;
  if (v === undefined || v === null || v === '') return bad('graph.param.notSet');
  if (typeof v !== 'number' || Number.isNaN(v)) return bad('graph.param.notNumber', { value: valueSaid(v) });
  if (!Number.isFinite(v) || v > rule.max) {
    return bad('graph.param.aboveLimit', { value: valueSaid(v), why: rule.limitWhy ? say(rule.limitWhy) : say('graph.param.useAtMost', { max: rule.max }) });
  }
  if (!Number.isInteger(v)) return bad('graph.param.notWhole', { value: v, example: Math.max(rule.min, Math.round(v)) });
  if (v < rule.min) return bad('graph.param.belowMin', { value: v });
  return v;
}

function readBoolean(id: NodeId, type: NodeType, v: unknown, rule: BooleanParam, problems: GraphProblem[]): boolean {
  if (v === undefined || v === null) return rule.default;
  if (typeof v === 'boolean') return v;
  problems.push({ code: 'bad-param', nodeId: id, ...saying(say('graph.param.notBoolean', { node: nodeSaid(type, id), param: rule.key, value: valueSaid(v) })) });
  return rule.default;
}

/**
 * Checks the params of a node whose type is known, by its block's schema. Keys it does not
 * know are ignored here: a file with one is refused when it is opened (PARAM_KEYS), and a spec
 * built in memory holds only the keys the editor writes.
 */
export function readNodeParams(
  id: NodeId,
  type: NodeType,
  rawParams: unknown,
  problems: GraphProblem[],
): NodeParams {
  const params: Record<string, unknown> =
    rawParams !== null && typeof rawParams === 'object' && !Array.isArray(rawParams)
      ? (rawParams as Record<string, unknown>)
      : {};
  const read: Record<string, number | boolean | null> = {};
  for (const rule of blockOf(type).params) {
    read[rule.key] = rule.kind === 'boolean' ? readBoolean(id, type, params[rule.key], rule, problems) : readNumber(id, type, params[rule.key], rule, problems);
  }
  // NodeParams is derived from the same schema, so the keys match.
  return { type, ...read } as NodeParams;
}
