// Runs every case in every file of a folder of reference vectors against the engine:
// test/fixtures/reference by default, or BPNN_VECTORS_DIR when set. Cases are recognised by
// their fields, not by file name, and a case of an unknown kind fails instead of being skipped.
//
// Tolerance (REL_TOL = 1e-9, test/helpers/reference.ts): relative per tensor,
// |actual − expected| ≤ 1e-9 · max|expected| over the whole tensor, so an entry that is near
// zero beside large neighbours is judged on the tensor's scale instead of its own (where only
// rounding noise lives); an all-zero tensor must match exactly; a scalar loss uses its own size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelKind, setKernels } from '../../core/kernels/dense';
import { chainSources, type CompiledModel, type ResolvedLayer } from '../../core/graph/resolved';
import type { ModelSpec } from '../../core/graph/spec';
import { compileModel } from '../../core/graph/validate';
import { nodeId } from '../../core/graph/spec';
import { createLayer } from '../../core/layers/create';
import type { Block } from '../../core/layers/join';
import type { Param } from '../../core/layers/layer';
import { bce } from '../../core/losses/bce';
import { crossEntropy } from '../../core/losses/cross-entropy';
import { mse } from '../../core/losses/mse';
import { createOptimizer } from '../../core/optim/create';
import { Network } from '../../core/train/network';
import type { LossName, OptimizerSettings, TensorJson } from '../../core/train/types';
import {
  DEFAULT_VECTORS_DIR,
  expectScalarClose,
  expectTensorClose,
  loadVectorFiles,
  resolvedFromReference,
} from '../helpers/reference';

const dir = process.env.BPNN_VECTORS_DIR || DEFAULT_VECTORS_DIR;
const files = loadVectorFiles(dir);

interface RefLayer {
  type: string;
  params: Record<string, number | boolean>;
  weights?: Record<string, TensorJson>;
}

function setParams(layer: Block, weights: Record<string, TensorJson> | undefined, what: string): void {
  const names = Object.keys(weights ?? {}).sort();
  expect(layer.params.map((p) => p.name).sort(), `${what}: params`).toEqual(names);
  for (const p of layer.params) {
    const t = weights![p.name];
    expect(p.shape, `${what}: ${p.name} shape`).toEqual(t.shape);
    p.value.set(t.data);
  }
}

function expectParams(layer: Block, expected: Record<string, TensorJson> | null, pick: (p: Param) => Float64Array, what: string): void {
  if (expected === null) {
    expect(layer.params, `${what}: a weightless layer`).toHaveLength(0);
    return;
  }
  expect(layer.params.map((p) => p.name).sort(), `${what}: params`).toEqual(Object.keys(expected).sort());
  for (const p of layer.params) {
    expect(p.shape, `${what}: ${p.name} shape`).toEqual(expected[p.name].shape);
    expectTensorClose(pick(p), expected[p.name], `${what}: ${p.name}`);
  }
}

function runLayerCase(c: Record<string, unknown>): void {
  const ref = c.layer as RefLayer;
  const input = c.input as TensorJson;
  const gradOutput = c.gradOutput as TensorJson;
  const expected = c.expected as { output: TensorJson; gradInput: TensorJson; gradParams?: Record<string, TensorJson> };
  const n = input.shape[0];
  const layer = createLayer(resolvedFromReference(ref, input.shape.slice(1), 0), input.shape.slice(1));
  setParams(layer, ref.weights, ref.type);
  expect([n, ...layer.outShape], 'output shape').toEqual(expected.output.shape);
  const y = layer.forward(Float64Array.from(input.data), n);
  expectTensorClose(y, expected.output, 'output');
  const gx = layer.backward(Float64Array.from(gradOutput.data), n, true);
  expectTensorClose(gx, expected.gradInput, 'gradInput');
  expectParams(layer, expected.gradParams ?? null, (p) => p.grad, 'gradParams');
}

function runLossCase(c: Record<string, unknown>): void {
  const loss = c.loss as string;
  const p = c.prediction as TensorJson;
  const t = c.target as TensorJson;
  const expected = c.expected as { loss: number; gradPrediction: TensorJson };
  const pred = Float64Array.from(p.data);
  const target = Float64Array.from(t.data);
  const grad = new Float64Array(pred.length);
  let value: number;
  if (loss === 'bce') value = bce(pred, target, pred.length, grad);
  else if (loss === 'mse') value = mse(pred, target, pred.length, grad);
  else if (loss === 'crossEntropy') value = crossEntropy(pred, target, p.shape[0], p.shape[p.shape.length - 1], grad);
  else throw new Error(`unknown loss '${loss}'`);
  expectScalarClose(value, expected.loss, 'loss');
  expect(expected.gradPrediction.shape).toEqual(p.shape);
  expectTensorClose(grad, expected.gradPrediction, 'gradPrediction');
}

