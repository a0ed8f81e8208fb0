// F3: a file is read strictly. A key written twice in one object (JSON.parse would keep the
// last one silently) and a node param its type does not have are refused, each with its path.
import { describe, expect, it } from 'vitest';
import { parseProject, validateProjectValue } from '../../../core/index';
import { EXAMPLES, exampleText, goldenText, readText, english } from './helpers';

const refused = (text: string) => {
  const r = parseProject(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.problems;
};

describe('keys that appear twice (F3)', () => {
  it("F3 refuses a second 'version' at the top level, naming the key and the object", () => {
    expect(english(refused(exampleText('xor').replace(/"version": \d+,/, (line) => `${line}\n  ${line}`)))).toEqual([
      { path: '(top level)', message: "'version' appears twice in (top level); JSON keeps only the last one, so remove the other" },
    ]);
  });

  it('F3 finds a repeated key inside a nested object, however it is escaped, and reports it once', () => {
    const text = exampleText('xor').replace('"lr": 0.05', '"lr": 0.05, "\\u006cr": 5, "lr": 50');
    expect(english(refused(text))).toEqual([{ path: 'training.optimizer', message: "'lr' appears twice in training.optimizer; JSON keeps only the last one, so remove the other" }]);
  });

  it('F3 lets the same key appear once in each of many objects', () => {
    expect(parseProject(exampleText('spiral-softmax')).ok).toBe(true);
  });
});

describe('node params the type does not have (F3)', () => {
  it("F3 refuses 'unknownParam' on a Linear node, listing the params a Linear has", () => {
    const doc = JSON.parse(exampleText('xor')) as { graph: { nodes: { params: Record<string, unknown> }[] } };
    doc.graph.nodes[3].params.unknownParam = 1;
    expect(english(refused(JSON.stringify(doc)))).toEqual([
      { path: 'graph.nodes[3].params.unknownParam', message: "Linear has no parameter 'unknownParam' (its parameters are outFeatures, bias)" },
    ]);
  });

  it('F3 refuses a size that is worked out, never stored (inFeatures), and any param on a type that has none', () => {
    const doc = JSON.parse(exampleText('xor')) as { graph: { nodes: { params: Record<string, unknown> }[] } };
    doc.graph.nodes[1].params.inFeatures = 2;
    doc.graph.nodes[2].params.negativeSlope = 0.1;
    expect(english(refused(JSON.stringify(doc)))).toEqual([
      { path: 'graph.nodes[1].params.inFeatures', message: "Linear has no parameter 'inFeatures' (its parameters are outFeatures, bias)" },
      { path: 'graph.nodes[2].params.negativeSlope', message: "Sigmoid has no parameters; remove 'negativeSlope'" },
    ]);
  });

  it('F3 refuses an unknown param in a project handed over in memory too (save, IPC)', () => {
    const doc = JSON.parse(exampleText('xor')) as { graph: { nodes: { params: Record<string, unknown> }[] } };
    doc.graph.nodes[1].params.outfeatures = 8;
    const r = validateProjectValue(doc);
    expect(english(r.ok === false && r.problems)).toEqual([{ path: 'graph.nodes[1].params.outfeatures', message: "Linear has no parameter 'outfeatures' (its parameters are outFeatures, bias)" }]);
  });

  it('every param a shipped file uses is known: the examples, the fixtures and the golden v1 file still load', () => {
    for (const text of [...EXAMPLES.map(exampleText), goldenText(), readText('test/fixtures/circle-tanh.bpnn')]) expect(parseProject(text).ok).toBe(true);
  });
});
