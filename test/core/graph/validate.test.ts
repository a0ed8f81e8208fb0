import { describe, expect, it } from 'vitest';
import { checkLossFit, compileModel, nodeId, type GraphProblem, type ModelSpec } from '../../../core/index';
import { chain, graph, LAB_XOR, type NodeDef } from './chain';

function problemsOf(spec: unknown, inputShape: number[] = [2]): GraphProblem[] {
  const r = compileModel(spec as ModelSpec, inputShape);
  if (r.ok) throw new Error('expected problems, got a compiled model');
  return r.problems;
}

function only(problems: GraphProblem[], code: GraphProblem['code']): GraphProblem {
  const found = problems.filter((p) => p.code === code);
  expect(found, JSON.stringify(problems)).toHaveLength(1);
  return found[0];
}

const IN: NodeDef = ['in', 'Input'];

describe('compileModel on valid graphs', () => {
  it('resolves the lab network 2-32-32-1 with inferred in-sizes and parameter counts', () => {
    const r = compileModel(LAB_XOR, [2]);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.model.inputId).toBe('in');
    expect(r.model.outputShape).toEqual([1]);
    expect(r.model.layers.map((l) => l.nodeId)).toEqual(['fc1', 's1', 'fc2', 's2', 'fc3', 's3']);
    expect(r.model.layers[2]).toEqual({ nodeId: 'fc2', type: 'Linear', inFeatures: 32, outFeatures: 32, bias: true });
    expect(r.model.paramCount).toBe(2 * 32 + 32 + 32 * 32 + 32 + 32 + 1);
    expect(r.model.shapes.map((s) => s.nodeId)).toEqual(['in', 'fc1', 's1', 'fc2', 's2', 'fc3', 's3']);
    expect(r.model.shapes[1]).toEqual({ nodeId: 'fc1', inputShape: [2], outputShape: [32], paramCount: 96 });
  });

  it('resolves a Conv1d chain with defaults stride 1, padding 0 and the reference output length', () => {
    const r = compileModel(
      chain(IN, ['c1', 'Conv1d', { outChannels: 4, kernelSize: 5 }], ['r', 'ReLU'], ['f', 'Flatten'], ['fc', 'Linear', { outFeatures: 3 }], ['sm', 'Softmax']),
      [1, 32],
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.model.layers[0]).toEqual({ nodeId: 'c1', type: 'Conv1d', inChannels: 1, outChannels: 4, kernelSize: 5, stride: 1, padding: 0, inLength: 32 });
    expect(r.model.shapes.find((s) => s.nodeId === 'f')?.outputShape).toEqual([4 * 28]);
    expect(r.model.shapes.find((s) => s.nodeId === 'fc')?.paramCount).toBe(112 * 3 + 3);
    expect(r.model.paramCount).toBe(4 * 1 * 5 + 4 + 112 * 3 + 3);
  });

  it('applies the defaults: Linear bias on, LeakyReLU slope 0.01', () => {
    const r = compileModel(chain(IN, ['fc', 'Linear', { outFeatures: 2 }], ['lr', 'LeakyReLU']), [3]);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.model.layers).toEqual([
      { nodeId: 'fc', type: 'Linear', inFeatures: 3, outFeatures: 2, bias: true },
      { nodeId: 'lr', type: 'LeakyReLU', negativeSlope: 0.01 },
    ]);
  });

  it('honours bias off and an explicit slope, and counts no bias parameters', () => {
    const r = compileModel(chain(IN, ['fc', 'Linear', { outFeatures: 2, bias: false }], ['lr', 'LeakyReLU', { negativeSlope: 0.2 }]), [3]);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.model.paramCount).toBe(6);
    expect(r.model.layers[1]).toEqual({ nodeId: 'lr', type: 'LeakyReLU', negativeSlope: 0.2 });
  });

  it('ignores unknown param keys and node order in the spec', () => {
    const spec = graph(
      [['fc', 'Linear', { outFeatures: 1, colour: 3 }], ['s', 'Sigmoid', { whatever: true }], ['in', 'Input', { x: 1 }]],
      [['fc', 's'], ['in', 'fc']],
    );
    const r = compileModel(spec, [2]);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.model.layers.map((l) => l.nodeId)).toEqual(['fc', 's']);
    expect(r.model.shapes.map((s) => s.nodeId)).toEqual(['fc', 's', 'in']);
  });
});

