// ONNX import: an exported model comes back as the project it was (same predictions, same
// layout and settings); models from other tools that use the supported operators come in;
// anything else is refused with one message naming what is wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportOnnx, importOnnx, MAX_PARAMS, render, serializeProject, type FloatType, type Project } from '../../core/index';
import { floatTensor, int64Tensor, intAttr, intsAttr, onnx, type NodeProto, type TensorProto } from '../../core/export/onnx-proto';
import { APP_VERSION, TOLERANCE, concatProject, engineRun, everyBlockProject, example, incoming, joinsProject, maxDifference, runOnnx, trainBriefly } from './helpers';

const exported = (p: Project, floatType: FloatType): Uint8Array => {
  const r = exportOnnx(p, { floatType, appVersion: APP_VERSION });
  if (!r.ok) throw new Error(r.message);
  return r.bytes;
};

function imported(bytes: Uint8Array, name = 'model.onnx'): { project: Project; notes: string[] } {
  const r = importOnnx(bytes, name);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** Every refusal these tests drive is also checked as a Text: its English is the message, word for word. */
function refusal(bytes: Uint8Array): string {
  const r = importOnnx(bytes, 'model.onnx');
  if (r.ok) throw new Error('expected the import to be refused');
  expect(render(r.text, 'en')).toBe(r.message);
  // Said from a sentence of the catalog, not an English message passed through: Chinese reads otherwise.
  if (r.text.key !== 'onnx.refused.plain') expect(render(r.text, 'zh-TW')).not.toBe(r.message);
  return r.message;
}

/** A model as another tool might write it: float32, a free batch size, the given nodes and stored tensors. */
function foreignModel(inputShape: number[], nodes: NodeProto[], initializer: TensorProto[], opts: { output?: string; opset?: number; outShape?: number[] } = {}): Uint8Array {
  const info = (name: string, shape: number[]) => ({ name, type: { tensorType: { elemType: 1, shape: { dim: [{ dimParam: 'batch' }, ...shape.map((d) => ({ dimValue: d }))] } } } });
  const model = onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [{ domain: '', version: opts.opset ?? 13 }],
    producerName: 'pytorch',
    graph: { name: 'main_graph', node: nodes, initializer, input: [info('x', inputShape)], output: [info(opts.output ?? 'y', opts.outShape ?? [])] },
  });
  return onnx.ModelProto.encode(model).finish();
}

const values = (n: number, scale = 0.1): number[] => Array.from({ length: n }, (_, i) => Math.fround(Math.sin(i + 1) * scale * 10) / 10);

