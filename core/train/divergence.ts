// What a student reads when a run diverges: what became non-finite (or exploded), where, the
// last good loss, and what to try next (N6). Built from plain numbers so it can be snapshot-tested.
import type { NodeId } from '../graph/spec';
import type { DivergenceInfo } from './types';
import { nodeSaid } from '../graph/describe';
import { render, say, type Text } from '../messages/text';

/** Consecutive steps with non-finite gradients that are skipped before the run is declared diverged. */
export const MAX_BAD_STEPS = 3;

/**
 * A loss can blow up and stay finite: with a sigmoid or softmax output the loss grows with the
 * logits, so lr 1e6 on XOR ends at loss 1.3e6 without ever reaching NaN. An epoch whose mean
 * loss is more than EXPLODED_RATIO times the run's starting loss (its first batch, before any
 * update) and above EXPLODED_FLOOR has exploded: the run ends as diverged, keeping the weights
 * that began its best epoch. Healthy runs stay far below: the examples never rise above their
 * starting loss, and the worst spike seen in random runs at up to 30× an optimizer's default
 * rate was ×60 (RMSProp, full batch, a run that still reached 100%). The floor keeps a run
 * that starts from trained weights (loss 0.001) from stopping on an ordinary bump.
 */
export const EXPLODED_RATIO = 1000;
export const EXPLODED_FLOOR = 100;

/** The epoch loss above which a run that started at `startLoss` has exploded. */
export function explodedLimit(startLoss: number): number {
  return Math.max(EXPLODED_RATIO * startLoss, EXPLODED_FLOOR);
}

/** What a skipped step's gradient held, in words: "2 NaN and 1 infinite" (a count of 0 is left out). */
export function nonFiniteValuesSaid(c: { nan: number; inf: number }): Text | string {
  const nan = c.nan ? say('train.diverged.nan', { count: c.nan }) : null;
  const inf = c.inf ? say('train.diverged.infinite', { count: c.inf }) : null;
  if (nan && inf) return say('train.diverged.nanAndInfinite', { nan, inf });
  return nan ?? inf ?? '';
}

/** nonFiniteValuesSaid in English. */
export function nonFiniteValuesText(c: { nan: number; inf: number }): string {
  const said = nonFiniteValuesSaid(c);
  return typeof said === 'string' ? said : render(said);
}

export interface DivergenceFacts {
  epoch: number;
  batch: number;
  value: number;
  where:
    | { kind: 'loss' }
    /** value is the epoch's mean loss, finite but past explodedLimit(startLoss). */
    | { kind: 'exploded'; startLoss: number }
    | { kind: 'gradient'; nodeId: NodeId; layerType: string; tensor: string; nan: number; inf: number };
  lastFiniteLoss: number | null;
  keptEpoch: number;
  lr: number;
  clipNorm: number | null;
}

/** A readable number: at most 6 significant digits, no float noise (0.005, not 0.005000000000000001). */
export function readable(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/** A loss in three significant digits, in powers of ten when large: 0.693, 1.32e+6. */
export function roughly(v: number): string {
  const r = Number(v.toPrecision(3));
  return Math.abs(r) >= 1e5 ? r.toExponential() : String(r);
}

export function valueName(v: number): string {
  if (Number.isFinite(v)) return roughly(v);
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

/** The first piece of advice, with numbers only when they are readable ones. */
function lowerLrAdvice(lr: number): Text {
  if (!(Number.isFinite(lr) && lr > 0)) return say('train.diverged.lowerLr');
  return say('train.diverged.lowerLrFrom', { lr: readable(lr), lower: readable(lr / 10) });
}

export function divergenceInfo(f: DivergenceFacts): DivergenceInfo {
  const value = valueName(f.value);
  const at = { epoch: f.epoch, batch: f.batch, value };
  let what: Text;
  if (f.where.kind === 'loss') {
    what = say('train.diverged.lossBecame', at);
  } else if (f.where.kind === 'exploded') {
    what = say('train.diverged.exploded', { value, epoch: f.epoch, start: roughly(f.where.startLoss), ratio: EXPLODED_RATIO });
  } else {
    const w = f.where;
    what = say('train.diverged.gradient', { ...at, tensor: w.tensor, node: nodeSaid(w.layerType, w.nodeId), nan: w.nan, inf: w.inf, steps: MAX_BAD_STEPS });
  }
  const last =
    f.where.kind === 'exploded'
      ? null
      : f.lastFiniteLoss === null
        ? say('train.diverged.noFiniteLoss')
        : say('train.diverged.lastFiniteLoss', { loss: readable(f.lastFiniteLoss) });
  const kept =
    f.keptEpoch === 0
      ? say('train.diverged.keptInitial')
      : f.where.kind === 'exploded'
        ? say('train.diverged.keptLowest', { epoch: f.keptEpoch })
        : say('train.diverged.keptLast', { epoch: f.keptEpoch });
  const text = last ? say('train.diverged.messageWithLast', { what, last, kept }) : say('train.diverged.message', { what, kept });
  const adviceText = [
    lowerLrAdvice(f.lr),
    say('train.diverged.normalize'),
    f.clipNorm === null ? say('train.diverged.clipOn') : say('train.diverged.clipHarder', { clip: readable(f.clipNorm), lower: readable(f.clipNorm / 10) }),
  ];
  return {
    epoch: f.epoch,
    batch: f.batch,
    value,
    where: f.where.kind === 'gradient' ? { kind: 'gradient', nodeId: f.where.nodeId, tensor: f.where.tensor } : { kind: 'loss' },
    lastFiniteLoss: f.lastFiniteLoss,
    keptEpoch: f.keptEpoch,
    message: render(text),
    advice: adviceText.map((a) => render(a)),
    text,
    adviceText,
  };
}
