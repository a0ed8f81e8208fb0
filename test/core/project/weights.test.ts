// The weights export: self-describing JSON that a separate minimal forward pass (the NumPy
// script of docs/weights.md, mirrored line by line below) turns into the engine's predictions.
import { describe, expect, it } from 'vitest';
import { ACTIVATION_TYPES, BLOCK_FORMATS, createTrainingSession, exportWeights, makeDataset, projectToSpec, render, WEIGHTS_CONVENTIONS, type Project } from '../../../core/index';
import { EXAMPLES, exampleText, loadOk } from './helpers';

/** Largest difference allowed between the engine's probabilities and the standalone pass. */
const PREDICTION_TOLERANCE = 1e-12;
/** Epochs trained before exporting: enough to move the weights off their initial values. */
const EPOCHS = 3;

interface T {
  shape: number[];
  data: number[];
}
interface Layer {
  node: string;
  type: string;
  inputs: string[];
  params: Record<string, number | boolean>;
  weights?: Record<string, T>;
}
interface Model {
  format: string;
  version: number;
  conventions: string[];
  inputShape: number[];
  inputNode: string;
  classes: string[];
  output: { loss: string; lastActivation: string; outputs: number; prediction: string };
  layers: Layer[];
}

// ---- The minimal forward pass: docs/weights.md's NumPy script, one step per line. ----
// A batch is a plain nested array; dense rows are number[], signals are number[][] (channels × length).
type Batch = number[][] | number[][][];

const at = (t: T, ...ix: number[]): number => {
  let flat = 0;
  for (let d = 0; d < ix.length; d++) flat = flat * t.shape[d] + ix[d];
  return t.data[flat];
};
/** NumPy's element-wise ops, for dense rows and for signals alike. */
const elementwise = (x: Batch, f: (v: number) => number): Batch =>
  (x as (number | number[])[][]).map((row) => row.map((v) => (Array.isArray(v) ? v.map(f) : f(v)))) as Batch;

function forward(model: Model, flatRows: number[][]): number[][] {
  // x = x.reshape(len(x), *model["inputShape"])
  const values = new Map<string, Batch>([[model.inputNode, model.inputShape.length === 1 ? flatRows : flatRows.map((r) => Array.from({ length: model.inputShape[0] }, (_, c) => r.slice(c * model.inputShape[1], (c + 1) * model.inputShape[1])))]]);
  let x: Batch = values.get(model.inputNode) as Batch;
  for (const layer of model.layers) {
    const p = layer.params;
    const w = layer.weights ?? {};
    // inputs = [values[node] for node in layer["inputs"]]; x = inputs[0]
    const inputs = layer.inputs.map((node) => values.get(node) as Batch);
    x = inputs[0];
    if (layer.type === 'Add') {
      // x = sum(inputs[1:], inputs[0])
      x = inputs.slice(1).reduce((acc, b) => (acc as (number | number[])[][]).map((row, i) => row.map((v, j) => (Array.isArray(v) ? v.map((u, t) => u + (b[i][j] as number[])[t]) : v + (b[i][j] as number)))) as Batch, inputs[0]);
    } else if (layer.type === 'Concat') {
      // x = np.concatenate(inputs, axis=1)
      x = inputs[0].map((_, i) => inputs.flatMap((b) => b[i] as (number | number[])[])) as Batch;
    } else if (layer.type === 'Linear') {
      // x = x @ weight.T (+ bias)
      const W = w.weight;
      x = (x as number[][]).map((row) => Array.from({ length: W.shape[0] }, (_, o) => row.reduce((s, v, i) => s + v * at(W, o, i), p.bias ? at(w.bias, o) : 0)));
    } else if (layer.type === 'Conv1d') {
      // xp = np.pad(x, pad); windows of k every s steps; einsum("nctk,ock->not") + bias
      const [k, s, pad] = [p.kernelSize as number, p.stride as number, p.padding as number];
      const W = w.weight;
      x = (x as number[][][]).map((sample) => {
        const xp = sample.map((ch) => [...new Array<number>(pad).fill(0), ...ch, ...new Array<number>(pad).fill(0)]);
        const steps = Math.floor((xp[0].length - k) / s) + 1;
        return Array.from({ length: W.shape[0] }, (_, o) =>
          Array.from({ length: steps }, (_, t) => {
            let sum = at(w.bias, o);
            for (let c = 0; c < xp.length; c++) for (let j = 0; j < k; j++) sum += xp[c][t * s + j] * at(W, o, c, j);
            return sum;
          }),
        );
      });
    } else if (layer.type === 'Flatten') {
      x = (x as number[][][]).map((sample) => sample.flat());
    } else if (layer.type === 'Sigmoid') {
      x = elementwise(x, (v) => 1 / (1 + Math.exp(-v)));
    } else if (layer.type === 'Tanh') {
      x = elementwise(x, Math.tanh);
    } else if (layer.type === 'ReLU') {
      x = elementwise(x, (v) => Math.max(v, 0));
    } else if (layer.type === 'LeakyReLU') {
      x = elementwise(x, (v) => (v > 0 ? v : (p.negativeSlope as number) * v));
    } else if (layer.type === 'Softmax') {
      x = (x as number[][]).map((row) => {
        const m = Math.max(...row);
        const e = row.map((v) => Math.exp(v - m));
        const sum = e.reduce((a, b) => a + b, 0);
        return e.map((v) => v / sum);
      });
    }
    // Identity leaves x as it is.
    values.set(layer.node, x);
  }
  return x as number[][];
}

