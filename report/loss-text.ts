// A loss in a table or the report: the app's one number formatter, an en dash for none.
import { formatNumber } from '../core/index';

export function lossText(v: number | null): string {
  return v === null ? '–' : formatNumber(v);
}
