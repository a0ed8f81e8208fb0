// The step-through's numbers are the engine's own: checked against the reference network cases
// (outputs, loss, every layer's parameter gradients, and the optimizer steps of afterTraining).
import { describe, expect, it } from 'vitest';
import { chainSources, type CompiledModel, type ResolvedLayer } from '../../../core/graph/resolved';
import { nodeId } from '../../../core/graph/spec';
import { createLayer } from '../../../core/layers/create';
import { createStepper, type Stepper } from '../../../core/inspect/index';
import { Network } from '../../../core/train/network';
import type { LossName, OptimizerSettings, TensorJson } from '../../../core/train/types';
import { DEFAULT_VECTORS_DIR, expectScalarClose, expectTensorClose, loadVectorFiles, resolvedFromReference } from '../../helpers/reference';

interface RefLayer {
  type: string;
  params: Record<string, number | boolean>;
  weights?: Record<string, TensorJson>;
}
interface RefNetworkCase {
  name: string;
  layers: RefLayer[];
  loss: LossName;
  input: TensorJson;
  target: TensorJson;
  expected: {
    output: TensorJson;
    loss: number;
    gradParams: (Record<string, TensorJson> | null)[];
    afterTraining: Record<string, { optimizer: OptimizerSettings; steps: number; lossCurve: number[]; finalLoss: number; params: (Record<string, TensorJson> | null)[] }>;
  };
}

const cases = loadVectorFiles(DEFAULT_VECTORS_DIR).find((f) => f.file === 'networks.json')!.cases as unknown as RefNetworkCase[];

function networkOf(c: RefNetworkCase): Network {
  const inputShape = c.input.shape.slice(1);
  const layers: ResolvedLayer[] = [];
  let shape: readonly number[] = inputShape;
  c.layers.forEach((l, i) => {
    const resolved = resolvedFromReference(l, shape, i);
    layers.push(resolved);
    shape = createLayer(resolved, shape).outShape;
  });
  const model: CompiledModel = { inputShape, inputId: nodeId('in'), layers, sources: chainSources(nodeId('in'), layers), outputShape: [...shape], shapes: [], paramCount: 0 };
  const net = new Network(model);
  net.layers.forEach((layer, i) => {
    for (const p of layer.params) p.value.set(c.layers[i].weights![p.name].data);
  });
  return net;
}

function stepperOf(c: RefNetworkCase, optimizer: OptimizerSettings = { type: 'SGD', lr: 0.1 }): Stepper {
  return createStepper(networkOf(c), {
    loss: c.loss,
    optimizer,
    clipNorm: null,
    x: Float64Array.from(c.input.data),
    target: Float64Array.from(c.target.data),
    n: c.input.shape[0],
  });
}

describe('the step-through against the reference networks', () => {
  for (const c of cases) {
    it(`${c.name}: forward outputs, loss and every gradient equal the reference`, () => {
      const s = stepperOf(c);
      // One press per layer, then one for the loss.
      for (let i = 0; i < c.layers.length; i++) expect(s.stepForward()).toBe(true);
      expect(s.view().phase).toEqual({ kind: 'forward', shown: c.layers.length });
      expect(s.view().lossValue).toBeNull();
      expect(s.stepForward()).toBe(true);
      expect(s.view().phase).toEqual({ kind: 'loss' });
      const v0 = s.view();
      expectTensorClose(v0.nodes[v0.nodes.length - 1].output.data, c.expected.output, 'output');
      expectScalarClose(v0.lossValue!, c.expected.loss, 'loss');
      for (let i = 0; i < c.layers.length; i++) expect(s.stepBackward()).toBe(true);
      expect(s.stepBackward()).toBe(false);
      const v = s.view();
      v.nodes.forEach((node, i) => {
        const expected = c.expected.gradParams[i];
        if (expected === null) {
          expect(node.params).toHaveLength(0);
          return;
        }
        for (const p of node.params) expectTensorClose(p.grad!, expected[p.name], `layer ${i} ${p.name} grad`);
      });
      // Each node's input is the previous node's output: the chain is shown as it ran.
      for (let i = 1; i < v.nodes.length; i++) expect(Array.from(v.nodes[i].input.data)).toEqual(Array.from(v.nodes[i - 1].output.data));
      expect(Array.from(v.nodes[0].input.data)).toEqual(c.input.data);
    });

    for (const [name, run] of Object.entries(c.expected.afterTraining)) {
      it(`${c.name}: ${name} steps reproduce afterTraining (the first step's loss, the loss curve and the final params)`, () => {
        const s = stepperOf(c, run.optimizer);
        for (let step = 0; step < run.steps; step++) {
          s.stepForward();
          while (s.stepForward());
          expect(s.view().iteration).toBe(step + 1);
          expectScalarClose(s.view().lossValue!, run.lossCurve[step], `loss before step ${step + 1}`);
          expect(s.optimizerStep()).toBe(true);
          const o = s.view().optimizer!;
          expect(o.t).toBe(step + 1);
          expect(o.type).toBe(run.optimizer.type);
        }
        const v = s.view();
        const after = v.optimizer!.params;
        let k = 0;
        run.params.forEach((expected, i) => {
          if (expected === null) return;
          for (const p of v.nodes[i].params) {
            expect(after[k].name).toBe(p.name);
            expectTensorClose(after[k].after, expected[p.name], `layer ${i} ${p.name} after ${run.steps} steps`);
            k++;
          }
        });
        s.stepForward();
        while (s.stepForward());
        expectScalarClose(s.view().lossValue!, run.finalLoss, 'final loss');
      });
    }
  }

  it('reset returns to the starting weights and a fresh optimizer (Adam t counts from 1 again)', () => {
    const c = cases.find((x) => x.expected.afterTraining.adam) ?? cases[0];
    const run = c.expected.afterTraining.adam ?? Object.values(c.expected.afterTraining)[0];
    const s = stepperOf(c, run.optimizer);
    s.optimizerStep();
    s.optimizerStep();
    s.stepForward();
    expect(s.view().iteration).toBe(3);
    s.reset();
    expect(s.view().phase).toEqual({ kind: 'ready' });
    expect(s.view().iteration).toBe(1);
    s.optimizerStep();
    expect(s.view().optimizer!.t).toBe(1);
    expectScalarClose(s.view().lossValue!, run.lossCurve[0], 'loss after reset');
  });
});
