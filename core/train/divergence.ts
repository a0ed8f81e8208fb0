// What a student reads when a run diverges: what became non-finite, where, the last good
// loss, and what to try next (N6). Built from plain numbers so it can be snapshot-tested.
import type { NodeId } from '../graph/spec';
import type { DivergenceInfo } from './types';

/** Consecutive steps with non-finite gradients that are skipped before the run is declared diverged. */
export const MAX_BAD_STEPS = 3;

/** What a skipped step's gradient held, in words: "2 NaN and 1 infinite" (a count of 0 is left out). */
export function nonFiniteValuesText(c: { nan: number; inf: number }): string {
  return [c.nan ? `${c.nan} NaN` : '', c.inf ? `${c.inf} infinite` : ''].filter(Boolean).join(' and ');
}

export interface DivergenceFacts {
  epoch: number;
  batch: number;
  value: number;
  where: { kind: 'loss' } | { kind: 'gradient'; nodeId: NodeId; layerType: string; tensor: string; nan: number; inf: number };
  lastFiniteLoss: number | null;
  keptEpoch: number;
  lr: number;
  clipNorm: number | null;
}

/** A readable number: at most 6 significant digits, no float noise (0.005, not 0.005000000000000001). */
export function readable(v: number): string {
  return String(Number(v.toPrecision(6)));
}

export function valueName(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

export function divergenceInfo(f: DivergenceFacts): DivergenceInfo {
  const value = valueName(f.value);
  const at = `at epoch ${f.epoch}, batch ${f.batch}`;
  let what: string;
  if (f.where.kind === 'loss') {
    what = `Loss became ${value} ${at}.`;
  } else {
    const w = f.where;
    what =
      `The gradient of ${w.tensor} in ${w.layerType} '${w.nodeId}' became ${value} ${at} ` +
      `(${w.nan} NaN and ${w.inf} infinite values); ${MAX_BAD_STEPS} steps in a row had to be skipped.`;
  }
  const last = f.lastFiniteLoss === null ? 'No finite loss was reached.' : `The last finite loss was ${readable(f.lastFiniteLoss)}.`;
  const kept = f.keptEpoch === 0 ? 'The initial weights were kept.' : `The last good weights (from epoch ${f.keptEpoch}) were kept.`;
  const advice = [
    `Lower the learning rate, e.g. ÷10: from ${readable(f.lr)} to ${readable(f.lr / 10)}.`,
    'Normalize the inputs so each feature has mean 0 and standard deviation 1.',
    f.clipNorm === null
      ? 'Turn on gradient clipping (clipNorm), e.g. 1.'
      : `Clip gradients harder: lower clipNorm from ${readable(f.clipNorm)} to ${readable(f.clipNorm / 10)}.`,
  ];
  return {
    epoch: f.epoch,
    batch: f.batch,
    value,
    where: f.where.kind === 'loss' ? { kind: 'loss' } : { kind: 'gradient', nodeId: f.where.nodeId, tensor: f.where.tensor },
    lastFiniteLoss: f.lastFiniteLoss,
    keptEpoch: f.keptEpoch,
    message: `${what} ${last} ${kept}`,
    advice,
  };
}
