// The points file `bpnn predict` reads: plain decimal numbers only, and a header only by the
// rule docs/cli.md states, so a typo or an Infinity in the first row is reported, not dropped.
import { describe, expect, it } from 'vitest';
import { CliError } from '../../cli/errors';
import { isHeaderRow, parsePoints } from '../../cli/points';

function failure(text: string, width = 2): string {
  try {
    parsePoints(text, width, 'p.csv');
  } catch (e) {
    if (e instanceof CliError) return e.message;
    throw e;
  }
  throw new Error('parsed');
}

describe('points for bpnn predict', () => {
  it('reads rows of numbers, with or without a header of names, and remembers each point\'s line', () => {
    const withHeader = parsePoints('x1,x2\n0.5,-1\n\n.25;2e-3\n', 2, 'p.csv');
    expect(Array.from(withHeader.x)).toEqual([0.5, -1, 0.25, 0.002]);
    expect(withHeader.lines).toEqual([2, 4]);
    expect(parsePoints('0,1\n1,0', 2, 'p.csv').lines).toEqual([1, 2]);
  });

  it.each([
    ['x1,x2', true],
    ['"petal length",_width', true],
    ['Infinity,-Infinity', false],
    ['NaN,nan', false],
    ['inf,x2', false],
    ['0.5,abc', false],
    ['1,2', false],
    [',x2', false],
  ])('the first row %j is a header: %s', (row, header) => {
    expect(isHeaderRow(row.split(',').map((c) => c.replace(/^"(.*)"$/, '$1')))).toBe(header);
  });

  it('reports a first row with Infinity or a typo, naming the row, the column and the text', () => {
    expect(failure('Infinity,0.5\n1,2')).toBe("p.csv: row 1, column 1: 'Infinity' is not a number");
    expect(failure('0.5,0.5x\n1,2')).toBe("p.csv: row 1, column 2: '0.5x' is not a number");
    expect(failure('Infinity,-Infinity\n1,2')).toBe("p.csv: row 1, column 1: 'Infinity' is not a number");
  });

  it('reads 0x10 as a typo, not as 16, and says when a number is too large', () => {
    expect(failure('x,y\n1,0x10')).toBe("p.csv: row 2, column 2: '0x10' is not a number");
    expect(failure('x,y\n1,1_000')).toBe("p.csv: row 2, column 2: '1_000' is not a number");
    expect(failure('1e400,1')).toBe("p.csv: row 1, column 1: '1e400' is too large to be a number");
    expect(failure('x,y\n1,')).toBe('p.csv: row 2, column 2: the value is empty');
  });
});
