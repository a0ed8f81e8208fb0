import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_TYPES, BLOCKS, LANGUAGES, NODE_TYPES, PARAM_KEYS, compileModel, isValidText, nodeId, render, say, type GraphProblem, type NodeType } from '../../../core/index';
import { SWEEP_ACTIVATIONS } from '../../../core/sweep/types';
import { paramTableRows } from '../../../core/blocks/docs';
import { readNodeParams } from '../../../core/graph/node-params';

const id = nodeId('n');
const defaults = (t: NodeType) => Object.fromEntries(BLOCKS[t].params.map((p) => [p.key, p.default]));

describe('block definitions', () => {
  it('define every node type once, keyed by its own type', () => {
    expect(Object.keys(BLOCKS)).toEqual([...NODE_TYPES]);
    for (const t of NODE_TYPES) expect(BLOCKS[t].type).toBe(t);
  });

  it('are listed by the place each definition gives, no two at one place', () => {
    const orders = NODE_TYPES.map((t) => BLOCKS[t].order);
    expect(new Set(orders).size).toBe(orders.length);
    expect([...orders].sort((a, b) => a - b)).toEqual(orders);
    expect(NODE_TYPES).toEqual(['Input', 'Linear', 'Conv1d', 'Flatten', 'Sigmoid', 'Tanh', 'ReLU', 'LeakyReLU', 'Identity', 'Softmax', 'Add', 'Concat']);
  });

  it('put their words in the catalogs under blocks.<type>, the keys the app and the messages say', () => {
    for (const t of NODE_TYPES) {
      const { description, params } = BLOCKS[t];
      expect(description).toBe(`blocks.${t}.description`);
      const keys = [description, ...params.flatMap((p) => [p.label, p.help, ...('usual' in p && p.usual ? [p.usual] : []), ...('limitWhy' in p && p.limitWhy ? [p.limitWhy] : [])])];
      for (const key of keys) expect(isValidText({ key }), key).toBe(true);
      for (const language of LANGUAGES) for (const key of keys) expect(render(say(key), language), `${language} ${key}`).not.toBe(key);
    }
    expect(BLOCKS.Linear.params[0]).toMatchObject({ label: 'blocks.Linear.outFeatures.label', help: 'blocks.Linear.outFeatures.help', limitWhy: 'blocks.limit.units' });
    expect(render(say('blocks.Linear.outFeatures.label'), 'zh-TW')).toBe('輸出特徵數');
    expect(BLOCKS.LeakyReLU.params[0]).toMatchObject({ usual: 'blocks.LeakyReLU.negativeSlope.usual' });
    expect(render(say('blocks.LeakyReLU.negativeSlope.usual'))).toBe('0.01 is usual; 0 makes it a ReLU, 1 an Identity');
  });

  it('give the params a file may hold, in file order', () => {
    for (const t of NODE_TYPES) expect(PARAM_KEYS[t]).toEqual(BLOCKS[t].params.map((p) => p.key));
    expect(PARAM_KEYS.Conv1d).toEqual(['outChannels', 'kernelSize', 'stride', 'padding']);
  });

  it('have defaults the engine reads back unchanged, without a problem', () => {
    for (const t of NODE_TYPES) {
      const problems: GraphProblem[] = [];
      expect(readNodeParams(id, t, defaults(t), problems)).toEqual({ type: t, ...defaults(t) });
      expect(problems).toEqual([]);
    }
  });

  it('fill an optional param left out with its default and refuse a missing needed one, naming the node', () => {
    const problems: GraphProblem[] = [];
    expect(readNodeParams(id, 'Conv1d', { outChannels: 4 }, problems)).toEqual({ type: 'Conv1d', outChannels: 4, kernelSize: null, stride: 1, padding: 0 });
    expect(problems).toHaveLength(1);
    expect(problems[0].nodeId).toBe('n');
    expect(problems[0].message).toMatch(/kernelSize is not set: enter a whole number from 1 to 4096/);
  });

  it('check values against the limits in the schema', () => {
    const problems: GraphProblem[] = [];
    expect(readNodeParams(id, 'LeakyReLU', { negativeSlope: 1.5 }, problems)).toEqual({ type: 'LeakyReLU', negativeSlope: null });
    expect(problems[0].message).toMatch(/negativeSlope is 1.5: use a number from 0 to 1 \(0.01 is usual/);
    readNodeParams(id, 'Linear', { outFeatures: 2.5, bias: 'yes' }, problems);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/negativeSlope/),
      expect.stringMatching(/outFeatures is 2.5, not a whole number/),
      expect.stringMatching(/bias is "yes": it must be on \(true\) or off \(false\)/),
    ]);
  });

  it('build every layer kind through its definition (a one-layer network per kind compiles and runs its factory)', () => {
    for (const t of NODE_TYPES.filter((k) => BLOCKS[k].role !== 'input' && BLOCKS[k].role !== 'join')) {
      const spec = {
        nodes: [
          { id: nodeId('in'), type: 'Input' as const, params: {} },
          { id, type: t, params: defaults(t) },
        ],
        edges: [{ source: nodeId('in'), target: id }],
      } as Parameters<typeof compileModel>[0];
      const r = compileModel(spec, t === 'Conv1d' || t === 'Flatten' ? [1, 16] : [4]);
      expect(r.ok, t).toBe(true);
      if (r.ok) expect(BLOCKS[t].create?.(r.model.layers[0] as never, r.model.inputShape).type).toBe(t);
    }
  });

  it('derive the activations (what a sweep may swap) from their role', () => {
    expect(ACTIVATION_TYPES).toEqual(['Sigmoid', 'Tanh', 'ReLU', 'LeakyReLU', 'Identity']);
    expect(SWEEP_ACTIVATIONS).toEqual(ACTIVATION_TYPES);
  });

  it('are what docs/format.md lists in its params table', () => {
    const doc = readFileSync(new URL('../../../docs/format.md', import.meta.url), 'utf8');
    for (const row of paramTableRows()) expect(doc).toContain(row);
  });

  it('carry the Backprop tab\'s text for exactly the element-wise kinds', () => {
    for (const t of NODE_TYPES) expect('why' in BLOCKS[t], t).toBe(BLOCKS[t].role === 'activation');
    const relu = BLOCKS.ReLU.why!;
    expect(relu.derivative('a₁', 'z₁', -0.5, 0, 0)).toEqual({ formula: '[z₁ > 0]', filled: '0' });
    expect(relu.blockedNote?.('z₁', -0.5)).toMatch(/z₁ = -0.5 ≤ 0: ReLU passes no gradient/);
    expect(relu.blockedNote?.('z₁', 2)).toBeNull();
    expect(BLOCKS.Identity.why!.derivative('a₁', 'z₁', 3, 3, 0)).toBeNull();
    expect(BLOCKS.LeakyReLU.why!.derivative('a₁', 'z₁', -1, -0.01, 0.01)).toEqual({ formula: '(1 if z₁ > 0, else α)', filled: '0.01' });
  });

  it('scale exactly the bounded outputs onto [-1, 1] for the neuron views (Sigmoid and Softmax from [0, 1], Tanh as it is)', () => {
    const scaled = NODE_TYPES.filter((t) => (BLOCKS[t] as { unitScale?: unknown }).unitScale !== undefined);
    expect(scaled).toEqual(['Sigmoid', 'Tanh', 'Softmax']);
    for (const t of ['Sigmoid', 'Softmax'] as const) expect([0, 0.5, 1].map((v) => BLOCKS[t].unitScale!(v))).toEqual([-1, 0, 1]);
    expect([-1, 0.25, 1].map((v) => BLOCKS.Tanh.unitScale!(v))).toEqual([-1, 0.25, 1]);
  });
});
