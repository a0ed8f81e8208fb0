// A param as a node face shows it: its value, the block's default when the node leaves an
// optional one out, '?' when a needed one is missing.
import { blockOf, type NodeType } from '../../../core/index';
import type { Params } from '../types';

export function shownParam(type: NodeType, params: Params, key: string): number | boolean | '?' {
  const v = params[key];
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const schema = blockOf(type).params.find((p) => p.key === key);
  if (schema === undefined || (schema.kind !== 'boolean' && !schema.optional)) return '?';
  return schema.default;
}
