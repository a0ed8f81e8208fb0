// Every graph, shape and loss-fit problem carries a Text whose English is its `message` and whose
// Chinese leaves no English sentence behind, and the broken models below reach every graph
// message: a new message that no case reaches fails here until a case (and so its Chinese) is checked.
import { describe, expect, it } from 'vitest';
import { checkLossFit, compileModel, coreCatalogs, isText, render, type CompiledModel, type GraphProblem, type ModelSpec, type Text } from '../../../core/index';
import { chain, graph, type NodeDef } from './chain';

const IN: NodeDef = ['in', 'Input'];

function problemsOf(spec: unknown, inputShape: unknown = [2]): GraphProblem[] {
  const r = compileModel(spec as ModelSpec, inputShape as number[]);
  if (r.ok) throw new Error(`expected problems from ${JSON.stringify(spec)}`);
  return r.problems;
}

function modelOf(spec: ModelSpec, inputShape: number[]): CompiledModel {
  const r = compileModel(spec, inputShape);
  if (!r.ok) throw new Error(r.problems[0].message);
  return r.model;
}

const many = (n: number): NodeDef[] => Array.from({ length: n }, (_, i): NodeDef => [`r${i}`, 'ReLU']);
const sigmoidNet = modelOf(chain(IN, ['fc', 'Linear', { outFeatures: 1 }], ['s', 'Sigmoid']), [2]);
const softmax3 = modelOf(chain(IN, ['fc', 'Linear', { outFeatures: 3 }], ['sm', 'Softmax']), [2]);
const linear1 = modelOf(chain(IN, ['fc', 'Linear', { outFeatures: 1 }]), [2]);
const linear3 = modelOf(chain(IN, ['fc', 'Linear', { outFeatures: 3 }]), [2]);
const sigmoid3 = modelOf(chain(IN, ['fc', 'Linear', { outFeatures: 3 }], ['s', 'Sigmoid']), [2]);
const conv = modelOf(chain(IN, ['c', 'Conv1d', { outChannels: 2, kernelSize: 3 }]), [1, 8]);
const tanhOnly = modelOf(chain(IN, ['t', 'Tanh']), [2]);

const PROBLEMS: GraphProblem[] = [
  ...problemsOf({ nodes: [IN, ...many(1001)].map(([id, type]) => ({ id, type, params: {} })), edges: [] }),
  ...problemsOf({ nodes: [{ id: '', type: 'Input' }, { id: 'x', type: 'ReLU' }, { id: [], type: 'ReLU' }, { id: {}, type: 'ReLU' }], edges: [] }),
  ...problemsOf(graph([IN, ['fc', 'Linear', { outFeatures: 2 }], ['fc', 'ReLU'], ['d', 'Dense']], [['in', 'fc'], ['in', 'd']])),
  ...problemsOf(graph([IN, ['fc', 'Linear', { outFeatures: 2 }]], [['in', 'fc'], ['in', 'ghost'], ['ghost', 'fc'], ['nope', 'void'], ['fc', 'in']])),
  ...problemsOf(graph([IN, ['p', 'Linear', { outFeatures: 2 }], ['q', 'Linear', { outFeatures: 2 }], ['m', 'Linear', { outFeatures: 2 }]], [['in', 'p'], ['in', 'q'], ['p', 'm'], ['q', 'm']])),
  ...problemsOf(graph([IN, ['fc', 'Linear', { outFeatures: 2 }], ['j1', 'Add'], ['j2', 'Concat']], [['in', 'fc'], ['fc', 'j1']])),
  ...problemsOf({ nodes: [], edges: [] }),
  ...problemsOf(graph([['r', 'ReLU']], [])),
  ...problemsOf(graph([IN, ['in2', 'Input'], ['fc', 'Linear', { outFeatures: 1 }]], [['in', 'fc'], ['in2', 'fc']])),
  ...problemsOf(graph([IN, ['fc', 'Linear', { outFeatures: 2 }], ['t', 'Tanh'], ['u', 'ReLU']], [['in', 'fc'], ['fc', 'fc'], ['fc', 't'], ['t', 'u'], ['u', 't']])),
  ...problemsOf(graph([IN, ['fc', 'Linear', { outFeatures: 2 }], ['lost', 'Tanh'], ['f', 'ReLU'], ['g', 'ReLU']], [['in', 'fc'], ['g', 'f'], ['f', 'fc']])),
  ...problemsOf(graph([IN, ['b1', 'Linear', { outFeatures: 2 }], ['b2', 'Linear', { outFeatures: 2 }]], [['in', 'b1'], ['in', 'b2']])),
  ...problemsOf(graph([IN], [])),
  ...problemsOf(chain(IN, ['fc', 'Linear', { outFeatures: 2 }]), ['x']),
  ...problemsOf(chain(IN, ['fc', 'Linear', { outFeatures: 2 }]), [1, 2, 3]),
  ...problemsOf(graph([['fc', 'Linear', { outFeatures: 2 }]], []), [2, 0]),
  ...problemsOf(chain(IN, ['fc', 'Linear', { outFeatures: 2 }]), [2_000_000]),
  ...problemsOf(chain(IN, ['fc', 'Linear', { outFeatures: 60_000 }], ['fc2', 'Linear', { outFeatures: 60_000 }]), [2]),
  ...problemsOf(chain(IN, ['fc', 'Linear', { outFeatures: 2 }]), [4, 30]),
  ...problemsOf(chain(IN, ['sm', 'Softmax']), [3, 8]),
  ...problemsOf(chain(IN, ['c', 'Conv1d', { outChannels: 2, kernelSize: 3 }]), [5]),
  ...problemsOf(chain(IN, ['c', 'Conv1d', { outChannels: 2, kernelSize: 7 }]), [1, 5]),
  ...problemsOf(chain(IN, ['c', 'Conv1d', { outChannels: 2, kernelSize: 9, padding: 1 }]), [1, 5]),
  ...problemsOf(chain(IN, ['c', 'Conv1d', { outChannels: 65_536, kernelSize: 1 }]), [1, 32]),
  ...problemsOf(graph([IN, ['f1', 'Linear', { outFeatures: 8 }], ['f2', 'Linear', { outFeatures: 4 }], ['f3', 'Linear', { outFeatures: 4 }], ['add', 'Add']], [['in', 'f1'], ['in', 'f2'], ['in', 'f3'], ['f1', 'add'], ['f2', 'add'], ['f3', 'add']])),
  ...problemsOf(graph([IN, ['fc', 'Linear', { outFeatures: 3 }], ['cat', 'Concat']], [['in', 'fc'], ['in', 'cat'], ['fc', 'cat']]), [2, 8]),
  ...problemsOf(graph([IN, ['c', 'Conv1d', { outChannels: 2, kernelSize: 3 }], ['cat', 'Concat']], [['in', 'c'], ['in', 'cat'], ['c', 'cat']]), [1, 8]),
  ...problemsOf(graph([IN, ['c', 'Conv1d', { outChannels: 2, kernelSize: 3 }], ['f', 'Flatten'], ['cat', 'Concat']], [['in', 'c'], ['c', 'f'], ['c', 'cat'], ['f', 'cat']]), [1, 8]),
  ...problemsOf(graph([IN, ['c1', 'Conv1d', { outChannels: 30, kernelSize: 1 }], ['c2', 'Conv1d', { outChannels: 30, kernelSize: 1 }], ['cat', 'Concat']], [['in', 'c1'], ['in', 'c2'], ['c1', 'cat'], ['c2', 'cat']]), [1, 20_000]),
  ...problemsOf(chain(IN, ['fc', 'Linear', { outFeatures: 0, bias: 'yes' }], ['c', 'Conv1d', { outChannels: '', kernelSize: 'big', stride: 1e9, padding: 1.5 }], ['lr', 'LeakyReLU', { negativeSlope: 5 }], ['wide', 'Linear', { outFeatures: 100_000 }], ['c2', 'Conv1d', { outChannels: 2, kernelSize: 99999 }], ['c3', 'Conv1d', { outChannels: 2, kernelSize: 2, stride: 1e9 }])),
  ...checkLossFit({ ...sigmoidNet, layers: [] }, 'bce', 2),
  ...checkLossFit(sigmoidNet, 'bce', Number.NaN),
  ...checkLossFit(conv, 'bce', 2),
  ...checkLossFit(conv, 'crossEntropy', 3),
  ...checkLossFit(softmax3, 'bce', 3),
  ...checkLossFit(linear3, 'bce', 2),
  ...checkLossFit(linear1, 'bce', 2),
  ...checkLossFit(linear3, 'crossEntropy', 5),
  ...checkLossFit(sigmoid3, 'crossEntropy', 2),
  ...checkLossFit(tanhOnly, 'crossEntropy', 3),
  ...checkLossFit(linear3, 'mse', 2),
  ...checkLossFit(sigmoidNet, 'nope' as never, 2),
];