describe('bpnn import of an exported model (round trip)', () => {
  const cases: [string, () => Project][] = [
    ['xor', () => example('xor')],
    ['waves-conv1d', () => example('waves-conv1d')],
    ['every block kind', everyBlockProject],
    ['residual-spiral (a skip connection joined by an Add)', () => example('residual-spiral')],
    ['both joins on signals (Concat and Add of branches)', joinsProject],
    ['two branches of different widths joined by a Concat', concatProject],
  ];
  for (const [name, make] of cases) {
    for (const floatType of ['float32', 'float64'] as const) {
      it(`${name}, ${floatType}: gives back the graph, layout and settings, and the same predictions`, async () => {
        const original = trainBriefly(make());
        const bytes = exported(original, floatType);
        const { project, notes } = imported(bytes);
        expect(notes).toEqual([]);
        expect(project.graph.nodes.map((n) => [n.id, n.type, n.position])).toEqual(original.graph.nodes.map((n) => [n.id, n.type, n.position]));
        expect(incoming(project)).toEqual(incoming(original));
        expect(project.graph.nodes.map((n) => n.params)).toEqual(
          original.graph.nodes.map((n) => (n.type === 'Linear' ? { bias: true, ...n.params } : n.type === 'Conv1d' ? { stride: 1, padding: 0, ...n.params } : n.params)),
        );
        expect(project.training).toEqual(original.training);
        expect(project.dataset).toEqual(original.dataset);
        expect(project.name).toBe(original.name);
        expect(serializeProject(project).ok).toBe(true);
        // The imported project predicts what the original does, and what the model it came from does.
        const before = engineRun(original);
        const after = engineRun(project);
        expect(maxDifference(after.outputs, before.outputs)).toBeLessThanOrEqual(TOLERANCE[floatType]);
        const ort = await runOnnx(bytes, after.x, after.n, after.inputShape, floatType);
        expect(maxDifference(after.outputs, ort.data)).toBeLessThanOrEqual(TOLERANCE[floatType]);
        // Exported again, the model is the same model.
        expect(exported(project, floatType)).toEqual(bytes);
      });
    }
  }

  it('a LeakyReLU slope read back from float32 is the decimal the student typed (0.1, not 0.10000000149)', () => {
    const { project } = imported(exported(trainBriefly(everyBlockProject()), 'float32'));
    expect(project.graph.nodes.find((n) => n.id === 'leaky')?.params).toEqual({ negativeSlope: 0.1 });
  });

  it('a project on imported (CSV) data comes back with a placeholder of the same shape, and says so', () => {
    const base = trainBriefly(example('xor'));
    const rows = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const csv: Project = {
      ...base,
      dataset: { kind: 'inline', name: 'points.csv', featureNames: ['a', 'b'], features: rows, labels: [0, 1, 1, 0], classNames: ['no', 'yes'] },
      training: { ...base.training, testSplit: 0 },
    };
    const { project, notes } = imported(exported(csv, 'float64'));
    expect(project.dataset).toMatchObject({ kind: 'inline', featureNames: ['a', 'b'], classNames: ['no', 'yes'] });
    expect(project.dataset.kind === 'inline' && project.dataset.features).toEqual([[0, 0], [0, 0]]);
    expect(notes.join(' ')).toMatch(/placeholder/);
  });
});

describe('bpnn import of models from other tools', () => {
  it('reads MatMul + Add, Gemm with its weight as [in, out], Relu, a Constant-fed Reshape and Softmax', async () => {
    const w1 = values(3 * 4); // [in 3, out 4] for MatMul
    const b1 = values(4);
    const w2 = values(4 * 2); // [in 4, out 2] for Gemm without transB
    const b2 = values(2);
    const nodes: NodeProto[] = [
      { opType: 'MatMul', name: '/fc1/MatMul', input: ['x', 'fc1.w'], output: ['mm'] },
      { opType: 'Add', name: '/fc1/Add', input: ['fc1.b', 'mm'], output: ['h'] },
      { opType: 'Relu', name: '/act/Relu', input: ['h'], output: ['r'] },
      { opType: 'Constant', name: 'shape', output: ['flat_shape'], attribute: [{ name: 'value', type: 4, t: int64Tensor('', [2], [0, -1]) }] },
      { opType: 'Reshape', name: '/flat/Reshape', input: ['r', 'flat_shape'], output: ['f'] },
      { opType: 'Gemm', name: '/fc2/Gemm', input: ['f', 'fc2.w', 'fc2.b'], output: ['z'] },
      { opType: 'Softmax', name: '/out/Softmax', input: ['z'], output: ['y'], attribute: [intAttr('axis', 1)] },
    ];
    const init = [floatTensor('fc1.w', [3, 4], w1, 'float32'), floatTensor('fc1.b', [4], b1, 'float32'), floatTensor('fc2.w', [4, 2], w2, 'float32'), floatTensor('fc2.b', [1, 2], b2, 'float32')];
    const bytes = foreignModel([3], nodes, init, { outShape: [2] });
    const { project, notes } = imported(bytes, 'mlp.onnx');
    expect(project.graph.nodes.map((n) => `${n.type}:${n.id}`)).toEqual(['Input:input', 'Linear:/fc1/Add', 'ReLU:/act/Relu', 'Flatten:/flat/Reshape', 'Linear:/fc2/Gemm', 'Softmax:/out/Softmax']);
    expect(project.training.loss).toBe('crossEntropy');
    expect(project.dataset).toMatchObject({ kind: 'inline', classNames: ['0', '1'] });
    expect(notes.join(' ')).toMatch(/placeholder/);
    // The weights were turned to the app's [out, in] layout: the project predicts what ONNX Runtime does.
    const x = Float64Array.from([0.5, -1, 2, 1, 0, -0.25]);
    const ort = await runOnnx(bytes, x, 2, [3], 'float32');
    const engine = engineRun({ ...project, dataset: { ...project.dataset, features: [[0.5, -1, 2], [1, 0, -0.25]] } as Project['dataset'] });
    expect(maxDifference(engine.outputs, ort.data)).toBeLessThanOrEqual(TOLERANCE.float32);
  });

  it('reads a Conv without bias (zeros) and a Flatten, and names nodes the file left unnamed like the editor does', () => {
    const nodes: NodeProto[] = [
      { opType: 'Conv', input: ['x', 'w'], output: ['c'], attribute: [intsAttr('kernel_shape', [3]), intsAttr('pads', [1, 1])] },
      { opType: 'Sigmoid', input: ['c'], output: ['s'] },
      { opType: 'Flatten', input: ['s'], output: ['f'] },
      { opType: 'Gemm', input: ['f', 'fc.w'], output: ['y'], attribute: [intAttr('transB', 1)] },
    ];
    const bytes = foreignModel([2, 5], nodes, [floatTensor('w', [4, 2, 3], values(24), 'float32'), floatTensor('fc.w', [1, 20], values(20), 'float32')], { outShape: [1] });
    const { project } = imported(bytes);
    expect(project.graph.nodes.map((n) => n.id)).toEqual(['input', 'conv1d1', 'sigmoid1', 'flatten1', 'linear1']);
    expect(project.weights?.conv1d1.bias).toEqual({ shape: [4], data: [0, 0, 0, 0] });
    expect(project.graph.nodes.find((n) => n.id === 'linear1')?.params).toEqual({ outFeatures: 1, bias: false });
    expect(project.training.loss).toBe('mse');
  });
});

