// Option value parsers: a bad value is a usage error naming the option and its range, e.g.
// "--epochs must be a whole number from 1 to 1000000, not 'abc'". The ranges are core's, so an
// option takes exactly what the project file and the app take.
import { InvalidArgumentError } from 'commander';
import { totalmem } from 'node:os';
import { automaticMemoryBudget, boundSaid, chosenMemoryBudget, inBound, parseDecimal, parseMemorySize, type MemoryBudget, type NumberBound } from '../core/index';
import { cliSay, cliSpoken, cliText } from './text';

export function boundedNumber(name: string, bound: NumberBound): (value: string) => number {
  return (value: string) => {
    const n = parseDecimal(value);
    if (n === null || !inBound(n, bound)) throw new InvalidArgumentError(cliText('usage.bound', { name, bound: cliSay(boundSaid(bound)), value }));
    return n;
  };
}

/** `--memory-limit`: a size such as 512MB or 2GB (bytes; null for 'automatic'), as core reads it. */
export function memorySize(name: string): (value: string) => number | null {
  return (value: string) => {
    const r = parseMemorySize(value);
    if (!r.ok) throw new InvalidArgumentError(`${name}: ${cliSpoken(r)}`);
    return r.bytes;
  };
}

/** What a run from the command line may use: --memory-limit when given, else a share of this computer's memory. */
export function cliMemoryBudget(limit: number | null | undefined): MemoryBudget {
  return chosenMemoryBudget(limit, automaticMemoryBudget(totalmem(), 'computer'));
}