/** Every key a Text says, its parameters' included. */
function keysOf(t: Text, into = new Set<string>()): Set<string> {
  into.add(t.key);
  for (const v of Object.values(t.params ?? {})) if (isText(v)) keysOf(v, into);
  return into;
}

type Tree = { [k: string]: string | Tree };
const leaves = (c: Tree, prefix: string): string[] =>
  Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`.replace(/_(one|other)$/, '')] : leaves(v, `${prefix}${k}.`)));

// What no model a student can build says: an engine bug caught at the boundary, a gap compileModel
// guards against, a Conv1d output length that a kernel no longer than its input never makes empty,
// and the fallbacks for a param schema without its own words (every block's params have them).
const UNREACHABLE = [
  'graph.model.internal',
  'graph.loss.internal',
  'graph.model.unresolved',
  'graph.shape.emptyOutput',
  'graph.param.outOfRange',
  'graph.param.useAtMost',
];

// A run of Latin words, or an English word that only a sentence would hold: whatever is left of
// an English sentence once the names the student typed (in 「」 or "") are taken out.
const ENGLISH = /[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}|\b(?:the|and|or|from|to|of|is|are|must|gets|connect|with|add|use|delete|set)\b/;

describe('graph problems in the reader\'s language', () => {
  it('each problem carries a Text whose English is its message', () => {
    expect(PROBLEMS.length).toBeGreaterThan(40);
    for (const p of PROBLEMS) {
      expect(p.text, p.message).toBeDefined();
      expect(render(p.text as Text)).toBe(p.message);
    }
  });

  it('the Chinese of each problem leaves no English sentence behind', () => {
    for (const p of PROBLEMS) {
      const zh = render(p.text as Text, 'zh-TW');
      const words = zh.replace(/「[^」]*」|"[^"]*"/g, '');
      expect({ zh, english: words.match(ENGLISH)?.[0] }).toEqual({ zh, english: undefined });
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('the cases above reach every graph message', () => {
    const said = new Set<string>();
    for (const p of PROBLEMS) keysOf(p.text as Text, said);
    const all = leaves(coreCatalogs().en.graph as Tree, 'graph.');
    expect(all.filter((k) => !said.has(k) && !UNREACHABLE.includes(k))).toEqual([]);
  });
});