describe('bpnn import of graphs (skip connections, branches joined by Add or Concat)', () => {
  it('residual-spiral, float64: the Add gets both its inputs, tanh1 feeds fc2 and the Add, and the predictions are the same within 1e-12', () => {
    const original = trainBriefly(example('residual-spiral'));
    const { project } = imported(exported(original, 'float64'));
    expect(incoming(project).add).toEqual(['tanh1', 'tanh2']);
    expect(project.graph.edges.filter((e) => e.source === 'tanh1').map((e) => e.target).sort()).toEqual(['add', 'fc2']);
    expect(maxDifference(engineRun(project).outputs, engineRun(original).outputs)).toBeLessThanOrEqual(TOLERANCE.float64);
  });

  it("a Concat joins in its ONNX node's input order: the same model with the inputs swapped comes in swapped, and predicts what ONNX Runtime does with it", async () => {
    const original = trainBriefly(concatProject());
    const bytes = exported(original, 'float64');
    const { project } = imported(bytes);
    expect(incoming(project).cat).toEqual(['a', 'b']);
    const before = engineRun(original);
    expect(maxDifference(engineRun(project).outputs, before.outputs)).toBeLessThanOrEqual(TOLERANCE.float64);

    const model = onnx.ModelProto.decode(bytes);
    const cat = model.graph?.node?.find((n) => n.opType === 'Concat');
    expect(cat?.input).toEqual(['a.out', 'b.out']);
    cat?.input?.reverse();
    const swappedBytes = onnx.ModelProto.encode(model).finish();
    const swapped = imported(swappedBytes).project;
    expect(incoming(swapped).cat).toEqual(['b', 'a']);
    const after = engineRun(swapped);
    const ort = await runOnnx(swappedBytes, after.x, after.n, after.inputShape, 'float64');
    expect(maxDifference(after.outputs, ort.data)).toBeLessThanOrEqual(TOLERANCE.float64);
    // Widths 3 and 5: swapped, the joined values meet other weights, so the network is another one.
    expect(maxDifference(after.outputs, before.outputs)).toBeGreaterThan(1e-3);
  });

  it('reads a graph from another tool: a value several nodes take, a Sum of three, a MatMul branch, a Concat on axis -1; branches are laid out side by side', async () => {
    const nodes: NodeProto[] = [
      { opType: 'Gemm', name: 'stem', input: ['x', 'w0', 'b0'], output: ['h'], attribute: [intAttr('transB', 1)] },
      { opType: 'Relu', name: 'relu', input: ['h'], output: ['r'] },
      { opType: 'Tanh', name: 'tanh', input: ['h'], output: ['t'] },
      { opType: 'Sum', name: 'sum', input: ['h', 'r', 't'], output: ['s'] },
      { opType: 'MatMul', name: 'side', input: ['x', 'w1'], output: ['p'] },
      { opType: 'Concat', name: 'cat', input: ['s', 'p'], output: ['c'], attribute: [intAttr('axis', -1)] },
      { opType: 'Gemm', name: 'head', input: ['c', 'w2', 'b2'], output: ['y'], attribute: [intAttr('transB', 1)] },
    ];
    const init = [
      floatTensor('w0', [4, 2], values(8), 'float32'),
      floatTensor('b0', [4], values(4), 'float32'),
      floatTensor('w1', [2, 3], values(6, 0.3), 'float32'),
      floatTensor('w2', [2, 7], values(14, 0.2), 'float32'),
      floatTensor('b2', [2], values(2), 'float32'),
    ];
    const bytes = foreignModel([2], nodes, init, { outShape: [2] });
    const { project } = imported(bytes, 'graph.onnx');
    expect(incoming(project)).toEqual({ stem: ['input'], relu: ['stem'], tanh: ['stem'], sum: ['stem', 'relu', 'tanh'], side: ['input'], cat: ['sum', 'side'], head: ['cat'] });
    expect(project.graph.nodes.map((n) => `${n.type}:${n.id}`)).toEqual(['Input:input', 'Linear:stem', 'ReLU:relu', 'Tanh:tanh', 'Add:sum', 'Linear:side', 'Concat:cat', 'Linear:head']);
    const at = Object.fromEntries(project.graph.nodes.map((n) => [n.id, n.position]));
    expect(at.tanh.x).toBe(at.relu.x);
    expect(at.tanh.y).not.toBe(at.relu.y);
    expect(at.side.x).toBe(at.stem.x);
    const x = Float64Array.from([0.5, -1, 2, 0.25, -0.75, 0]);
    const ort = await runOnnx(bytes, x, 3, [2], 'float32');
    const engine = engineRun({ ...project, dataset: { ...project.dataset, features: [[0.5, -1], [2, 0.25], [-0.75, 0]], labels: [0, 1, 0] } as Project['dataset'] });
    expect(maxDifference(engine.outputs, ort.data)).toBeLessThanOrEqual(TOLERANCE.float32);
  });
});

