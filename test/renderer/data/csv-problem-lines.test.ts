// N4: a CSV problem in the Data tab names its row and column once. Core's messages already say
// "Row 2 (line 3), column 'x2'"; the line shown must not put another "Row 2, column 'x2':" in front.
import { describe, expect, it } from 'vitest';
import { importCsvBytes } from '../../../renderer/data/csv-import';

const bytes = (s: string) => new TextEncoder().encode(s);
const count = (text: string, part: string) => text.split(part).length - 1;

describe('CSV problems in the Data tab', () => {
  it('N4 says the row and column of each bad cell once', () => {
    const r = importCsvBytes(bytes('x1,x2,label\n0.1,0.2,a\n0.3,,b\n0.5,abc,a\n1,2\n'), 'points.csv', '');
    expect(r).toEqual({
      ok: false,
      lines: [
        "Row 2 (line 3), column 'x2' is empty: fill it in or delete the row.",
        'Row 3 (line 4), column \'x2\' is not a number: "abc". Feature columns must hold numbers only.',
        'Row 4 (line 5) has 2 values, but the header has 3 columns: every row needs one value per column.',
      ],
    });
    if (!r.ok) for (const line of r.lines) expect(count(line, 'Row ')).toBe(1);
  });

  it('N4 a header problem names its column once', () => {
    const r = importCsvBytes(bytes('x1,x1,label\n1,2,a\n'), 'points.csv', '');
    expect(r).toEqual({ ok: false, lines: ["Two columns are named 'x1' in the header row: give each column its own name."] });
  });
});
