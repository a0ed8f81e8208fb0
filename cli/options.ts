// Option value parsers: a bad value is a usage error naming the option, e.g.
// "--epochs must be a whole number from 1 to 1000000, not 'abc'".
import { InvalidArgumentError } from 'commander';

export const MAX_EPOCHS = 1_000_000;

export function wholeNumber(name: string, min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}, not '${value}'.`);
    }
    return n;
  };
}
