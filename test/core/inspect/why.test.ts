// The step-through on a project (the XOR example and friends) and its "why" explanations:
// the lab's delta rule, Δᵀ·x, −lr·g and the optimizers' state, each with the numbers filled in.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createInspector,
  explain,
  formatWhyNumber,
  MAX_INSPECT_SAMPLES,
  parseProject,
  projectToSpec,
  type InspectRequest,
  type OptimizerSettings,
  type Project,
  type Stepper,
  type StepperView,
  type ValueRef,
} from '../../../core/index';
import { chainSpec } from '../../helpers/specs';

/** The acceptance bar for Δ = ŷ − y and update = −lr·g: both sides are the same float64 arithmetic up to rounding. */
const EXACT_TOL = 1e-12;

const xorProject = (): Project => {
  const text = readFileSync(fileURLToPath(new URL('../../../examples/xor.bpnn', import.meta.url)), 'utf8');
  const r = parseProject(text);
  if (!r.ok) throw new Error('the XOR example does not load');
  return r.project;
};

function xorRequest(samples: number[], optimizer?: OptimizerSettings): InspectRequest {
  const p = xorProject();
  return { spec: projectToSpec(p), dataset: p.dataset, settings: { ...p.training, ...(optimizer ? { optimizer } : {}) }, weights: null, samples };
}

function stepperFor(req: InspectRequest): Stepper {
  const r = createInspector(req);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.stepper;
}

const node = (v: StepperView, id: string) => v.nodes.find((n) => n.nodeId === id)!;

/** Every number the panel can show, as a ValueRef. */
function allRefs(v: StepperView): ValueRef[] {
  const refs: ValueRef[] = [{ kind: 'loss' }, ...Array.from(v.target.data, (_, index): ValueRef => ({ kind: 'target', index }))];
  for (const n of v.nodes) {
    for (const kind of ['input', 'output', 'gradOutput', 'gradInput'] as const) {
      const m = n[kind];
      if (m) for (let i = 0; i < m.data.length; i++) refs.push({ kind, nodeId: n.nodeId, index: i });
    }
    for (const p of n.params) {
      for (let i = 0; i < p.value.length; i++) {
        refs.push({ kind: 'param', nodeId: n.nodeId, param: p.name, index: i }, { kind: 'grad', nodeId: n.nodeId, param: p.name, index: i });
      }
    }
  }
  for (const s of v.optimizer?.params ?? []) {
    for (let i = 0; i < s.before.length; i++) {
      refs.push({ kind: 'update', nodeId: s.nodeId, param: s.name, index: i }, { kind: 'after', nodeId: s.nodeId, param: s.name, index: i });
      for (const state of Object.keys(s.state)) refs.push({ kind: 'state', nodeId: s.nodeId, param: s.name, state, index: i });
    }
  }
  return refs;
}

function shownValue(v: StepperView, ref: ValueRef): number {
  if (ref.kind === 'loss') return v.lossValue!;
  if (ref.kind === 'target') return v.target.data[ref.index];
  const n = node(v, ref.nodeId);
  switch (ref.kind) {
    case 'input':
    case 'output':
    case 'gradOutput':
    case 'gradInput':
      return n[ref.kind]!.data[ref.index];
    case 'param':
      return n.params.find((p) => p.name === ref.param)!.value[ref.index];
    case 'grad':
      return n.params.find((p) => p.name === ref.param)!.grad![ref.index];
    default: {
      const s = v.optimizer!.params.find((p) => p.nodeId === ref.nodeId && p.name === ref.param)!;
      if (ref.kind === 'update') return s.update[ref.index];
      if (ref.kind === 'after') return s.after[ref.index];
      if (ref.kind === 'state') return s.state[ref.state][ref.index];
      return NaN;
    }
  }
}

