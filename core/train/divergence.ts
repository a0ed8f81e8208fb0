// What a student reads when a run diverges: what became non-finite (or exploded), where, the
// last good loss, and what to try next (N6). Built from plain numbers so it can be snapshot-tested.
import type { NodeId } from '../graph/spec';
import type { DivergenceInfo } from './types';

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
export function nonFiniteValuesText(c: { nan: number; inf: number }): string {
  return [c.nan ? `${c.nan} NaN` : '', c.inf ? `${c.inf} infinite` : ''].filter(Boolean).join(' and ');
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
function lowerLrAdvice(lr: number): string {
  if (!(Number.isFinite(lr) && lr > 0)) return 'Lower the learning rate, e.g. ÷10.';
  return `Lower the learning rate, e.g. ÷10: from ${readable(lr)} to ${readable(lr / 10)}.`;
}

export function divergenceInfo(f: DivergenceFacts): DivergenceInfo {
  const value = valueName(f.value);
  const at = `at epoch ${f.epoch}, batch ${f.batch}`;
  let what: string;
  if (f.where.kind === 'loss') {
    what = `Loss became ${value} ${at}.`;
  } else if (f.where.kind === 'exploded') {
    what =
      `Loss exploded to ${value} at epoch ${f.epoch} (it started at ${roughly(f.where.startLoss)}): ` +
      `more than ${EXPLODED_RATIO} times its starting value, so training stopped.`;
  } else {
    const w = f.where;
    what =
      `The gradient of ${w.tensor} in ${w.layerType} '${w.nodeId}' became ${value} ${at} ` +
      `(${w.nan} NaN and ${w.inf} infinite values); ${MAX_BAD_STEPS} steps in a row had to be skipped.`;
  }
  const last =
    f.where.kind === 'exploded' ? '' : f.lastFiniteLoss === null ? 'No finite loss was reached. ' : `The last finite loss was ${readable(f.lastFiniteLoss)}. `;
  const kept =
    f.keptEpoch === 0
      ? 'The initial weights were kept.'
      : f.where.kind === 'exploded'
        ? `The weights with the lowest loss (from epoch ${f.keptEpoch}) were kept.`
        : `The last good weights (from epoch ${f.keptEpoch}) were kept.`;
  const advice = [
    lowerLrAdvice(f.lr),
    'Normalize the inputs so each feature has mean 0 and standard deviation 1.',
    f.clipNorm === null
      ? 'Turn on gradient clipping (clipNorm), e.g. 1.'
      : `Clip gradients harder: lower clipNorm from ${readable(f.clipNorm)} to ${readable(f.clipNorm / 10)}.`,
  ];
  return {
    epoch: f.epoch,
    batch: f.batch,
    value,
    where: f.where.kind === 'gradient' ? { kind: 'gradient', nodeId: f.where.nodeId, tensor: f.where.tensor } : { kind: 'loss' },
    lastFiniteLoss: f.lastFiniteLoss,
    keptEpoch: f.keptEpoch,
    message: `${what} ${last}${kept}`,
    advice,
  };
}