function runOptimizerCase(c: Record<string, unknown>): void {
  const settings = c.optimizer as OptimizerSettings;
  const param = c.param as TensorJson;
  const grads = c.grads as TensorJson[];
  const expected = c.expected as { params: TensorJson[] };
  const p: Param = {
    name: 'weight',
    value: Float64Array.from(param.data),
    grad: new Float64Array(param.data.length),
    shape: param.shape,
  };
  const opt = createOptimizer(settings, [p]);
  expect(opt, `optimizer type '${settings.type}'`).toBeDefined();
  expect(expected.params).toHaveLength(grads.length);
  grads.forEach((g, step) => {
    p.grad.set(g.data);
    opt.step();
    expectTensorClose(p.value, expected.params[step], `params after step ${step + 1}`);
  });
}

interface RefNetworkExpected {
  output: TensorJson;
  loss: number;
  gradParams: (Record<string, TensorJson> | null)[];
  afterTraining?: Record<
    string,
    { optimizer: OptimizerSettings; steps: number; lossCurve: number[]; finalLoss?: number; params: (Record<string, TensorJson> | null)[] }
  >;
}

function networkFromCase(c: Record<string, unknown>): Network {
  const refs = c.layers as RefLayer[];
  const input = c.input as TensorJson;
  const inputShape = input.shape.slice(1);
  const layers: ResolvedLayer[] = [];
  let shape: readonly number[] = inputShape;
  refs.forEach((ref, i) => {
    const resolved = resolvedFromReference(ref, shape, i);
    layers.push(resolved);
    shape = createLayer(resolved, shape).outShape;
  });
  const model: CompiledModel = {
    inputShape,
    inputId: nodeId('input'),
    layers,
    sources: chainSources(nodeId('input'), layers),
    outputShape: [...shape],
    shapes: [],
    paramCount: 0,
  };
  const net = new Network(model);
  net.layers.forEach((layer, i) => setParams(layer, refs[i].weights, `layer ${i} (${refs[i].type})`));
  return net;
}

function runNetworkCase(c: Record<string, unknown>): void {
  const input = c.input as TensorJson;
  const target = Float64Array.from((c.target as TensorJson).data);
  const loss = c.loss as LossName;
  if (!['bce', 'mse', 'crossEntropy'].includes(loss)) throw new Error(`unknown loss '${loss}'`);
  const expected = c.expected as RefNetworkExpected;
  const n = input.shape[0];
  const x = Float64Array.from(input.data);

  const net = networkFromCase(c);
  expect([n, ...net.model.outputShape], 'output shape').toEqual(expected.output.shape);
  expectTensorClose(net.forward(x, n), expected.output, 'output');
  expectScalarClose(net.loss(loss, target, n), expected.loss, 'loss');
  net.backward(n);
  expect(expected.gradParams).toHaveLength(net.layers.length);
  net.layers.forEach((layer, i) => expectParams(layer, expected.gradParams[i], (p) => p.grad, `gradParams of layer ${i} (${layer.type})`));

  for (const [name, run] of Object.entries(expected.afterTraining ?? {})) {
    const trained = networkFromCase(c);
    const opt = createOptimizer(run.optimizer, trained.paramList);
    expect(opt, `${name}: optimizer type '${run.optimizer.type}'`).toBeDefined();
    expect(run.lossCurve).toHaveLength(run.steps);
    for (let step = 0; step < run.steps; step++) {
      trained.forward(x, n);
      expectScalarClose(trained.loss(loss, target, n), run.lossCurve[step], `${name}: loss before step ${step + 1}`);
      trained.backward(n);
      opt.step();
    }
    trained.forward(x, n);
    if (run.finalLoss !== undefined) expectScalarClose(trained.loss(loss, target, n), run.finalLoss, `${name}: final loss`);
    expect(run.params).toHaveLength(trained.layers.length);
    trained.layers.forEach((layer, i) => expectParams(layer, run.params[i], (p) => p.value, `${name}: params of layer ${i} (${layer.type})`));
  }
}

interface RefGraphExpected {
  outputValue: TensorJson;
  lossValue: number;
  gradInput: TensorJson;
  gradParams: Record<string, Record<string, TensorJson>>;
  afterTraining?: Record<
    string,
    { optimizer: OptimizerSettings; steps: number; lossCurve: number[]; finalLoss?: number; params: Record<string, Record<string, TensorJson>> }
  >;
}