describe('compileModel structure problems', () => {
  it('rejects a cycle and names every node on it, in flow order', () => {
    const spec = graph([IN, ['a', 'Linear', { outFeatures: 2 }], ['b', 'ReLU'], ['c', 'Tanh']], [['in', 'a'], ['a', 'b'], ['b', 'c'], ['c', 'b']]);
    const p = only(problemsOf(spec), 'cycle');
    expect(p.nodeId).toBe('b');
    expect(p.relatedNodeIds).toEqual(['c']);
    expect(p.message).toContain("'b' → 'c' → 'b'");
    expect(p.message).toMatch(/delete one of these connections/);
  });

  it('rejects a self-loop naming the node', () => {
    const p = only(problemsOf(graph([IN, ['a', 'ReLU']], [['in', 'a'], ['a', 'a']])), 'cycle');
    expect(p.nodeId).toBe('a');
    expect(p.message).toContain("ReLU 'a' is connected to itself");
  });

  it('reports a block that is not connected to the Input', () => {
    const spec = graph([IN, ['fc', 'Linear', { outFeatures: 1 }], ['lost', 'Tanh']], [['in', 'fc']]);
    const p = only(problemsOf(spec), 'disconnected');
    expect(p.nodeId).toBe('lost');
    expect(p.message).toBe("Tanh 'lost' is not connected to the Input: connect it into the chain or delete it.");
  });

  it('reports a missing Input', () => {
    const p = only(problemsOf(chain(['fc', 'Linear', { outFeatures: 1 }], ['s', 'Sigmoid'])), 'no-input');
    expect(p.message).toMatch(/no Input block: add one/);
  });

  it('reports an empty model as having no Input', () => {
    expect(only(problemsOf({ nodes: [], edges: [] }), 'no-input').message).toMatch(/empty/);
  });

  it('reports several Inputs and names them all', () => {
    const spec = graph([IN, ['in2', 'Input'], ['fc', 'Linear', { outFeatures: 1 }]], [['in', 'fc']]);
    const p = only(problemsOf(spec), 'many-inputs');
    expect([p.nodeId, ...(p.relatedNodeIds ?? [])].sort()).toEqual(['in', 'in2']);
    expect(p.message).toMatch(/2 Input blocks .*delete all but one/);
  });

  it('lets a block feed several blocks, but not end the network twice', () => {
    const spec = graph([IN, ['a', 'Linear', { outFeatures: 2 }], ['b', 'Sigmoid'], ['c', 'Tanh']], [['in', 'a'], ['a', 'b'], ['a', 'c']]);
    const problems = problemsOf(spec);
    expect(problems.map((p) => p.code)).toEqual(['many-outputs']);
    expect(problems[0].nodeId).toBe('b');
    expect(problems[0].relatedNodeIds).toEqual(['c']);
    expect(problems[0].message).toBe("The network has 2 outputs ('b' and 'c': blocks whose output nothing uses), but the loss reads one: join the branches with an Add or Concat, or delete the blocks you do not need.");
  });

  it('reports a block with two incoming connections', () => {
    const spec = graph([IN, ['a', 'Tanh'], ['b', 'Linear', { outFeatures: 1 }]], [['in', 'a'], ['in', 'b'], ['a', 'b']]);
    const problems = problemsOf(spec);
    const merge = problems.find((p) => p.code === 'branch' && p.nodeId === 'b');
    expect(merge?.message).toContain("Linear 'b' gets input from 2 blocks ('in' and 'a')");
  });

  it('ignores a repeated identical connection instead of calling it a branch', () => {
    const spec = chain(IN, ['fc', 'Linear', { outFeatures: 1 }]);
    spec.edges.push({ source: nodeId('in'), target: nodeId('fc') });
    expect(compileModel(spec, [2]).ok).toBe(true);
  });

  it('reports a connection to a block that does not exist, naming the end that does', () => {
    const spec = graph([IN, ['fc', 'Linear', { outFeatures: 1 }]], [['in', 'fc'], ['fc', 'ghost']]);
    const p = only(problemsOf(spec), 'dangling-edge');
    expect(p.nodeId).toBe('fc');
    expect(p.message).toContain('to "ghost", a block that does not exist');
  });

  it('reports a connection into the Input', () => {
    const spec = graph([IN, ['fc', 'Linear', { outFeatures: 1 }]], [['in', 'fc'], ['fc', 'in']]);
    const p = only(problemsOf(spec), 'dangling-edge');
    expect(p.nodeId).toBe('in');
    expect(p.relatedNodeIds).toEqual(['fc']);
    expect(p.message).toMatch(/nothing can connect into it/);
  });

  it('reports a duplicate id', () => {
    const spec = chain(IN, ['fc', 'Linear', { outFeatures: 1 }]);
    spec.nodes.push(spec.nodes[1]);
    const p = only(problemsOf(spec), 'duplicate-id');
    expect(p.nodeId).toBe('fc');
    expect(p.message).toMatch(/Two blocks are named 'fc'/);
  });

  it('reports an unknown type and lists the known ones', () => {
    const p = only(problemsOf(chain(IN, ['x', 'Dense'])), 'unknown-type');
    expect(p.nodeId).toBe('x');
    expect(p.message).toContain('"Dense"');
    expect(p.message).toContain('Linear');
  });

  it('reports an Input with nothing after it', () => {
    const p = only(problemsOf(chain(IN)), 'no-layers');
    expect(p.nodeId).toBe('in');
    expect(p.message).toMatch(/Nothing comes after Input 'in'/);
  });

  it('collects every problem instead of stopping at the first', () => {
    const spec = graph(
      [IN, ['in2', 'Input'], ['x', 'Bogus'], ['fc', 'Linear', { outFeatures: -1 }], ['lost', 'ReLU']],
      [['in', 'fc'], ['fc', 'nowhere']],
    );
    const codes = new Set(problemsOf(spec).map((p) => p.code));
    expect([...codes].sort()).toEqual(['bad-param', 'dangling-edge', 'disconnected', 'many-inputs', 'unknown-type']);
  });
});

