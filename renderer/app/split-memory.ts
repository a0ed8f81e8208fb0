// The canvas/results split, remembered per user in the browser's storage; a
// missing, unreadable or out-of-range value gives the default.
import { clampShare, SHARE_MAX, SHARE_MIN } from './Splitter';
import { userStorage } from '../store/user-storage';

export const SPLIT_KEY = 'bpnn.canvasShare';
/** The canvas's share by default: enough room under it for the charts' first row at 720 px. */
export const DEFAULT_SHARE = 0.52;

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

export function loadShare(store: KeyValue | null = userStorage()): number {
  try {
    const v = Number(store?.getItem(SPLIT_KEY) ?? Number.NaN);
    return Number.isFinite(v) && v >= SHARE_MIN && v <= SHARE_MAX ? v : DEFAULT_SHARE;
  } catch {
    return DEFAULT_SHARE;
  }
}

export function saveShare(share: number, store: KeyValue | null = userStorage()): void {
  try {
    store?.setItem(SPLIT_KEY, String(clampShare(share)));
  } catch {
    // A full or blocked storage only means the split is not remembered.
  }
}
