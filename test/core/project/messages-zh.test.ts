// A broken project file, said in Traditional Chinese: the loader's, the scanner's, zod's and the
// saver's problems reach a zh-TW reader with no English left in them, and each Text says in
// English exactly the sentence the problem's message holds (the catalogs cannot drift from it).
import { describe, expect, it } from 'vitest';
import { decodeText, parseProject, readWeightsFile, render, serializeProject, type Said } from '../../../core/index';
import { CJK, latinLeft, zh } from '../../helpers/zh-text';
import { exampleText, loadOk } from './helpers';

const problemsOf = (text: string): Said[] => {
  const r = parseProject(text);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};
/** The parts of a project file these cases break. */
interface Doc {
  version: number;
  training: Record<string, unknown>;
  graph: { nodes: { id: string; type: string; params: Record<string, unknown> }[]; edges: { id: string }[] };
}
const xor = (): Doc => JSON.parse(exampleText('xor')) as Doc;

/** The check itself, so it is known to fail on an English sentence. */
describe('latinLeft', () => {
  it('finds English words and lets the allowed tokens through', () => {
    expect(latinLeft('Invalid input: expected number', [])).toEqual(['Invalid', 'input', 'expected', 'number']);
    expect(latinLeft('training.epochs：輸入無效', ['training.epochs'])).toEqual([]);
    expect(latinLeft('training.epochs：輸入無效 number', ['training.epochs'])).toEqual(['number']);
  });
});

describe('file problems in Traditional Chinese', () => {
  const cases: { name: string; problems: () => Said[]; allowed: string[]; expected?: string }[] = [
    {
      name: 'a wrong type (zod)',
      problems: () => {
        const doc = xor();
        doc.training.epochs = 'ten';
        return problemsOf(JSON.stringify(doc));
      },
      allowed: [],
      expected: '輸入無效：應該是數字，卻是字串',
    },
    {
      name: 'a missing field (zod)',
      problems: () => {
        const doc = xor();
        delete doc.training.seed;
        return problemsOf(JSON.stringify(doc));
      },
      allowed: [],
      expected: '缺少這個欄位：應該是數字',
    },
    {
      name: 'an unknown key (zod)',
      problems: () => {
        const doc = xor();
        doc.training.extraKey = 1;
        return problemsOf(JSON.stringify(doc));
      },
      allowed: ['"extraKey"'],
    },
    {
      name: 'a bad optimizer type (zod, a discriminated union)',
      problems: () => {
        const doc = xor();
        doc.training.optimizer = { type: 'Nesterov', lr: 0.1 };
        return problemsOf(JSON.stringify(doc));
      },
      allowed: ["'SGD'", "'Momentum'", "'RMSProp'", "'Adam'"],
    },
    {
      name: 'a param a Linear does not have (the schema\'s own issue)',
      problems: () => {
        const doc = xor();
        const linear = doc.graph.nodes.find((n) => n.type === 'Linear');
        if (linear) linear.params.outfeatures = 3;
        return problemsOf(JSON.stringify(doc));
      },
      allowed: ['Linear', 'outfeatures', 'outFeatures', 'bias'],
    },
    { name: 'a JSON syntax error', problems: () => problemsOf('{"a": }'), allowed: ['JSON'] },
    { name: 'a file that ends early', problems: () => problemsOf('{"a": [1, 2'), allowed: ['JSON'] },
    { name: 'a repeated key', problems: () => problemsOf('{"a": 1, "a": 2}'), allowed: ['(top level)', 'JSON', '「a」'] },
    { name: 'a forbidden key', problems: () => problemsOf('{"__proto__": 1}'), allowed: ['__proto__', '(top level)'] },
    { name: 'not an object', problems: () => problemsOf('[1]'), allowed: ['.bpnn', 'JSON', '"format"', '"bpnn-project"'] },
    { name: 'not a project', problems: () => problemsOf('{"format": "x", "version": 1}'), allowed: ['BPNN Studio', '"format"', '"bpnn-project"'] },
    {
      name: 'a file from a newer app',
      problems: () => problemsOf(JSON.stringify({ ...xor(), version: 99 })),
      allowed: ['BPNN Studio'],
      expected: '這個專案是用較新版的 BPNN Studio 建立的（格式 99）。請更新程式後再開啟。',
    },
    {
      name: 'a duplicate node id (cross-checks)',
      problems: () => {
        const doc = xor();
        doc.graph.nodes[2].id = doc.graph.nodes[1].id;
        return problemsOf(JSON.stringify(doc));
      },
      // The ids and paths the file itself holds: its nodes' and its wires'.
      allowed: [...xor().graph.nodes.map((n) => n.id), ...xor().graph.edges.map((e) => e.id), 'graph.nodes[1]', 'graph.nodes[2]', 'ID'],
    },
    {
      name: 'a UTF-16 file',
      problems: () => {
        const r = decodeText(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]));
        if (r.ok) throw new Error('expected a refusal');
        return [r];
      },
      allowed: ['UTF-16', 'UTF-8'],
      expected: '這個檔案是 UTF-16；請存成 UTF-8',
    },
    {
      name: 'a weight that is not finite, on save',
      problems: () => {
        const p = loadOk(exampleText('xor'));
        const r = serializeProject({ ...p, weights: { fc1: { bias: { shape: [1], data: [NaN] } } } });
        if (r.ok) throw new Error('expected a refusal');
        return [r];
      },
      allowed: ['fc1.bias[0]', 'NaN'],
      expected: '權重 fc1.bias[0] 是 NaN；專案沒有儲存',
    },
    {
      name: 'a file that is not a weights file',
      problems: () => {
        const r = readWeightsFile('{}');
        if (r.ok) throw new Error('expected a refusal');
        return [r];
      },
      allowed: ['"format"', '"bpnn-weights"', 'bpnn train --weights'],
    },
  ];

  it.each(cases)('$name', ({ problems, allowed, expected }) => {
    const list = problems();
    expect(list.length).toBeGreaterThan(0);
    for (const p of list) {
      const said = zh(p);
      expect(said).toMatch(CJK);
      // Paths and ids of the file are allowed; so is whatever the problem quotes from it.
      expect({ said, left: latinLeft(said, allowed) }).toEqual({ said, left: [] });
      expect(render(p.text!, 'en')).toBe(p.message);
    }
    if (expected !== undefined) expect(list.map(zh)).toContain(expected);
  });
});
