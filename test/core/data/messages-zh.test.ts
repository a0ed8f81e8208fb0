// CSV and dataset problems in Traditional Chinese: the Data tab's errors reach a zh-TW reader with
// no English left in them, and each Text says in English exactly the problem's message.
import { describe, expect, it } from 'vitest';
import { makeDataset, parseCsv, render, type DatasetSpec, type Said } from '../../../core/index';
import { CJK, latinLeft, zh } from '../../helpers/zh-text';

const csvProblems = (text: string, labelColumn?: string | number): Said[] => {
  const r = parseCsv(text, { name: 'data.csv', ...(labelColumn === undefined ? {} : { labelColumn }) });
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};
const datasetProblems = (spec: unknown): Said[] => {
  const r = makeDataset(spec as DatasetSpec);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('data problems in Traditional Chinese', () => {
  const cases: { name: string; problems: () => Said[]; allowed: string[]; expected?: string }[] = [
    {
      name: 'bad cells and a short row in a CSV',
      problems: () => csvProblems('x1,x2,label\n0.1,0.2,a\n0.3,,b\n0.5,abc,a\n1,2\n'),
      allowed: ['x2', 'abc'],
      expected: '第 2 列（第 3 行）的「x2」欄是空的：請填上值或刪掉這一列。',
    },
    { name: 'an empty CSV', problems: () => csvProblems(''), allowed: ['CSV'] },
    { name: 'a repeated column name', problems: () => csvProblems('x1,x1,label\n1,2,a\n'), allowed: ['x1'] },
    { name: 'a label column that does not exist', problems: () => csvProblems('x1,x2,label\n1,2,a\n', 'target'), allowed: ['target', 'x1', 'x2', 'label'] },
    { name: 'a label column past the last one', problems: () => csvProblems('x1,x2,label\n1,2,a\n', 7), allowed: ['x1', 'x2', 'label'] },
    { name: 'an unclosed quote', problems: () => csvProblems('x1,label\n"1,a\n'), allowed: [] },
    {
      name: 'a generator param out of range',
      problems: () => datasetProblems({ kind: 'generator', generator: 'circle', params: { n: 0 }, seed: 1 }),
      allowed: ['n'],
      expected: '資料集的 n（樣本數）是 0：它必須是 1 到 100000 之間的整數。',
    },
    { name: 'a missing seed', problems: () => datasetProblems({ kind: 'generator', generator: 'xor', params: {} }), allowed: [] },
    { name: 'no dataset at all', problems: () => datasetProblems(null), allowed: ['CSV'] },
    {
      name: 'inline data with a NaN cell and a label without a class',
      problems: () => datasetProblems({ kind: 'inline', name: 'd', featureNames: ['a', 'b'], features: [[1, NaN], [1, 2]], labels: [0, 5], classNames: ['x', 'y'] }),
      allowed: ['「b」', 'NaN'],
    },
  ];

  it.each(cases)('$name', ({ problems, allowed, expected }) => {
    const list = problems();
    expect(list.length).toBeGreaterThan(0);
    for (const p of list) {
      const said = zh(p);
      expect(said).toMatch(CJK);
      expect({ said, left: latinLeft(said, allowed) }).toEqual({ said, left: [] });
      expect(render(p.text!, 'en')).toBe(p.message);
    }
    if (expected !== undefined) expect(list.map(zh)).toContain(expected);
  });
});

describe('data warnings in Traditional Chinese', () => {
  const warningsOf = (spec: Partial<Extract<DatasetSpec, { kind: 'inline' }>>): Said[] => {
    const r = makeDataset({ kind: 'inline', name: 'd.csv', featureNames: ['a', 'price'], features: [[1, 2e6], [2, 3], [3, 4]], labels: [0, 1, 0], classNames: ['x', 'y'], ...spec });
    if (!r.ok) throw new Error(r.problems[0].message);
    return r.warnings;
  };

  it('large features, one class and a class without rows are said in Chinese, and in English as before', () => {
    const cases: [Said[], string[]][] = [
      [warningsOf({}), ['price', '2.0e+6']],
      [warningsOf({ featureNames: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], features: [[1e7, 1e7, 1e7, 1e7, 1e7, 1e7, 1e7]], labels: [0], classNames: ['x', 'y'] }), ['a', 'b', 'c', 'd', 'e', 'y', '1.0e+7']],
      [warningsOf({ features: [[1, 2], [2, 3]], labels: [0, 0], classNames: ['x'] }), []],
      [warningsOf({ features: [[1, 2], [2, 3]], labels: [0, 0], classNames: ['x', 'y', 'z'] }), ['y', 'z']],
    ];
    for (const [warnings, allowed] of cases) {
      expect(warnings.length).toBeGreaterThan(0);
      for (const w of warnings) {
        expect(render(w.text!)).toBe(w.message);
        expect(zh(w)).toMatch(CJK);
        expect(latinLeft(zh(w), allowed)).toEqual([]);
      }
    }
    expect(warningsOf({})[0].message).toBe("Feature 'price' reaches 2.0e+6: values this large make training diverge or stall. Normalize the data (scale each column to [0, 1], or to mean 0 and standard deviation 1).");
  });
});