describe('compileModel param problems', () => {
  const linear = (outFeatures: unknown): ModelSpec => chain(IN, ['fc', 'Linear', { outFeatures }]);

  it.each([
    [0, /is 0: it must be at least 1/],
    [-3, /is -3: it must be at least 1/],
    [2.5, /is 2.5, not a whole number/],
    [Number.NaN, /not a number/],
    ['12', /is "12", not a number/],
    [null, /is not set/],
    [undefined, /is not set/],
    [1e9, /above the limit of 65536: .*memory/],
    [Number.POSITIVE_INFINITY, /above the limit of 65536/],
  ])('rejects Linear outFeatures %s and says what to do', (value, pattern) => {
    const p = only(problemsOf(linear(value)), 'bad-param');
    expect(p.nodeId).toBe('fc');
    expect(p.message).toMatch(/^Linear 'fc' outFeatures /);
    expect(p.message).toMatch(pattern);
  });

  it('rejects a non-boolean bias', () => {
    const p = only(problemsOf(chain(IN, ['fc', 'Linear', { outFeatures: 1, bias: 'yes' }])), 'bad-param');
    expect(p.message).toMatch(/bias is "yes": it must be on \(true\) or off \(false\)/);
  });

  it('rejects bad Conv1d kernel, stride and padding, one problem each', () => {
    const spec = chain(IN, ['c', 'Conv1d', { outChannels: 2, kernelSize: 0, stride: 0.5, padding: -1 }]);
    const problems = problemsOf(spec, [1, 16]).filter((p) => p.code === 'bad-param');
    expect(problems.map((p) => p.message.split(' ')[2])).toEqual(['kernelSize', 'stride', 'padding']);
    expect(problems.every((p) => p.nodeId === 'c')).toBe(true);
  });

  it('rejects a LeakyReLU slope outside 0..1', () => {
    const p = only(problemsOf(chain(IN, ['lr', 'LeakyReLU', { negativeSlope: 5 }])), 'bad-param');
    expect(p.message).toMatch(/LeakyReLU 'lr' negativeSlope is 5: use a number from 0 to 1/);
  });

  it('rejects a model too large for memory, naming the biggest layer and the limit', () => {
    const spec = chain(IN, ['a', 'Linear', { outFeatures: 60000 }], ['b', 'Linear', { outFeatures: 60000 }]);
    const p = only(problemsOf(spec), 'bad-param');
    expect(p.nodeId).toBe('b');
    expect(p.message).toMatch(/above the limit of 10,000,000/);
  });
});

