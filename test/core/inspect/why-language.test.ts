// The Backprop tab's explanations and the block kinds' own words in Traditional Chinese leave no
// English word behind: every explanation of every number of graphs that use every block kind, and
// every description, label and help text, rendered in zh-TW, holds only symbols, block kinds,
// formula names and the blocks' own ids as Latin words (docs/glossary.zh-TW.md).
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../../core/graph/spec';
import { compileModel } from '../../../core/graph/validate';
import { createStepper, explain } from '../../../core/inspect/index';
import type { StepperView, ValueRef } from '../../../core/inspect/types';
import { wordsIn, type Words } from '../../../core/messages/words';
import { blockOf, JOINS, NODE_TYPES } from '../../../core/blocks/index';
import { render, say } from '../../../core/messages/text';
import { Network } from '../../../core/train/network';
import type { LossName, OptimizerSettings, TensorJson } from '../../../core/train/types';
import { DEFAULT_VECTORS_DIR, loadVectorFiles } from '../../helpers/reference';

interface RefGraphCase {
  name: string;
  nodes: { id: string; type: string; params: Record<string, number | boolean>; weights?: Record<string, TensorJson> }[];
  edges: { source: string; target: string }[];
  loss: LossName;
  input: TensorJson;
  target: TensorJson;
}

const cases = loadVectorFiles(DEFAULT_VECTORS_DIR).find((f) => f.file === 'graphs.json')!.cases as unknown as RefGraphCase[];

// Latin words a Chinese explanation may keep: the names inside formulas, which read the same in
// both languages (glossary: symbols and formulas are identical), and names such as PyTorch's.
const FORMULA_WORDS = new Set(['xW', 'log', 'softplus', 'logsumexp', 'tanh', 'max', 'prev', 'update', 'lr', 'col2im', 'pad', 'PyTorch']);
const KINDS = new Set<string>([...NODE_TYPES, 'SGD', 'Momentum', 'RMSProp', 'Adam']);

/** The Latin words of `text` that are none of the allowed names (acronyms such as BCE are allowed too). */
function englishWords(text: string, ids: ReadonlySet<string>): string[] {
  return (text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => /[A-Za-z].*[A-Za-z]/.test(w) && !KINDS.has(w) && !FORMULA_WORDS.has(w) && !ids.has(w) && !/^[A-Z]{2,}$/.test(w));
}

function refsOf(v: StepperView): ValueRef[] {
  const refs: ValueRef[] = [{ kind: 'loss' }, ...Array.from(v.target.data, (_, index): ValueRef => ({ kind: 'target', index }))];
  for (const n of v.nodes) {
    for (const kind of ['input', 'output', 'gradOutput', 'gradInput'] as const) {
      const m = n[kind];
      if (m) for (let i = 0; i < m.data.length; i++) refs.push({ kind, nodeId: n.nodeId, index: i });
    }
    for (const p of n.params) for (let i = 0; i < p.value.length; i++) refs.push({ kind: 'param', nodeId: n.nodeId, param: p.name, index: i }, { kind: 'grad', nodeId: n.nodeId, param: p.name, index: i });
  }
  for (const s of v.optimizer?.params ?? []) {
    for (let i = 0; i < s.before.length; i++) {
      refs.push({ kind: 'update', nodeId: s.nodeId, param: s.name, index: i }, { kind: 'after', nodeId: s.nodeId, param: s.name, index: i });
      for (const state of Object.keys(s.state)) refs.push({ kind: 'state', nodeId: s.nodeId, param: s.name, state, index: i });
    }
  }
  return refs;
}

