// Sigmoid + BCE and Softmax + cross-entropy are fused: the loss is computed from the final
// activation's input (the logits), which is cheaper and finite at any logit. The engine's
// loss, its memory estimate and the step-through's notes must agree on when that happens.
import type { ResolvedLayer } from '../graph/resolved';
import type { LossName } from '../train/types';

/** What the rule needs of the network's last layer (a join has several input shapes, and never fuses). */
export interface LastLayer {
  readonly type: ResolvedLayer['type'];
  readonly inShape?: readonly number[];
  readonly outSize: number;
}

/**
 * True when the loss starts from the logits under `last`. A Softmax fuses only when it spans
 * the whole output row: over a longer shape it normalises each row of its last axis, and
 * the fused formula (one class per sample) would not be the loss of what it outputs.
 */
export function fusesWithLoss(loss: LossName, last: LastLayer | undefined): boolean {
  if (last === undefined) return false;
  if (loss === 'bce') return last.type === 'Sigmoid';
  const width = last.inShape?.[last.inShape.length - 1];
  return loss === 'crossEntropy' && last.type === 'Softmax' && width === last.outSize;
}
