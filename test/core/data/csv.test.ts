import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeDataset, parseCsv, type CsvProblem, type DatasetSpec } from '../../../core/index';

type Inline = Extract<DatasetSpec, { kind: 'inline' }>;

function ok(text: string, labelColumn?: string | number): Inline {
  const r = parseCsv(text, { name: 'data.csv', ...(labelColumn === undefined ? {} : { labelColumn }) });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  if (r.dataset.kind !== 'inline') throw new Error('expected inline data');
  return r.dataset;
}

function problems(text: string, labelColumn?: string | number): CsvProblem[] {
  const r = parseCsv(text, { name: 'data.csv', ...(labelColumn === undefined ? {} : { labelColumn }) });
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('parseCsv happy paths', () => {
  it('reads features and a label column named "label"', () => {
    const d = ok('x1,x2,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n');
    expect(d).toEqual({
      kind: 'inline',
      name: 'data.csv',
      featureNames: ['x1', 'x2'],
      features: [[0, 0], [0, 1], [1, 0], [1, 1]],
      labels: [0, 1, 1, 0],
      classNames: ['0', '1'],
      inputShape: [2],
    });
  });

  it('finds the label column by its usual names anywhere, else uses the last column', () => {
    expect(ok('Class,a,b\nx,1,2\ny,3,4').featureNames).toEqual(['a', 'b']);
    expect(ok('target,a\n1,2').featureNames).toEqual(['a']);
    expect(ok('a,b,species\n1,2,cat').featureNames).toEqual(['a', 'b']);
  });

  it('takes the label column by name or by 0-based position', () => {
    expect(ok('a,kind,b\n1,p,2', 'kind').features).toEqual([[1, 2]]);
    expect(ok('a,kind,b\n1,p,2', 'KIND').classNames).toEqual(['p']);
    expect(ok('a,b,c\n7,8,9', 0).labels).toEqual([7]);
  });

  it('numbers text labels in order of first appearance', () => {
    const d = ok('a,label\n1,versicolor\n2,setosa\n3,versicolor\n4,virginica');
    expect(d.classNames).toEqual(['versicolor', 'setosa', 'virginica']);
    expect(d.labels).toEqual([0, 1, 0, 2]);
  });

  it('keeps whole-number labels as class indices, even when 1 comes first', () => {
    const d = ok('a,label\n1,1\n2,0\n3,2.0');
    expect(d.labels).toEqual([1, 0, 2]);
    expect(d.classNames).toEqual(['0', '1', '2']);
  });

  it('sorts other numeric labels ascending (−1/1 → 0/1)', () => {
    const d = ok('a,label\n1,1\n2,-1\n3,1');
    expect(d.classNames).toEqual(['-1', '1']);
    expect(d.labels).toEqual([1, 0, 1]);
  });

  it('handles a BOM, CRLF, quoted fields with commas and quotes, blank lines and no trailing newline', () => {
    const d = ok('\ufeff"x, one",x2,"label"\r\n" 1.5",-2e3,"say ""hi"""\r\n\r\n3,.5,plain');
    expect(d.featureNames).toEqual(['x, one', 'x2']);
    expect(d.features).toEqual([[1.5, -2000], [3, 0.5]]);
    expect(d.classNames).toEqual(['say "hi"', 'plain']);
  });

  it('reads tab- and semicolon-separated files', () => {
    expect(ok('a\tb\tlabel\n1\t2\tx').features).toEqual([[1, 2]]);
    expect(ok('a;b;label\n1;2;x').features).toEqual([[1, 2]]);
  });

  it('gives data that makeDataset accepts', () => {
    const r = makeDataset(ok('a,b,label\n1,2,x\n3,4,y'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(Array.from(r.dataset.x)).toEqual([1, 2, 3, 4]);
  });
});

describe('parseCsv errors name the row and column', () => {
  it('reports a non-number with row, line and column', () => {
    const [p] = problems('x1,x2,x3,label\n' + '1,2,3,0\n'.repeat(16) + '1,2,abc,0\n');
    expect(p).toMatchObject({ row: 17, column: 'x3' });
    expect(p.message).toBe(`Row 17 (line 18), column 'x3' is not a number: "abc". Feature columns must hold numbers only.`);
  });

  it('reports NaN and Infinity cells as not numbers', () => {
    const ps = problems('a,b,label\nNaN,1,0\n1,Infinity,0\n1,1e999,0');
    expect(ps.map((p) => [p.row, p.column])).toEqual([[1, 'a'], [2, 'b'], [3, 'b']]);
    expect(ps[2].message).toMatch(/too large to be a number/);
  });

  it('reports an empty cell', () => {
    const [p] = problems('a,b,label\n1,,0');
    expect(p).toMatchObject({ row: 1, column: 'b' });
    expect(p.message).toMatch(/column 'b' is empty: fill it in or delete the row/);
  });

  it('reports an empty label', () => {
    const [p] = problems('a,label\n1,');
    expect(p).toMatchObject({ row: 1, column: 'label' });
    expect(p.message).toMatch(/label column 'label' is empty/);
  });

  it('reports ragged rows, short and long', () => {
    const ps = problems('a,b,label\n1,2\n1,2,0,9');
    expect(ps.map((p) => p.row)).toEqual([1, 2]);
    expect(ps[0].message).toBe('Row 1 (line 2) has 2 values, but the header has 3 columns: every row needs one value per column.');
    expect(ps[1].message).toMatch(/has 4 values/);
  });

  it('counts file lines across blank lines and quoted newlines', () => {
    const [p] = problems('a,b,label\n\n1,2,"two\nlines"\n1,x,0');
    expect(p.row).toBe(2);
    expect(p.message).toMatch(/^Row 2 \(line 5\)/);
  });

  it('rejects an empty file', () => {
    expect(problems('')[0].message).toMatch(/The file is empty/);
    expect(problems('\ufeff \r\n\n')[0].message).toMatch(/The file is empty/);
  });

  it('rejects a header without data rows', () => {
    expect(problems('a,b,label\n')[0].message).toMatch(/header row but no data rows/);
  });

  it('rejects a header with a single column', () => {
    expect(problems('label\n1\n')[0].message).toMatch(/at least one numeric feature column and a label column/);
  });

  it('rejects a named label column that does not exist and lists the columns', () => {
    const [p] = problems('a,b,c\n1,2,3', 'species');
    expect(p.column).toBe('species');
    expect(p.message).toBe("No column is named 'species': the columns are 'a', 'b', 'c'. Choose one of them as the label.");
  });

  it('rejects a label column position out of range', () => {
    expect(problems('a,b\n1,2', 5)[0].message).toMatch(/Label column 5 does not exist: the file has 2 columns/);
  });

  it('rejects empty and duplicate header names', () => {
    const ps = problems('a,,a,label\n1,2,3,4');
    expect(ps.map((p) => p.message)).toEqual([
      'Column 2 has no name in the header row (line 1): every column needs a name.',
      "Two columns are named 'a' in the header row: give each column its own name.",
    ]);
  });

  it('rejects an unclosed quote naming the line', () => {
    expect(problems('a,label\n1,"oops\n2,3')[0].message).toMatch(/Line 2 opens a quote \(".*never closed/);
  });

  it('rejects too many rows and too many columns, stating the limit', () => {
    expect(problems('a,label\n' + '1,0\n'.repeat(100_001))[0].message).toMatch(/more than 100000 data rows, the limit/);
    expect(problems(Array.from({ length: 10_001 }, (_, i) => `c${i}`).join(',') + '\n')[0].message).toMatch(/above the limit of 10000/);
  });

  it('rejects a label column with too many classes, suggesting another label column', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `${i},id${i}`).join('\n');
    const [p] = problems('a,name\n' + rows);
    expect(p.column).toBe('name');
    expect(p.message).toMatch(/1500 classes, above the limit of 1000/);
  });

  it('lists at most 20 cell problems and counts the rest', () => {
    const ps = problems('a,label\n' + 'x,0\n'.repeat(50));
    expect(ps).toHaveLength(21);
    expect(ps[20].message).toBe('…and 30 more problems like these.');
  });

  it('never throws on odd input', () => {
    for (const t of ['"', '""', ',', '\n,\n', 'a,b\n"x"y,1', '\r\r\r', 'a,label\n1,0\r', null as unknown as string]) {
      const r = parseCsv(t, { name: 'x' });
      expect(typeof r.ok).toBe('boolean');
    }
  });
});

describe('parseCsv fuzz', () => {
  const csvChars = fc.constantFrom(',', '"', '\n', '\r', '\t', ';', 'a', 'b', '1', '2', '.', '-', 'e', ' ', '\ufeff');

  it("never throws on random text and always explains a refusal", () => {
    fc.assert(
      fc.property(fc.array(csvChars, { maxLength: 200 }).map((a) => a.join('')), fc.oneof(fc.constant(undefined), fc.string(), fc.integer({ min: -2, max: 5 })), (text, labelColumn) => {
        const r = parseCsv(text, { name: 'fuzz.csv', ...(labelColumn === undefined ? {} : { labelColumn }) });
        if (r.ok) {
          // Whatever parses is data that makeDataset accepts.
          expect(makeDataset(r.dataset).ok).toBe(true);
        } else {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) expect(p.message).not.toMatch(/This is a bug/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips random numeric tables', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 20, maxLength: 20 }),
        (width, rows, labels) => {
          const header = [...Array.from({ length: width }, (_, j) => `f${j}`), 'label'].join(',');
          const lines = rows.map((r, i) => [...r.slice(0, width).map(String), String(labels[i])].join(','));
          const d = ok([header, ...lines].join('\r\n') + '\r\n');
          expect(d.features).toEqual(rows.map((r) => r.slice(0, width).map((v) => (v === 0 ? 0 : v))));
          expect(d.labels).toEqual(labels.slice(0, rows.length));
        },
      ),
    );
  });
});
