// Trained projects to export, the engine's own outputs to compare with, and ONNX Runtime.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { expect } from 'vitest';
import {
  BLOCK_FORMATS,
  createTrainingSession,
  makeDataset,
  nodeId,
  parseProject,
  projectToSpec,
  type FloatType,
  type NodeType,
  type Project,
  type ProjectNode,
} from '../../core/index';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLES = ['xor', 'linear', 'spiral-softmax', 'waves-conv1d'] as const;
export const APP_VERSION: string = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;

/** Largest difference allowed between ONNX Runtime's outputs and the engine's, by precision. */
export const TOLERANCE: Record<FloatType, number> = { float32: 1e-5, float64: 1e-12 };
/** Epochs trained before exporting: enough to move every weight off its initial value, quick on two cores. */
const EPOCHS = 4;

export function loadProject(text: string): Project {
  const r = parseProject(text);
  if (!r.ok) throw new Error(`expected a valid project, got ${JSON.stringify(r.problems)}`);
  return r.project;
}

export const example = (name: string): Project => loadProject(readFileSync(`${ROOT}examples/${name}.bpnn`, 'utf8'));

/**
 * Every block kind in one chain, on signals: Conv1d → LeakyReLU → Conv1d → Tanh → Flatten →
 * Linear → Sigmoid → Linear without bias → ReLU → Identity → Linear → Softmax.
 */
export function everyBlockProject(): Project {
  const chain: [string, NodeType, Record<string, number | boolean>][] = [
    ['input', 'Input', {}],
    ['conv1', 'Conv1d', { outChannels: 4, kernelSize: 5, stride: 2, padding: 2 }],
    ['leaky', 'LeakyReLU', { negativeSlope: 0.1 }],
    ['conv2', 'Conv1d', { outChannels: 3, kernelSize: 3 }],
    ['tanh', 'Tanh', {}],
    ['flat', 'Flatten', {}],
    ['fc1', 'Linear', { outFeatures: 8 }],
    ['sig', 'Sigmoid', {}],
    ['fc2', 'Linear', { outFeatures: 6, bias: false }],
    ['relu', 'ReLU', {}],
    ['same', 'Identity', {}],
    ['fc3', 'Linear', { outFeatures: 3 }],
    ['soft', 'Softmax', {}],
  ];
  const nodes: ProjectNode[] = chain.map(([id, type, params], i) => ({ id: nodeId(id), type, params, position: { x: 200 * i, y: 100 } }));
  const base = example('waves-conv1d');
  return {
    ...base,
    name: 'Every block kind',
    graph: { nodes, edges: chain.slice(1).map(([id], i) => ({ id: `e${i}`, source: nodeId(chain[i][0]), target: nodeId(id) })) },
    dataset: { kind: 'generator', generator: 'waves', params: { n: 120, noise: 0.1, classes: 3, length: 24 }, seed: 3 },
    training: { ...base.training, testSplit: 0 },
  };
}

/**
 * A graph with both joins on signals, so ONNX Concat and Add on [N, C, L] are run too:
 * Input → conv1 → tanh; Concat(tanh, Input) along the channels → conv2 → Add(conv2, conv3 of
 * the Input) → Flatten → Linear → Softmax.
 */
export function joinsProject(): Project {
  const defs: [string, NodeType, Record<string, number | boolean>][] = [
    ['input', 'Input', {}],
    ['conv1', 'Conv1d', { outChannels: 3, kernelSize: 3, padding: 1 }],
    ['tanh', 'Tanh', {}],
    ['cat', 'Concat', {}],
    ['conv2', 'Conv1d', { outChannels: 2, kernelSize: 5, stride: 2, padding: 2 }],
    ['conv3', 'Conv1d', { outChannels: 2, kernelSize: 3, stride: 2, padding: 1 }],
    ['add', 'Add', {}],
    ['flat', 'Flatten', {}],
    ['fc', 'Linear', { outFeatures: 3 }],
    ['soft', 'Softmax', {}],
  ];
  const edges: [string, string][] = [
    ['input', 'conv1'], ['conv1', 'tanh'], ['tanh', 'cat'], ['input', 'cat'], ['cat', 'conv2'], ['input', 'conv3'],
    ['conv2', 'add'], ['conv3', 'add'], ['add', 'flat'], ['flat', 'fc'], ['fc', 'soft'],
  ];
  const base = example('waves-conv1d');
  return {
    ...base,
    name: 'Both joins on signals',
    graph: {
      nodes: defs.map(([id, type, params], i): ProjectNode => ({ id: nodeId(id), type, params, position: { x: 200 * i, y: 100 } })),
      edges: edges.map(([a, b]) => ({ id: `${a}-${b}`, source: nodeId(a), target: nodeId(b) })),
    },
    dataset: { kind: 'generator', generator: 'waves', params: { n: 120, noise: 0.1, classes: 3, length: 24 }, seed: 3 },
    training: { ...base.training, testSplit: 0 },
  };
}

/**
 * Two branches of different widths joined by a Concat: Input → a (Linear 3) and Input → b
 * (Linear 5), Concat(a, b) → Linear → Sigmoid. With the widths unequal, reading the Concat's
 * inputs the other way round pairs the 8 joined values with the wrong weights of the Linear
 * after it, so the predictions show the order.
 */