describe('bpnn import refuses what it cannot read, with one message', () => {
  const mlp = () => trainBriefly(example('xor'));

  it('a file that is not an ONNX model', () => {
    expect(refusal(new TextEncoder().encode('name,value\n1,2\n'))).toMatch(/not an ONNX model/);
    expect(refusal(new TextEncoder().encode(JSON.stringify(example('xor'))))).toMatch(/not an ONNX model/);
    expect(refusal(new Uint8Array(0))).toMatch(/empty/);
  });

  it('a graph with an operator the app has no block for: that operator is named, not the graph', () => {
    const fc: NodeProto = { opType: 'Gemm', name: 'fc', input: ['x', 'w'], output: ['h'], attribute: [intAttr('transB', 1)] };
    const relu: NodeProto = { opType: 'Relu', name: 'r', input: ['h'], output: ['a'] };
    const w = [floatTensor('w', [3, 3], values(9), 'float32')];
    const withSub: NodeProto[] = [fc, relu, { opType: 'Sub', name: 'diff', input: ['a', 'x'], output: ['d'] }, { opType: 'Add', name: 'skip', input: ['d', 'x'], output: ['y'] }];
    expect(refusal(foreignModel([3], withSub, w, { outShape: [3] }))).toMatch(/the model uses the operator Sub \(node 'diff'\), which BPNN Studio cannot import; it reads networks made of .*Concat/);
    // Without the Sub, the same skip connection comes in.
    const { project } = imported(foreignModel([3], [fc, relu, { opType: 'Add', name: 'skip', input: ['a', 'x'], output: ['y'] }], w, { outShape: [3] }));
    expect(incoming(project).skip).toEqual(['r', 'input']);
  });

  it('a join the app cannot take: a Concat along the length, an Add of two shapes, one value taken twice, a value from inside a layer, a value computed twice, a Concat with a stored input', () => {
    const conv = (name: string, k: string, y: string): NodeProto => ({ opType: 'Conv', name, input: ['x', k], output: [y], attribute: [intsAttr('kernel_shape', [3]), intsAttr('pads', [1, 1])] });
    const kernels = [floatTensor('k1', [2, 2, 3], values(12), 'float32'), floatTensor('k2', [2, 2, 3], values(12, 0.2), 'float32')];
    const onLength: NodeProto = { opType: 'Concat', name: 'cat', input: ['a', 'b'], output: ['y'], attribute: [intAttr('axis', 2)] };
    expect(refusal(foreignModel([2, 6], [conv('c1', 'k1', 'a'), conv('c2', 'k2', 'b'), onLength], kernels))).toMatch(
      /Concat node 'cat' joins \[N, 2, 6\] and \[N, 2, 6\] along axis 2; BPNN Studio's Concat joins along axis 1/,
    );

    const gemm = (name: string, w: string, y: string): NodeProto => ({ opType: 'Gemm', name, input: ['x', w], output: [y], attribute: [intAttr('transB', 1)] });
    const ws = [floatTensor('w3', [3, 2], values(6), 'float32'), floatTensor('w5', [5, 2], values(10), 'float32')];
    const uneven = [gemm('a', 'w3', 'a'), gemm('b', 'w5', 'b'), { opType: 'Add', name: 'plus', input: ['a', 'b'], output: ['y'] }];
    expect(refusal(foreignModel([2], uneven, ws))).toMatch(/Add node 'plus' takes \[N, 3\] and \[N, 5\]: an Add sums its inputs element by element/);

    const twice = [gemm('a', 'w3', 'a'), { opType: 'Add', name: 'double', input: ['a', 'a'], output: ['y'] }];
    expect(refusal(foreignModel([2], twice, ws))).toMatch(/Add node 'double' takes 'a' twice/);

    const inside: NodeProto[] = [
      { opType: 'MatMul', name: 'mm', input: ['x', 'm'], output: ['p'] },
      { opType: 'Add', name: 'bias', input: ['p', 'c'], output: ['h'] },
      { opType: 'Relu', name: 'r', input: ['p'], output: ['q'] },
      { opType: 'Add', name: 'join', input: ['h', 'q'], output: ['y'] },
    ];
    const mc = [floatTensor('m', [2, 3], values(6), 'float32'), floatTensor('c', [3], values(3), 'float32')];
    expect(refusal(foreignModel([2], inside, mc))).toMatch(/MatMul node 'mm' is read as part of a Linear, but its output 'p' is also taken by Relu node 'r'/);

    const renamed = [gemm('a', 'w3', 'h'), gemm('b', 'w5', 'h'), { opType: 'Relu', name: 'r', input: ['h'], output: ['y'] }];
    expect(refusal(foreignModel([2], renamed, ws))).toMatch(/Gemm node 'b' computes 'h', a value the model already has/);

    const stored = [gemm('a', 'w3', 'a'), { opType: 'Concat', name: 'pad', input: ['a', 'w3'], output: ['y'], attribute: [intAttr('axis', 1)] }];
    expect(refusal(foreignModel([2], stored, ws))).toMatch(/Concat node 'pad' joins values stored in the file; BPNN Studio's Concat joins the outputs of two or more layers/);
  });

  it('a truncated model', () => {
    const bytes = exported(mlp(), 'float32');
    for (const keep of [0.3, 0.6, 0.95]) expect(refusal(bytes.subarray(0, Math.floor(bytes.length * keep)))).toMatch(/cut short \(the file is truncated\)/);
  });

  it('an unsupported operator, named with its node (the first one in the file)', () => {
    const nodes: NodeProto[] = [
      { opType: 'Relu', name: 'r', input: ['x'], output: ['a'] },
      { opType: 'BatchNormalization', name: 'bn1', input: ['a', 's', 'b', 'm', 'v'], output: ['b1'] },
      { opType: 'Dropout', name: 'drop', input: ['b1'], output: ['y'] },
    ];
    expect(refusal(foreignModel([3], nodes, []))).toMatch(/operator BatchNormalization \(node 'bn1'\), which BPNN Studio cannot import; it reads networks made of Gemm, MatMul, Add, Conv/);
    expect(refusal(foreignModel([3], [{ opType: 'FusedGemm', domain: 'com.microsoft', input: ['x'], output: ['y'] }], []))).toMatch(/operator com\.microsoft\.FusedGemm/);
  });

  it(`a model with 10⁹ parameters, by its shapes, before reading a single weight (limit ${MAX_PARAMS})`, () => {
    const huge: TensorProto = { name: 'w', dims: [1_000_000, 1000], dataType: 1 };
    const message = refusal(foreignModel([1000], [{ opType: 'Gemm', input: ['x', 'w'], output: ['y'], attribute: [intAttr('transB', 1)] }], [huge]));
    expect(message).toMatch(/1 000 000 000 weights, above BPNN Studio's limit of 10 000 000/);
  });

  it('a weight that is not a number', () => {
    const gemm: NodeProto = { opType: 'Gemm', name: 'fc', input: ['x', 'w'], output: ['y'], attribute: [intAttr('transB', 1)] };
    expect(refusal(foreignModel([2], [gemm], [floatTensor('w', [1, 2], [0.5, NaN], 'float32')], { outShape: [1] }))).toMatch(/Weight fc\.weight\[1\] is NaN/);
  });

  it('a supported operator used in a way the app has no block for', () => {
    const grouped: NodeProto = { opType: 'Conv', name: 'c', input: ['x', 'w'], output: ['y'], attribute: [intAttr('group', 2)] };
    expect(refusal(foreignModel([2, 8], [grouped], [floatTensor('w', [2, 1, 3], values(6), 'float32')]))).toMatch(/Conv node 'c' has group 2/);
    const branch: NodeProto[] = [
      { opType: 'Relu', name: 'a', input: ['x'], output: ['a'] },
      { opType: 'Tanh', name: 'b', input: ['x'], output: ['y'] },
    ];
    expect(refusal(foreignModel([3], branch, []))).toMatch(/Relu node 'a' computes 'a', which no other node takes and which is not the model's output 'y'/);
    const loneAdd: NodeProto[] = [{ opType: 'Add', name: 'plus', input: ['x', 'k'], output: ['y'] }];
    expect(refusal(foreignModel([3], loneAdd, [floatTensor('k', [3], [1, 2, 3], 'float32')]))).toMatch(/Add node 'plus' cannot start a layer here/);
  });
});

describe('bpnn import never throws, whatever the bytes (docs/reliability.md F1)', () => {
  const model = exported(trainBriefly(everyBlockProject()), 'float64');

  it('every prefix of a model is refused or read, never an exception', () => {
    for (let end = 0; end < model.length; end += 7) {
      const r = importOnnx(model.subarray(0, end), 'cut.onnx');
      if (!r.ok) expect(r.message).toMatch(/^(the file is empty|the model is cut short|this is not an ONNX model|the model)/);
      if (!r.ok) expect(render(r.text, 'en')).toBe(r.message);
    }
  });

  it('random bytes and models with random bytes changed are refused with a message, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const r = importOnnx(bytes, 'junk.onnx');
        expect(r.ok ? 'read' : r.message.length > 0).toBeTruthy();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(model.length - 1), fc.nat(255)), { minLength: 1, maxLength: 8 }), (changes) => {
        const bytes = model.slice();
        for (const [at, value] of changes) bytes[at] = value;
        const r = importOnnx(bytes, 'changed.onnx');
        expect(r.ok ? r.project.graph.nodes.length > 0 : !/bug in BPNN Studio/.test(r.message)).toBe(true);
        if (!r.ok) expect(render(r.text, 'en')).toBe(r.message);
      }),
      { numRuns: 300 },
    );
  });
});