/** A graph case compiled the way the app compiles a canvas (compileModel), with the case's weights. */
function graphFromCase(c: Record<string, unknown>): Network {
  const refs = c.nodes as (RefLayer & { id: string })[];
  const input = c.input as TensorJson;
  const spec = { nodes: refs.map((r) => ({ id: r.id, type: r.type, params: r.params })), edges: c.edges } as unknown as ModelSpec;
  const compiled = compileModel(spec, input.shape.slice(1));
  if (!compiled.ok) throw new Error(`the graph does not compile: ${compiled.problems.map((p) => p.message).join('; ')}`);
  const net = new Network(compiled.model);
  expect(net.layers[net.layers.length - 1].nodeId, 'the output node runs last').toBe(c.output);
  const byId = new Map(refs.map((r) => [r.id, r]));
  for (const layer of net.layers) setParams(layer, byId.get(layer.nodeId)?.weights, `${layer.type} '${layer.nodeId}'`);
  return net;
}

function expectGraphParams(net: Network, expected: Record<string, Record<string, TensorJson>>, pick: (p: Param) => Float64Array, what: string): void {
  const withParams = net.layers.filter((l) => l.params.length > 0);
  expect(withParams.map((l) => l.nodeId as string).sort(), `${what}: nodes with params`).toEqual(Object.keys(expected).sort());
  for (const layer of withParams) expectParams(layer, expected[layer.nodeId], pick, `${what} of ${layer.type} '${layer.nodeId}'`);
}

function runGraphCase(c: Record<string, unknown>): void {
  const input = c.input as TensorJson;
  const target = Float64Array.from((c.target as TensorJson).data);
  const loss = c.loss as LossName;
  if (!['bce', 'mse', 'crossEntropy'].includes(loss)) throw new Error(`unknown loss '${loss}'`);
  const expected = c.expected as RefGraphExpected;
  const n = input.shape[0];
  const x = Float64Array.from(input.data);

  const net = graphFromCase(c);
  expect([n, ...net.model.outputShape], 'output shape').toEqual(expected.outputValue.shape);
  expectTensorClose(net.forward(x, n), expected.outputValue, 'output');
  expectScalarClose(net.loss(loss, target, n), expected.lossValue, 'loss');
  net.backward(n, true);
  expect(expected.gradInput.shape).toEqual(input.shape);
  expectTensorClose(net.inputGradient(), expected.gradInput, 'gradInput');
  expectGraphParams(net, expected.gradParams, (p) => p.grad, 'gradParams');

  const runs = Object.entries(expected.afterTraining ?? {});
  for (const [name, run] of runs) {
    const trained = graphFromCase(c);
    const opt = createOptimizer(run.optimizer, trained.paramList);
    expect(opt, `${name}: optimizer type '${run.optimizer.type}'`).toBeDefined();
    expect(run.lossCurve).toHaveLength(run.steps);
    for (let step = 0; step < run.steps; step++) {
      trained.forward(x, n);
      expectScalarClose(trained.loss(loss, target, n), run.lossCurve[step], `${name}: loss before step ${step + 1}`);
      trained.backward(n);
      opt.step();
    }
    trained.forward(x, n);
    if (run.finalLoss !== undefined) expectScalarClose(trained.loss(loss, target, n), run.finalLoss, `${name}: final loss`);
    expectGraphParams(trained, run.params, (p) => p.value, `${name}: params`);
  }
}

function kindOf(c: Record<string, unknown>): string {
  if ('layer' in c) return 'layer';
  if ('nodes' in c && 'edges' in c) return 'graph';
  if ('layers' in c) return 'network';
  if ('loss' in c && 'prediction' in c) return 'loss';
  if ('optimizer' in c && 'grads' in c) return 'optimizer';
  return 'unknown';
}

const runners: Record<string, (c: Record<string, unknown>) => void> = {
  layer: runLayerCase,
  loss: runLossCase,
  optimizer: runOptimizerCase,
  network: runNetworkCase,
  graph: runGraphCase,
};

// Every case runs through both implementations of Linear's products (core/kernels/dense.ts):
// the TypeScript kernels and the WebAssembly SIMD ones. Asking for wasm where it cannot load
// fails the block instead of quietly checking the TypeScript path twice.
const initialKernels = kernelKind();
for (const kernels of ['ts', 'wasm'] as const) {
  describe(`conformance with the reference vectors in ${dir}, ${kernels} kernels`, () => {
    beforeAll(() => {
      expect(setKernels(kernels), `the ${kernels} kernels load`).toBe(kernels);
    });
    afterAll(() => {
      setKernels(initialKernels);
    });

    it('finds at least one case to check', () => {
      expect(files.reduce((s, f) => s + f.cases.length, 0)).toBeGreaterThan(0);
    });

    for (const { file, cases } of files) {
      describe(file, () => {
        cases.forEach((c, i) => {
          const kind = kindOf(c);
          const name = typeof c.name === 'string' ? c.name : `case ${i}`;
          it(`${kind} case ${name} matches to a relative error of 1e-9`, () => {
            const run = runners[kind];
            if (!run) throw new Error(`${file} case ${i} (${name}): unknown case kind; fields: ${Object.keys(c).join(', ')}`);
            run(c);
          });
        });
      });
    }
  });
}