describe('compileModel shape problems', () => {
  it('asks for a Flatten when a Linear gets a 3-D tensor', () => {
    const spec = chain(IN, ['conv1', 'Conv1d', { outChannels: 4, kernelSize: 3 }], ['fc2', 'Linear', { outFeatures: 2 }]);
    const p = only(problemsOf(spec, [1, 32]), 'needs-flatten');
    expect(p.nodeId).toBe('fc2');
    expect(p.message).toBe("Linear 'fc2' gets a 3-D tensor [N, 4, 30]: add a Flatten before it.");
  });

  it('asks for a Flatten when a Softmax gets [C, L]', () => {
    const p = only(problemsOf(chain(IN, ['sm', 'Softmax']), [3, 8]), 'needs-flatten');
    expect(p.message).toMatch(/^Softmax 'sm' gets a 3-D tensor \[N, 3, 8\].*add a Flatten/);
  });

  it('says a Conv1d needs a signal when fed plain features', () => {
    const p = only(problemsOf(chain(IN, ['c', 'Conv1d', { outChannels: 2, kernelSize: 3 }]), [5]), 'needs-signal');
    expect(p.nodeId).toBe('c');
    expect(p.message).toMatch(/Conv1d 'c' gets a 2-D tensor \[N, 5\].*needs a signal \[N, channels, length\]/);
  });

  it('says a Conv1d kernel is longer than its padded input', () => {
    const spec = chain(IN, ['conv1', 'Conv1d', { outChannels: 2, kernelSize: 7, padding: 1 }]);
    const p = only(problemsOf(spec, [1, 3]), 'kernel-too-long');
    expect(p.message).toBe("Conv1d 'conv1' kernel (7) is longer than its input (5 after padding): use a kernel of at most 5, or more padding.");
  });

  it('rejects a dataset with zero features as an empty shape', () => {
    const p = only(problemsOf(LAB_XOR, [0]), 'empty-output');
    expect(p.nodeId).toBe('in');
  });

  it('rejects an input shape of three axes', () => {
    const p = only(problemsOf(LAB_XOR, [1, 2, 3]), 'bad-param');
    expect(p.message).toMatch(/\[features\] or \[channels, length\]/);
  });

  it('rejects a Conv1d whose output would not fit in memory', () => {
    const spec = chain(IN, ['c', 'Conv1d', { outChannels: 60000, kernelSize: 1 }]);
    const p = only(problemsOf(spec, [1, 4000]), 'bad-param');
    expect(p.nodeId).toBe('c');
    expect(p.message).toMatch(/above the limit of 1,000,000/);
  });
});