function predict(model: Model, rows: number[][]): { classes: number[]; probs: number[][] } {
  const out = forward(model, rows);
  const probs = out[0].length === 1 ? out.map(([p]) => [1 - p, p]) : out;
  const classes = probs.map((r) => r.indexOf(Math.max(...r)));
  return { classes, probs };
}
// ---- end of the mirrored script ----

function trainBriefly(name: string): { project: Project; engine: Float64Array; rows: number[][]; k: number } {
  const project = loadOk(exampleText(name));
  const settings = { ...project.training, epochs: EPOCHS };
  const created = createTrainingSession({ spec: projectToSpec(project), dataset: project.dataset, settings, initialWeights: null }, { now: () => 0 });
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  const s = created.session;
  while (s.runBatches(1000).finished === null);
  const data = makeDataset(project.dataset);
  if (!data.ok) throw new Error('dataset');
  const d = data.dataset;
  const width = d.inputShape.reduce((a, b) => a * b, 1);
  const n = Math.min(d.n, 64);
  const rows = Array.from({ length: n }, (_, i) => Array.from(d.x.subarray(i * width, (i + 1) * width)));
  const engine = s.predict(d.x.subarray(0, n * width), n);
  return { project: { ...project, weights: s.weights() }, engine, rows, k: engine.length / n };
}

describe('exportWeights', () => {
  it.each(EXAMPLES)('a standalone forward pass over the exported JSON reproduces the engine on %s', (name) => {
    const { project, engine, rows, k } = trainBriefly(name);
    const r = exportWeights(project);
    if (!r.ok) throw new Error(r.message);
    const model = JSON.parse(r.text) as Model;
    const { classes, probs } = predict(model, rows);
    rows.forEach((_, i) => {
      for (let c = 0; c < k; c++) expect(Math.abs(probs[i][c] - engine[i * k + c])).toBeLessThanOrEqual(PREDICTION_TOLERANCE);
      const row = Array.from(engine.subarray(i * k, (i + 1) * k));
      expect(classes[i]).toBe(row.indexOf(Math.max(...row)));
    });
  });

  it('writes the format, the conventions, the input shape, the classes and resolved sizes', () => {
    const { project } = trainBriefly('waves-conv1d');
    const r = exportWeights(project);
    if (!r.ok) throw new Error(r.message);
    const m = JSON.parse(r.text) as Model;
    expect(m.format).toBe('bpnn-weights');
    expect(m.version).toBe(1);
    expect(m.inputShape).toEqual([1, 32]);
    expect(m.classes).toEqual(['sine', 'square', 'triangle']);
    expect(m.output).toMatchObject({ loss: 'crossEntropy', lastActivation: 'Softmax', outputs: 3 });
    expect(m.conventions.join(' ')).toContain('weight is [outFeatures, inFeatures]');
    expect(m.layers.map((l) => l.node)).toEqual(['conv1', 'relu1', 'flatten', 'fc1', 'softmax']);
    expect(m.inputNode).toBe('input');
    expect(m.layers.map((l) => l.inputs)).toEqual([['input'], ['conv1'], ['relu1'], ['flatten'], ['fc1']]);
    expect(m.layers[0].params).toEqual({ inChannels: 1, outChannels: 16, kernelSize: 9, stride: 4, padding: 4, inLength: 32 });
    expect(m.layers[0].weights?.weight.shape).toEqual([16, 1, 9]);
    expect(m.layers[3].params).toEqual({ inFeatures: 16 * 8, outFeatures: 3, bias: true });
  });

  it("tells how to compute every one-input kind, from each kind's definition, the activations in one sentence", () => {
    const activations = WEIGHTS_CONVENTIONS.find((c) => c.endsWith('act element by element.'));
    for (const [type, format] of Object.entries(BLOCK_FORMATS)) {
      if ((ACTIVATION_TYPES as readonly string[]).includes(type)) expect(activations).toContain(format.convention);
      else expect(WEIGHTS_CONVENTIONS).toContain(format.convention);
    }
    expect(activations).toBe('Sigmoid 1/(1+exp(-x)), Tanh, ReLU max(x, 0), LeakyReLU (x if x > 0 else negativeSlope*x) and Identity act element by element.');
  });

  it('refuses an untrained project with a clear message', () => {
    const r = exportWeights(loadOk(exampleText('xor')));
    expect(r).toEqual({ ok: false, message: "'XOR (the backprop lab)' has not been trained yet, so it has no weights to export: train it first, then export.", text: expect.anything() });
    // The same refusal from the catalogs, in either language.
    expect(!r.ok && r.text ? [render(r.text), render(r.text, 'zh-TW')] : null).toEqual([r.ok ? '' : r.message, '「XOR (the backprop lab)」還沒有訓練過，沒有權重可以匯出：請先訓練，再匯出。']);
  });

  it('refuses weights that no longer fit the graph', () => {
    const { project } = trainBriefly('xor');
    const changed: Project = { ...project, graph: { ...project.graph, nodes: project.graph.nodes.map((n) => (n.id === 'fc2' ? { ...n, params: { outFeatures: 16 } } : n)) } };
    const r = exportWeights(changed);
    expect(r).toEqual({ ok: false, message: "The stored weight of 'fc2' is [32, 32] but the graph needs [16, 32]: the graph changed since training, so train again.", text: expect.anything() });
    expect(!r.ok && r.text ? render(r.text) : null).toBe(r.ok ? '' : r.message);
    expect(!r.ok && r.text ? render(r.text, 'zh-TW') : null).toBe('「fc2」儲存的 weight 是 [32, 32]，但網路圖需要 [16, 32]：訓練之後網路圖改過了，請重新訓練。');
  });
});
