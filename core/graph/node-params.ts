// Reads and checks a node's params. Whatever the spec holds (strings, null, NaN, 1e300),
// the result is a typed value plus problems; a bad field becomes null so shape inference
// can stop at exactly that node.
import type { GraphProblem, NodeId, NodeParamsByType, NodeType } from './spec';
import { nodeLabel, valueText } from './describe';
import { MAX_KERNEL, MAX_UNITS } from './limits';

export type NodeParams =
  | { type: 'Linear'; outFeatures: number | null; bias: boolean }
  | {
      type: 'Conv1d';
      outChannels: number | null;
      kernelSize: number | null;
      stride: number | null;
      padding: number | null;
    }
  | { type: 'LeakyReLU'; negativeSlope: number | null }
  | { type: Exclude<NodeType, 'Linear' | 'Conv1d' | 'LeakyReLU'> };

export const DEFAULT_LEAKY_SLOPE = 0.01;

/**
 * The params each node type stores, in the order files list them. A project file naming any
 * other is refused by the loader (project/schema.ts), as every other unknown key is. Checked
 * against NodeParamsByType both ways at compile time (below), so the two cannot drift apart.
 */
export const PARAM_KEYS = {
  Input: [],
  Linear: ['outFeatures', 'bias'],
  Conv1d: ['outChannels', 'kernelSize', 'stride', 'padding'],
  Flatten: [],
  Sigmoid: [],
  Tanh: [],
  ReLU: [],
  LeakyReLU: ['negativeSlope'],
  Identity: [],
  Softmax: [],
  Add: [],
  Concat: [],
} as const satisfies { readonly [T in NodeType]: readonly (keyof NodeParamsByType[T])[] };

// A param in NodeParamsByType that PARAM_KEYS leaves out makes this line fail to compile.
type Unlisted<T extends NodeType> = string extends keyof NodeParamsByType[T] ? never : Exclude<keyof NodeParamsByType[T], (typeof PARAM_KEYS)[T][number]>;
const _everyParamListed: [{ [T in NodeType]: Unlisted<T> }[NodeType]] extends [never] ? true : false = true;
void _everyParamListed;

interface IntRule {
  key: string;
  min: number;
  max: number;
  /** Why the upper limit exists, said to the student. */
  why: string;
  fallback?: number;
}

function readInt(
  id: NodeId,
  type: NodeType,
  params: Record<string, unknown>,
  rule: IntRule,
  problems: GraphProblem[],
): number | null {
  const v = params[rule.key];
  const who = nodeLabel(type, id);
  if (v === undefined && rule.fallback !== undefined) return rule.fallback;
  const bad = (what: string): null => {
    problems.push({ code: 'bad-param', nodeId: id, message: `${who} ${rule.key} ${what}` });
    return null;
  };
  if (v === undefined || v === null || v === '') {
    return bad(`is not set: enter a whole number from ${rule.min} to ${rule.max}.`);
  }
  if (typeof v !== 'number' || Number.isNaN(v)) {
    return bad(`is ${valueText(v)}, not a number: enter a whole number from ${rule.min} to ${rule.max}.`);
  }
  if (!Number.isFinite(v) || v > rule.max) {
    return bad(`is ${valueText(v)}, above the limit of ${rule.max}: ${rule.why}`);
  }
  if (!Number.isInteger(v)) return bad(`is ${v}, not a whole number: enter a whole number such as ${Math.max(rule.min, Math.round(v))}.`);
  if (v < rule.min) return bad(`is ${v}: it must be at least ${rule.min}.`);
  return v;
}

const UNITS_WHY = `each unit adds weights, and a layer this wide would need more memory than the app can use. Use a smaller number (most networks here use 2 to 512).`;
const KERNEL_WHY = `kernels, strides and paddings this large do not fit any signal the app handles.`;

/**
 * Checks the params of a node whose type is known. Keys it does not know are ignored here:
 * a file with one is refused when it is opened (PARAM_KEYS), and a spec built in memory holds
 * only the keys the editor writes.
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
  switch (type) {
    case 'Linear': {
      const outFeatures = readInt(id, type, params, { key: 'outFeatures', min: 1, max: MAX_UNITS, why: UNITS_WHY }, problems);
      let bias = true;
      if (params.bias !== undefined && params.bias !== null) {
        if (typeof params.bias === 'boolean') bias = params.bias;
        else
          problems.push({
            code: 'bad-param',
            nodeId: id,
            message: `${nodeLabel(type, id)} bias is ${valueText(params.bias)}: it must be on (true) or off (false).`,
          });
      }
      return { type, outFeatures, bias };
    }
    case 'Conv1d':
      return {
        type,
        outChannels: readInt(id, type, params, { key: 'outChannels', min: 1, max: MAX_UNITS, why: UNITS_WHY }, problems),
        kernelSize: readInt(id, type, params, { key: 'kernelSize', min: 1, max: MAX_KERNEL, why: KERNEL_WHY }, problems),
        stride: readInt(id, type, params, { key: 'stride', min: 1, max: MAX_KERNEL, why: KERNEL_WHY, fallback: 1 }, problems),
        padding: readInt(id, type, params, { key: 'padding', min: 0, max: MAX_KERNEL, why: KERNEL_WHY, fallback: 0 }, problems),
      };
    case 'LeakyReLU': {
      const v = params.negativeSlope;
      if (v === undefined || v === null) return { type, negativeSlope: DEFAULT_LEAKY_SLOPE };
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1) return { type, negativeSlope: v };
      problems.push({
        code: 'bad-param',
        nodeId: id,
        message: `${nodeLabel(type, id)} negativeSlope is ${valueText(v)}: use a number from 0 to 1 (0.01 is usual; 0 makes it a ReLU, 1 an Identity).`,
      });
      return { type, negativeSlope: null };
    }
    default:
      return { type };
  }
}