/** Every piece of every explanation of a reference graph after one optimizer step, with the graph's ids. */
function explanations(c: RefGraphCase, optimizer: OptimizerSettings): { pieces: Words[]; ids: Set<string> } {
  const spec = { nodes: c.nodes.map((n) => ({ id: n.id, type: n.type, params: n.params })), edges: c.edges } as unknown as ModelSpec;
  const compiled = compileModel(spec, c.input.shape.slice(1));
  if (!compiled.ok) throw new Error(compiled.problems[0].message);
  const net = new Network(compiled.model);
  // A tiny clip norm so the clipping note is among the explanations.
  const s = createStepper(net, { loss: c.loss, optimizer, clipNorm: 1e-6, x: Float64Array.from(c.input.data), target: Float64Array.from(c.target.data), n: c.input.shape[0] });
  s.optimizerStep();
  const v = s.view();
  const pieces: Words[] = [];
  for (const ref of refsOf(v)) {
    const w = explain(v, ref);
    if (w) pieces.push(w.says.title, w.says.formula, w.says.filled, ...w.says.notes);
  }
  return { pieces, ids: new Set(c.nodes.map((n) => n.id)) };
}

const OPTIMIZERS: OptimizerSettings[] = [
  { type: 'SGD', lr: 0.1 },
  { type: 'Momentum', lr: 0.1, momentum: 0.9 },
  { type: 'RMSProp', lr: 0.01, alpha: 0.99, eps: 1e-8 },
  { type: 'Adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
] as OptimizerSettings[];

describe('the Backprop tab’s explanations in Traditional Chinese', () => {
  it('the check finds English words and lets symbols, kinds and ids through', () => {
    expect(englishWords('the sum of its inputs (‘fc1’)', new Set(['fc1']))).toEqual(['the', 'sum', 'of', 'its', 'inputs']);
    expect(englishWords('Linear 方塊「fc1」：z₁ = x·W₁ᵀ + b₁；BCE、softplus(z) − y·z、v_prev', new Set(['fc1']))).toEqual([]);
  });

  it('cover every block kind', () => {
    const kinds = new Set(cases.flatMap((c) => c.nodes.map((n) => n.type)));
    expect([...NODE_TYPES].filter((t) => !kinds.has(t))).toEqual([]);
  });

  it('the joins’ notes on how their Δ reaches their inputs', () => {
    for (const join of Object.values(JOINS)) {
      const note = join.gradNote(['a1', 'b2', 'c3']);
      expect(englishWords(wordsIn(note, 'zh-TW'), new Set(['a1', 'b2', 'c3']))).toEqual([]);
      expect(englishWords(wordsIn(note, 'en'), new Set()).length).toBeGreaterThan(0);
    }
  });

  it('every block kind’s description and its params’ label, help, usual value and limit', () => {
    const keys = NODE_TYPES.flatMap((t) => [blockOf(t).description, ...blockOf(t).params.flatMap((p) => [p.label, p.help, ...(p.kind === 'boolean' ? [] : [p.usual, p.limitWhy])])]).filter((k) => k !== undefined);
    expect(keys.length).toBeGreaterThan(NODE_TYPES.length);
    const left = keys.flatMap((key) => englishWords(render(say(key), 'zh-TW'), new Set()).map((w) => `${key}: ${w}`));
    expect(left).toEqual([]);
    // The English words are really there to be found, and none of these is a bare key.
    expect(keys.every((key) => render(say(key), 'en') !== key)).toBe(true);
    expect(keys.filter((key) => englishWords(render(say(key), 'en'), new Set()).length > 0).length).toBeGreaterThan(NODE_TYPES.length);
  });

  for (const c of cases) {
    it(`${c.name}: no English word is left in zh-TW, while the English rendering has them`, () => {
      for (const optimizer of OPTIMIZERS) {
        const { pieces, ids } = explanations(c, optimizer);
        const left = new Set(pieces.flatMap((p) => englishWords(wordsIn(p, 'zh-TW'), ids)));
        expect([...left], optimizer.type).toEqual([]);
        // Not vacuous: the same explanations in English are full of words the check finds.
        expect(pieces.some((p) => englishWords(wordsIn(p, 'en'), ids).length > 0)).toBe(true);
      }
    });
  }
});