export function concatProject(): Project {
  const defs: [string, NodeType, Record<string, number | boolean>][] = [
    ['input', 'Input', {}],
    ['a', 'Linear', { outFeatures: 3 }],
    ['b', 'Linear', { outFeatures: 5 }],
    ['cat', 'Concat', {}],
    ['fc', 'Linear', { outFeatures: 1 }],
    ['sig', 'Sigmoid', {}],
  ];
  const edges: [string, string][] = [['input', 'a'], ['input', 'b'], ['a', 'cat'], ['b', 'cat'], ['cat', 'fc'], ['fc', 'sig']];
  const base = example('linear');
  return {
    ...base,
    name: 'Two branches joined by a Concat',
    graph: {
      nodes: defs.map(([id, type, params], i): ProjectNode => ({ id: nodeId(id), type, params, position: { x: 200 * i, y: 100 } })),
      edges: edges.map(([a, b]) => ({ id: `${a}-${b}`, source: nodeId(a), target: nodeId(b) })),
    },
  };
}

/** Each block's sources, in the order of its incoming edges (the order a Concat joins in). */
export function incoming(project: Project): Record<string, string[]> {
  const into: Record<string, string[]> = {};
  for (const e of project.graph.edges) (into[e.target] ??= []).push(e.source);
  return into;
}

/** The chain above must hold every kind the exporter knows, or the ONNX Runtime test misses one. */
export function kindsIn(project: Project): Set<string> {
  return new Set(project.graph.nodes.map((n) => n.type).filter((t) => t !== 'Input'));
}
export const EXPORTED_KINDS = Object.keys(BLOCK_FORMATS);

export function trainBriefly(project: Project): Project {
  const settings = { ...project.training, epochs: Math.min(project.training.epochs, EPOCHS) };
  const created = createTrainingSession({ spec: projectToSpec(project), dataset: project.dataset, settings, initialWeights: null }, { now: () => 0 });
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  const s = created.session;
  while (s.runBatches(1000).finished === null);
  return { ...project, weights: s.weights() };
}

export interface EngineRun {
  /** The training data, row-major [n, …inputShape]. */
  x: Float64Array;
  n: number;
  inputShape: number[];
  /** The network's outputs [n, outputs]: p for one output, the scores for several. */
  outputs: Float64Array;
  width: number;
}

/** The engine's outputs for every sample of the project's data, from its stored weights. */
export function engineRun(project: Project): EngineRun {
  const created = createTrainingSession({ spec: projectToSpec(project), dataset: project.dataset, settings: project.training, initialWeights: project.weights }, { now: () => 0 });
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  const data = makeDataset(project.dataset);
  if (!data.ok) throw new Error('dataset');
  const { x, n, inputShape } = data.dataset;
  const probs = created.session.predict(x, n);
  const k = probs.length / n;
  const width = created.session.model.outputShape[0];
  // predict() gives [1 − p, p] for one output; the exported network outputs p itself.
  const outputs = width === 1 ? Float64Array.from({ length: n }, (_, i) => probs[i * k + 1]) : probs;
  return { x, n, inputShape, outputs, width };
}

export async function runOnnx(bytes: Uint8Array, x: Float64Array, n: number, inputShape: number[], type: FloatType): Promise<{ data: Float64Array; dims: readonly number[] }> {
  const session = await InferenceSession.create(bytes);
  try {
    const rows = x.subarray(0, n * inputShape.reduce((a, b) => a * b, 1));
    const input = new Tensor(type, type === 'float32' ? Float32Array.from(rows) : Float64Array.from(rows), [n, ...inputShape]);
    const result = await session.run({ [session.inputNames[0]]: input });
    const out = result[session.outputNames[0]];
    expect(out.type).toBe(type);
    return { data: Float64Array.from(out.data as Float32Array | Float64Array), dims: out.dims };
  } finally {
    await session.release();
  }
}

export function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

/** The app's rule: class 1 when p > 0.5 for one output, else the first largest score. */
export function classes(outputs: ArrayLike<number>, width: number): number[] {
  const n = outputs.length / width;
  return Array.from({ length: n }, (_, i) => {
    if (width === 1) return outputs[i] > 0.5 ? 1 : 0;
    let best = 0;
    for (let j = 1; j < width; j++) if (outputs[i * width + j] > outputs[i * width + best]) best = j;
    return best;
  });
}

/**
 * Samples whose class the engine decides by a margin wider than twice the tolerance: there,
 * outputs within the tolerance cannot change the class, so it must be identical. (Closer
 * calls depend on the last bits of the runtime's arithmetic, which vary with the CPU.)
 */
export function decided(outputs: ArrayLike<number>, width: number, tolerance: number): boolean[] {
  const n = outputs.length / width;
  return Array.from({ length: n }, (_, i) => {
    if (width === 1) return Math.abs(outputs[i] - 0.5) > 2 * tolerance;
    const row = Array.from({ length: width }, (_, j) => outputs[i * width + j]).sort((a, b) => b - a);
    return row[0] - row[1] > 2 * tolerance;
  });
}
