// Property tests for shape inference: random valid chains against the closed formulas,
// and random junk that must always come back as a value, never an exception.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileModel, conv1dOutLength, type ModelSpec } from '../../../core/index';
import { chain, type NodeDef } from './chain';

const ACTIVATIONS = ['Sigmoid', 'Tanh', 'ReLU', 'LeakyReLU', 'Identity'] as const;

type Step =
  | { kind: 'conv'; outChannels: number; kernelSize: number; stride: number; padding: number }
  | { kind: 'linear'; outFeatures: number; bias: boolean }
  | { kind: 'act'; type: (typeof ACTIVATIONS)[number] };

const convStep = fc.record({
  kind: fc.constant('conv' as const),
  outChannels: fc.integer({ min: 1, max: 6 }),
  kernelSize: fc.integer({ min: 1, max: 7 }),
  stride: fc.integer({ min: 1, max: 3 }),
  padding: fc.integer({ min: 0, max: 3 }),
});
const linearStep = fc.record({ kind: fc.constant('linear' as const), outFeatures: fc.integer({ min: 1, max: 40 }), bias: fc.boolean() });
const actStep = fc.record({ kind: fc.constant('act' as const), type: fc.constantFrom(...ACTIVATIONS) });

/** Expected shapes and parameter counts from the closed formulas, or null when the chain is invalid. */
function expected(input: number[], convs: Step[], dense: Step[]): { shapes: number[][]; params: number[] } | null {
  const shapes: number[][] = [];
  const params: number[] = [];
  let shape = input;
  for (const s of convs) {
    if (s.kind === 'conv') {
      const [c, l] = shape;
      if (s.kernelSize > l + 2 * s.padding) return null;
      shape = [s.outChannels, Math.floor((l + 2 * s.padding - s.kernelSize) / s.stride) + 1];
      params.push(s.outChannels * c * s.kernelSize + s.outChannels);
    } else params.push(0);
    shapes.push(shape);
  }
  if (shape.length === 2) {
    shape = [shape[0] * shape[1]];
    shapes.push(shape);
    params.push(0);
  }
  for (const s of dense) {
    if (s.kind === 'linear') {
      params.push(shape[0] * s.outFeatures + (s.bias ? s.outFeatures : 0));
      shape = [s.outFeatures];
    } else params.push(0);
    shapes.push(shape);
  }
  return { shapes, params };
}

function toDefs(steps: Step[], prefix: string): NodeDef[] {
  return steps.map((s, i): NodeDef => {
    const id = `${prefix}${i}`;
    if (s.kind === 'conv') return [id, 'Conv1d', { outChannels: s.outChannels, kernelSize: s.kernelSize, stride: s.stride, padding: s.padding }];
    if (s.kind === 'linear') return [id, 'Linear', { outFeatures: s.outFeatures, bias: s.bias }];
    return [id, s.type];
  });
}

describe('shape inference properties', () => {
  it('matches the closed formulas on random valid Conv1d/Flatten/Linear/activation chains', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.oneof(convStep, actStep), { maxLength: 4 }),
        fc.array(fc.oneof(linearStep, actStep), { minLength: 1, maxLength: 5 }),
        (signal, channels, length, convSteps, denseSteps) => {
          const input = signal ? [channels, length] : [length];
          const convs: Step[] = signal ? convSteps : [];
          const exp = expected(input, convs, denseSteps);
          const defs: NodeDef[] = [['in', 'Input'], ...toDefs(convs, 'c')];
          if (signal) defs.push(['flat', 'Flatten']);
          defs.push(...toDefs(denseSteps, 'd'));
          const r = compileModel(chain(...defs), input);
          if (exp === null) {
            expect(r.ok).toBe(false);
            if (!r.ok) expect(r.problems.map((p) => p.code)).toContain('kernel-too-long');
            return;
          }
          if (!r.ok) throw new Error(JSON.stringify(r.problems));
          expect(r.model.shapes.slice(1).map((s) => s.outputShape)).toEqual(exp.shapes);
          expect(r.model.shapes.slice(1).map((s) => s.paramCount)).toEqual(exp.params);
          expect(r.model.paramCount).toBe(exp.params.reduce((a, b) => a + b, 0));
          expect(r.model.outputShape).toEqual(exp.shapes[exp.shapes.length - 1]);
          // Each node's input is its predecessor's output: the chain is consistent.
          r.model.shapes.slice(1).forEach((s, i) => expect(s.inputShape).toEqual(r.model.shapes[i].outputShape));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('conv1dOutLength is the reference formula', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), (l, k, s, p) => {
        fc.pre(k <= l + 2 * p);
        const out = conv1dOutLength(l, k, s, p);
        // The last window starts inside the padded signal and one more stride would not fit.
        expect((out - 1) * s + k).toBeLessThanOrEqual(l + 2 * p);
        expect(out * s + k).toBeGreaterThan(l + 2 * p);
      }),
    );
  });

  // Keys junk JSON might carry that break naive code (String(x) calls x.toString).
  const nastyKey = fc.oneof(fc.string(), fc.constantFrom('toString', 'valueOf', '__proto__', 'constructor', 'length', 'id', 'type', 'params'));
  const anything = fc.anything({ key: nastyKey, withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true });
  const junk = fc.oneof(
    anything,
    fc.record({
      nodes: fc.array(
        fc.record({
          id: fc.oneof(fc.constantFrom('in', 'a', 'b', 'c', ''), fc.anything()),
          type: fc.oneof(fc.constantFrom('Input', 'Linear', 'Conv1d', 'Flatten', 'Softmax', 'LeakyReLU', 'Nope'), fc.anything()),
          params: fc.oneof(
            fc.anything(),
            fc.record({ outFeatures: fc.oneof(fc.integer(), fc.double(), fc.anything()), kernelSize: fc.oneof(fc.integer({ min: -2, max: 10 }), fc.anything()) }),
          ),
        }),
        { maxLength: 8 },
      ),
      edges: fc.array(fc.record({ source: fc.oneof(fc.constantFrom('in', 'a', 'b', 'c'), fc.anything()), target: fc.oneof(fc.constantFrom('in', 'a', 'b', 'c'), fc.anything()) }), { maxLength: 8 }),
    }),
  );

  it('never throws on junk specs or shapes and always returns a model or problems', () => {
    fc.assert(
      fc.property(junk, fc.oneof(fc.constant([2]), fc.constant([1, 8]), anything, fc.array(anything, { maxLength: 3 })), (spec, shape) => {
        const r = compileModel(spec as ModelSpec, shape as number[]);
        if (r.ok) {
          expect(r.model.layers.length).toBeGreaterThan(0);
        } else {
          expect(r.problems.length).toBeGreaterThan(0);
          // Caught exceptions become a 'This is a bug' problem: none may happen.
          for (const p of r.problems) expect(p.message).not.toMatch(/This is a bug/);
          expect(Array.isArray(r.shapes)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accepts every valid chain whatever order its nodes are listed in', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(linearStep, actStep), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 1000 }), (steps, seed) => {
        const spec: ModelSpec = chain(['in', 'Input'], ...toDefs(steps, 'd'));
        const shuffled = { nodes: [...spec.nodes].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 17 + seed) % 5)), edges: [...spec.edges].reverse() };
        const a = compileModel(spec, [3]);
        const b = compileModel(shuffled, [3]);
        expect(a.ok && b.ok).toBe(true);
        if (a.ok && b.ok) expect(b.model.layers).toEqual(a.model.layers);
      }),
    );
  });
});