describe('the step-through of the XOR example', () => {
  it('steps forward node by node, then the loss, then backward from the last node, then the update', () => {
    const s = stepperFor(xorRequest([3]));
    expect(s.view().phase).toEqual({ kind: 'ready' });
    s.stepForward();
    expect(s.view().activeNodeId).toBe('fc1');
    s.stepForward();
    expect(s.view().activeNodeId).toBe('sig1');
    while (s.view().phase.kind === 'forward') s.stepForward();
    expect(s.view().phase).toEqual({ kind: 'loss' });
    expect(s.view().lossValue).toBeGreaterThan(0);
    s.stepBackward();
    expect(s.view().activeNodeId).toBe('sig3');
    s.stepBackward();
    expect(s.view().activeNodeId).toBe('fc3');
    s.optimizerStep();
    expect(s.view().phase).toEqual({ kind: 'updated' });
    expect(s.view().optimizer!.t).toBe(1);
  });

  it("the output node's Δ (mean BCE gradient w.r.t. the pre-sigmoid output) is ŷ − y for one sample, within 1e-12", () => {
    for (const sample of [0, 1, 10, 20]) {
      const s = stepperFor(xorRequest([sample]));
      s.optimizerStep();
      const v = s.view();
      const out = node(v, 'sig3');
      const yHat = out.output.data[0];
      const y = v.target.data[0];
      expect(Math.abs(out.gradInput!.data[0] - (yHat - y))).toBeLessThanOrEqual(EXACT_TOL);
      // The Linear below sees the same Δ.
      expect(node(v, 'fc3').gradOutput!.data[0]).toBe(out.gradInput!.data[0]);
      const w = explain(v, { kind: 'gradInput', nodeId: out.nodeId, index: 0 })!;
      expect(w.formula).toContain('(ŷ − y)');
      expect(w.filled).toContain(`(${formatWhyNumber(yHat)} − ${y}) / 1`);
      expect(w.value).toBe(out.gradInput!.data[0]);
    }
  });

  it('a batch divides the output Δ by N (mean reduction)', () => {
    const s = stepperFor(xorRequest([0, 1, 2]));
    s.stepBackward();
    const v = s.view();
    const out = node(v, 'sig3');
    for (let i = 0; i < 3; i++) expect(out.gradInput!.data[i]).toBeCloseTo((out.output.data[i] - v.target.data[i]) / 3, 14);
  });

  it('Δ₂ = (W₃ᵀ·Δ₃) ⊙ a₂ ⊙ (1 − a₂), with the numbers filled in', () => {
    const s = stepperFor(xorRequest([7]));
    s.optimizerStep();
    const v = s.view();
    const fc3 = node(v, 'fc3');
    const a2 = node(v, 'sig2').output.data;
    const W3 = fc3.params[0].value;
    const d3 = fc3.gradOutput!.data[0];
    const d2 = node(v, 'fc2').gradOutput!.data;
    for (let k = 0; k < 32; k++) expect(Math.abs(d2[k] - W3[k] * d3 * a2[k] * (1 - a2[k]))).toBeLessThanOrEqual(1e-15);
    const w = explain(v, { kind: 'gradOutput', nodeId: 'fc2' as never, index: 5 })!;
    expect(w.title).toContain('Δ₂');
    expect(w.formula).toBe('Δ₂ = (W₃ᵀ·Δ₃) ⊙ a₂ ⊙ (1 − a₂)');
    expect(w.filled).toContain(formatWhyNumber(a2[5]));
    expect(w.filled.endsWith(`= ${formatWhyNumber(d2[5])}`)).toBe(true);
  });

  it('∂L/∂W = Δᵀ·x, summed over the batch', () => {
    const s = stepperFor(xorRequest([2, 9]));
    s.stepBackward();
    while (s.stepBackward());
    const v = s.view();
    const fc1 = node(v, 'fc1');
    const x = fc1.input.data;
    const d = fc1.gradOutput!.data;
    const g = fc1.params[0].grad!;
    for (let o = 0; o < 32; o++) for (let k = 0; k < 2; k++) expect(g[o * 2 + k]).toBeCloseTo(d[o] * x[k] + d[32 + o] * x[2 + k], 14);
    const w = explain(v, { kind: 'grad', nodeId: fc1.nodeId, param: 'weight', index: 3 })!;
    expect(w.formula).toContain('Δ₁ᵀ·x');
    expect(w.notes.join(' ')).toContain('2 samples');
  });

  it('SGD: the update of every weight is −lr × its gradient', () => {
    const s = stepperFor(xorRequest([4]));
    s.optimizerStep();
    const o = s.view().optimizer!;
    expect(o.lr).toBe(0.05);
    for (const p of o.params) {
      for (let i = 0; i < p.update.length; i++) {
        expect(Math.abs(p.update[i] - -o.lr * p.grad[i])).toBeLessThanOrEqual(EXACT_TOL);
        expect(p.after[i]).toBe(p.before[i] - o.lr * p.grad[i]);
      }
    }
    const w = explain(s.view(), { kind: 'update', nodeId: o.params[0].nodeId, param: 'weight', index: 0 })!;
    expect(w.formula).toBe('update = −lr·g   (lr = 0.05)');
    // A weight's own why gives its value, its gradient and its change.
    const weight = explain(s.view(), { kind: 'param', nodeId: o.params[0].nodeId, param: 'weight', index: 0 })!;
    expect(weight.value).toBe(o.params[0].before[0]);
    expect(weight.notes.join(' ')).toContain(`Its gradient ∂L/∂W₁[0,0] = ${formatWhyNumber(o.params[0].grad[0])}`);
    expect(weight.notes.join(' ')).toContain(`changed it by ${formatWhyNumber(o.params[0].update[0])}`);
    expect(w.filled.startsWith(`−0.05·`)).toBe(true);
  });

  it("Adam's first step: m̂ = g and v̂ = g² (bias correction), t = 1, and the update is −lr·m̂/(√v̂ + ε)", () => {
    const s = stepperFor(xorRequest([4], { type: 'Adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 }));
    s.optimizerStep();
    const o = s.view().optimizer!;
    expect(o.t).toBe(1);
    expect(o.biasCorrection!.c1).toBeCloseTo(0.1, 15);
    const p = o.params[0];
    for (let i = 0; i < p.grad.length; i++) {
      expect(p.state.mHat[i]).toBeCloseTo(p.grad[i], 14);
      expect(p.state.vHat[i]).toBeCloseTo(p.grad[i] * p.grad[i], 14);
      expect(p.update[i]).toBeCloseTo((-0.01 * p.state.mHat[i]) / (Math.sqrt(p.state.vHat[i]) + 1e-8), 14);
    }
    s.optimizerStep();
    expect(s.view().optimizer!.t).toBe(2);
    const w = explain(s.view(), { kind: 'state', nodeId: p.nodeId, param: 'weight', state: 'mHat', index: 0 })!;
    expect(w.formula).toContain('(t = 2)');
  });

  it('Momentum carries its velocity into the next step: v = μ·v_prev + g', () => {
    const s = stepperFor(xorRequest([4], { type: 'Momentum', lr: 0.1, momentum: 0.9 }));
    s.optimizerStep();
    const v1 = Float64Array.from(s.view().optimizer!.params[0].state.velocity);
    s.optimizerStep();
    const p = s.view().optimizer!.params[0];
    expect(Array.from(p.stateBefore.velocity)).toEqual(Array.from(v1));
    for (let i = 0; i < p.grad.length; i++) expect(p.state.velocity[i]).toBeCloseTo(0.9 * v1[i] + p.grad[i], 14);
  });

  for (const [name, optimizer] of [
    ['SGD', undefined],
    ['RMSProp', { type: 'RMSProp', lr: 0.01, alpha: 0.99, eps: 1e-8 }],
    ['Adam', { type: 'Adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 }],
  ] as const) {
    it(`every number shown (${name}) has a why whose value is that number and whose filled text ends in it`, () => {
      const s = stepperFor(xorRequest([1, 12], optimizer as OptimizerSettings | undefined));
      s.optimizerStep();
      const v = s.view();
      const refs = allRefs(v);
      expect(refs.length).toBeGreaterThan(3000);
      for (const ref of refs) {
        const w = explain(v, ref);
        expect(w, JSON.stringify(ref)).not.toBeNull();
        expect(Object.is(w!.value, shownValue(v, ref)), JSON.stringify(ref)).toBe(true);
        expect(w!.filled.endsWith(`= ${formatWhyNumber(w!.value)}`)).toBe(true);
        expect(w!.formula.length).toBeGreaterThan(3);
      }
    });
  }
});

describe('the step-through of other layer kinds', () => {
  const other = (links: Parameters<typeof chainSpec>[0], dataset: InspectRequest['dataset'], loss: 'bce' | 'mse' | 'crossEntropy'): InspectRequest => {
    const p = xorProject();
    return { spec: chainSpec(links), dataset, settings: { ...p.training, loss, clipNorm: 0.01 }, weights: null, samples: [0, 3] };
  };

  it('tanh, ReLU, LeakyReLU, Identity, Softmax + cross-entropy and mse: every number has a matching why; clipping is explained', () => {
    const spiral: InspectRequest['dataset'] = { kind: 'generator', generator: 'spiral', params: { n: 30, classes: 3 }, seed: 2 };
    const reqs = [
      other([['Linear', { outFeatures: 4 }], ['Tanh'], ['Linear', { outFeatures: 3 }], ['ReLU'], ['Linear', { outFeatures: 3 }], ['Softmax']], spiral, 'crossEntropy'),
      other([['Linear', { outFeatures: 3 }], ['LeakyReLU', { negativeSlope: 0.1 }], ['Linear', { outFeatures: 3 }], ['Identity']], spiral, 'mse'),
    ];
    for (const req of reqs) {
      const s = stepperFor(req);
      s.optimizerStep();
      const v = s.view();
      expect(v.optimizer!.clip!.maxNorm).toBe(0.01);
      expect(v.optimizer!.clip!.scale).toBeLessThan(1);
      for (const ref of allRefs(v)) {
        const w = explain(v, ref);
        expect(w, JSON.stringify(ref)).not.toBeNull();
        expect(Object.is(w!.value, shownValue(v, ref))).toBe(true);
      }
      const g = explain(v, { kind: 'grad', nodeId: v.nodes[0].nodeId, param: 'weight', index: 0 })!;
      expect(g.notes.join(' ')).toContain('Clipping');
    }
  });

  it('Conv1d + Flatten on the waves data: every number has a matching why', () => {
    const waves: InspectRequest['dataset'] = { kind: 'generator', generator: 'waves', params: { n: 12, length: 16 }, seed: 1 };
    const req = other([['Conv1d', { outChannels: 2, kernelSize: 3, padding: 1 }], ['Tanh'], ['Flatten'], ['Linear', { outFeatures: 3 }], ['Softmax']], waves, 'crossEntropy');
    const s = stepperFor(req);
    s.optimizerStep();
    const v = s.view();
    for (const ref of allRefs(v)) {
      const w = explain(v, ref);
      expect(w, JSON.stringify(ref)).not.toBeNull();
      expect(Object.is(w!.value, shownValue(v, ref))).toBe(true);
    }
  });
});

describe('createInspector refuses what it cannot step through, as values', () => {
  it('names a sample that does not exist and a batch that is too large', () => {
    const r1 = createInspector(xorRequest([21]));
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.problems[0].message).toBe('Sample 21 does not exist: the dataset has samples 0 to 20.');
    const r2 = createInspector(xorRequest(Array.from({ length: MAX_INSPECT_SAMPLES + 1 }, (_, i) => i)));
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.problems[0].message).toContain(`1 to ${MAX_INSPECT_SAMPLES}`);
  });

  it('names the node of an invalid graph and weights that do not fit', () => {
    const p = xorProject();
    const broken = createInspector({ ...xorRequest([0]), spec: chainSpec([['Linear', { outFeatures: 0 }]]) });
    expect(broken.ok).toBe(false);
    const badWeights = createInspector({ ...xorRequest([0]), weights: { fc1: { weight: { shape: [1, 2], data: [0, 0] } } } });
    expect(badWeights.ok).toBe(false);
    if (!badWeights.ok) expect(badWeights.problems.some((q) => 'nodeId' in q && q.nodeId === 'fc1')).toBe(true);
    expect(p.training.optimizer.type).toBe('SGD');
  });

  it('starts from the same initial weights a training run of the project starts from', async () => {
    const { createTrainingSession } = await import('../../../core/index');
    const req = xorRequest([0]);
    const session = createTrainingSession({ spec: req.spec, dataset: req.dataset, settings: req.settings, initialWeights: null }, { now: () => 0 });
    if (!session.ok) throw new Error('no session');
    const w = session.session.weights();
    const s = stepperFor(req);
    s.stepForward();
    expect(Array.from(node(s.view(), 'fc1').params[0].value)).toEqual(w.fc1.weight.data);
    expect(Array.from(node(s.view(), 'fc3').params[1].value)).toEqual(w.fc3.bias.data);
  });
});
