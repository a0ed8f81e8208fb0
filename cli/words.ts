// Small pieces several commands print (a duration, a run's state, why the file system said no),
// in the terminal's language.
import type { RunResult } from '../core/index';
import { fsErrorSaid } from '../node/files/fs-said';
import { cliSay, cliText } from './text';

export const duration = (ms: number): string =>
  ms < 1000 ? cliText('common.ms', { value: Math.round(ms) }) : cliText('common.s', { value: (ms / 1000).toFixed(2) });

export const stateWord = (state: RunResult['state'] | string): string =>
  state === 'done' || state === 'stopped' || state === 'diverged' || state === 'error' ? cliText(`state.${state}`) : state;

/** Why reading or writing failed, in the terminal's language; an unknown error keeps the system's own words. */
export const fsReason = (e: unknown, op: 'read' | 'write'): string => cliSay(fsErrorSaid(e, op));