describe('compileModel shapes next to errors', () => {
  it('still infers shapes up to and around a broken node', () => {
    const spec = graph(
      [IN, ['fc1', 'Linear', { outFeatures: 8 }], ['s', 'Sigmoid'], ['fc2', 'Linear', { outFeatures: 'x' }], ['t', 'Tanh'], ['lost', 'ReLU']],
      [['in', 'fc1'], ['fc1', 's'], ['s', 'fc2'], ['fc2', 't']],
    );
    const r = compileModel(spec, [2]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byId = new Map(r.shapes.map((s) => [s.nodeId as string, s]));
    expect(byId.get('fc1')).toEqual({ nodeId: 'fc1', inputShape: [2], outputShape: [8], paramCount: 24 });
    expect(byId.get('s')?.outputShape).toEqual([8]);
    expect(byId.get('fc2')).toEqual({ nodeId: 'fc2', inputShape: [8], outputShape: null, paramCount: 0 });
    expect(byId.get('t')).toEqual({ nodeId: 't', inputShape: null, outputShape: null, paramCount: 0 });
    expect(byId.get('lost')?.inputShape).toBeNull();
  });

  it('infers both arms of a branch so each shows its shape', () => {
    const spec = graph([IN, ['a', 'Linear', { outFeatures: 4 }], ['b', 'Sigmoid'], ['c', 'Linear', { outFeatures: 2 }]], [['in', 'a'], ['a', 'b'], ['a', 'c']]);
    const r = compileModel(spec, [3]);
    if (r.ok) throw new Error('expected a branch problem');
    expect(r.shapes.find((s) => s.nodeId === 'c')).toEqual({ nodeId: 'c', inputShape: [4], outputShape: [2], paramCount: 10 });
  });
});

describe('compileModel never throws on junk', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'model'],
    ['nodes not a list', { nodes: 'x', edges: 3 }],
    ['null nodes and params', { nodes: [null, { id: 'in', type: 'Input', params: null }, { id: 'fc', type: 'Linear', params: null }], edges: [null, { source: 1 }] }],
    ['numeric ids', { nodes: [{ id: 1, type: 'Input' }], edges: [] }],
    ['a prototype key', JSON.parse('{"nodes":[{"id":"__proto__","type":"Input"},{"id":"constructor","type":"toString"}],"edges":[{"source":"__proto__","target":"constructor"}]}')],
  ])('returns problems for %s', (_name, spec) => {
    const r = compileModel(spec as ModelSpec, [2]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
  });

  it('refuses absurdly many nodes with the limit stated', () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}`, type: 'ReLU', params: {} }));
    const p = only(problemsOf({ nodes, edges: [] }), 'bad-param');
    expect(p.message).toMatch(/limit is 1000 blocks/);
  });

  it('handles a long chain without overflowing the stack', () => {
    const defs: NodeDef[] = [IN, ...Array.from({ length: 900 }, (_, i): NodeDef => [`r${i}`, 'ReLU'])];
    const r = compileModel(chain(...defs), [2]);
    expect(r.ok).toBe(true);
  });

  it('handles a long loop without overflowing the stack', () => {
    const defs: NodeDef[] = Array.from({ length: 900 }, (_, i): NodeDef => [`r${i}`, 'ReLU']);
    const spec = chain(IN, ...defs);
    spec.edges.push({ source: nodeId('r899'), target: nodeId('r0') });
    const p = only(problemsOf(spec), 'cycle');
    expect(p.relatedNodeIds).toHaveLength(899);
  });
});

describe('compileModel problem order', () => {
  it('lists structure problems before settings, and settings before shape problems', () => {
    const spec = graph(
      [['in', 'Input'], ['c', 'Conv1d', { outChannels: 2, kernelSize: 3 }], ['fc', 'Linear', { outFeatures: 0 }], ['x', 'Mystery']],
      [['in', 'c'], ['c', 'fc']],
    );
    expect(problemsOf(spec, [4]).map((p) => p.code)).toEqual(['unknown-type', 'disconnected', 'bad-param', 'needs-signal']);
  });
});

describe('graphs: Add, Concat and fan-out', () => {
  const residual = (skipFrom: string, width: number): ModelSpec =>
    graph(
      [IN, ['fc1', 'Linear', { outFeatures: 8 }], ['t', 'Tanh'], ['fc2', 'Linear', { outFeatures: width }], ['add1', 'Add'], ['head', 'Linear', { outFeatures: 1 }], ['s', 'Sigmoid']],
      [['in', 'fc1'], ['fc1', 't'], ['t', 'fc2'], [skipFrom, 'add1'], ['fc2', 'add1'], ['add1', 'head'], ['head', 's']],
    );

  it('compiles a residual block: running order with the join after its inputs, sources in edge order', () => {
    const r = compileModel(residual('t', 8), [2]);
    if (!r.ok) throw new Error(r.problems[0].message);
    expect(r.model.layers.map((l) => l.nodeId)).toEqual(['fc1', 't', 'fc2', 'add1', 'head', 's']);
    expect(r.model.sources[3]).toEqual(['t', 'fc2']);
    expect(r.model.layers[3]).toEqual({ nodeId: 'add1', type: 'Add', inShapes: [[8], [8]] });
    expect(r.model.outputShape).toEqual([1]);
  });

  it('names both inputs and their shapes when an Add gets two shapes', () => {
    const p = only(problemsOf(residual('fc1', 4)), 'join-shapes');
    expect(p.nodeId).toBe('add1');
    expect(p.relatedNodeIds).toEqual(['fc1', 'fc2']);
    expect(p.message).toBe("Add 'add1' gets [N, 8] from 'fc1' and [N, 4] from 'fc2': an Add sums its inputs element by element, so they must have one shape. Change the sizes so they agree (e.g. the outFeatures of a Linear).");
  });

  it('concatenates features in edge order and channels of signals of one length', () => {
    const dense = graph(
      [IN, ['a', 'Linear', { outFeatures: 3 }], ['b', 'Linear', { outFeatures: 2 }], ['cat', 'Concat'], ['head', 'Linear', { outFeatures: 1 }]],
      [['in', 'a'], ['in', 'b'], ['b', 'cat'], ['a', 'cat'], ['cat', 'head']],
    );
    const r = compileModel(dense, [4]);
    if (!r.ok) throw new Error(r.problems[0].message);
    expect(r.model.sources[r.model.layers.findIndex((l) => l.nodeId === 'cat')]).toEqual(['b', 'a']);
    expect(r.model.shapes.find((s) => s.nodeId === 'cat')?.outputShape).toEqual([5]);
    const signal = graph(
      [IN, ['c', 'Conv1d', { outChannels: 3, kernelSize: 3, padding: 1 }], ['cat', 'Concat'], ['f', 'Flatten'], ['head', 'Linear', { outFeatures: 1 }]],
      [['in', 'c'], ['c', 'cat'], ['in', 'cat'], ['cat', 'f'], ['f', 'head']],
    );
    const s = compileModel(signal, [2, 8]);
    if (!s.ok) throw new Error(s.problems[0].message);
    expect(s.model.shapes.find((x) => x.nodeId === 'cat')?.outputShape).toEqual([5, 8]);
  });

  it('refuses a Concat of [N, 3] and [N, 2, 8], and of signals of two lengths, naming the inputs', () => {
    const mixed = graph(
      [IN, ['c', 'Conv1d', { outChannels: 2, kernelSize: 1 }], ['f', 'Flatten'], ['fc', 'Linear', { outFeatures: 3 }], ['cat', 'Concat'], ['f2', 'Flatten'], ['head', 'Linear', { outFeatures: 1 }]],
      [['in', 'c'], ['c', 'f'], ['f', 'fc'], ['fc', 'cat'], ['c', 'cat'], ['cat', 'f2'], ['f2', 'head']],
    );
    const p = only(problemsOf(mixed, [1, 8]), 'join-shapes');
    expect(p.nodeId).toBe('cat');
    expect(p.message).toContain("Concat 'cat' gets [N, 3] from 'fc' and [N, 2, 8] from 'c'");
    const lengths = graph(
      [IN, ['c', 'Conv1d', { outChannels: 2, kernelSize: 3 }], ['cat', 'Concat'], ['f', 'Flatten'], ['head', 'Linear', { outFeatures: 1 }]],
      [['in', 'c'], ['c', 'cat'], ['in', 'cat'], ['cat', 'f'], ['f', 'head']],
    );
    expect(only(problemsOf(lengths, [1, 8]), 'join-shapes').message).toMatch(/\[N, 2, 6\] from 'c' and \[N, 1, 8\] from 'in'.*lengths/);
  });

  it('asks for a second input when an Add or a Concat has fewer than two', () => {
    const one = graph([IN, ['fc', 'Linear', { outFeatures: 2 }], ['add1', 'Add'], ['head', 'Linear', { outFeatures: 1 }]], [['in', 'fc'], ['fc', 'add1'], ['add1', 'head']]);
    const p = only(problemsOf(one), 'join-inputs');
    expect(p.nodeId).toBe('add1');
    expect(p.message).toBe("Add 'add1' gets input from only 'fc': an Add sums two or more inputs of one shape, so connect another block into it, or delete it.");
  });

  it('reports a block that feeds the network but gets no data from the Input', () => {
    const spec = graph(
      [IN, ['fc', 'Linear', { outFeatures: 2 }], ['orphan', 'Linear', { outFeatures: 2 }], ['add1', 'Add'], ['head', 'Linear', { outFeatures: 1 }]],
      [['in', 'fc'], ['fc', 'add1'], ['orphan', 'add1'], ['add1', 'head']],
    );
    const p = only(problemsOf(spec), 'disconnected');
    expect(p.nodeId).toBe('orphan');
    expect(p.message).toMatch(/gets no data from the Input, so it is on no path from the Input to the output/);
  });

  it('still finds a loop through a join', () => {
    const spec = graph([IN, ['fc', 'Linear', { outFeatures: 2 }], ['add1', 'Add'], ['t', 'Tanh']], [['in', 'fc'], ['fc', 'add1'], ['add1', 't'], ['t', 'add1']]);
    expect(problemsOf(spec).map((p) => p.code)).toContain('cycle');
  });

  it('keeps the fused-loss rule at the one output of a graph', () => {
    const r = compileModel(residual('t', 8), [2]);
    if (!r.ok) throw new Error(r.problems[0].message);
    expect(checkLossFit(r.model, 'bce', 2)).toEqual([]);
    const bad = checkLossFit(r.model, 'crossEntropy', 3);
    expect(bad.length).toBeGreaterThan(0);
  });
});
