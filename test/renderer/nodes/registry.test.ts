import { describe, expect, it } from 'vitest';
import { NODE_TYPES, compileModel, nodeId } from '../../../core/index';
import { checkParam, checkParams, defaultParams, nodeDefinitions, paletteGroups } from '../../../renderer/nodes/registry';
import type { NumberParam } from '../../../renderer/nodes/types';

describe('node registry', () => {
  it('has a definition for every NodeType, keyed by its own type', () => {
    for (const t of NODE_TYPES) {
      expect(nodeDefinitions[t]).toBeDefined();
      expect(nodeDefinitions[t].type).toBe(t);
    }
    expect(Object.keys(nodeDefinitions).sort()).toEqual([...NODE_TYPES].sort());
  });

  it('places every kind in exactly one palette group, as the issue groups them', () => {
    const groups = paletteGroups();
    const all = groups.flatMap((g) => g.kinds.map((k) => k.type));
    expect(all.sort()).toEqual([...NODE_TYPES].sort());
    const byName = Object.fromEntries(groups.map((g) => [g.category, g.kinds.map((k) => k.type)]));
    expect(byName.Layers).toEqual(['Linear', 'Conv1d', 'Flatten', 'Add', 'Concat']);
    expect(byName.Activations).toEqual(['Sigmoid', 'Tanh', 'ReLU', 'LeakyReLU', 'Identity']);
    expect(byName['Input/Output']).toEqual(['Input', 'Softmax']);
  });

  it('has defaults that pass its own schema', () => {
    for (const t of NODE_TYPES) expect(checkParams(t, defaultParams(t))).toEqual({});
  });

  it('has defaults the engine accepts (no bad-param problem)', () => {
    for (const t of NODE_TYPES) {
      const spec = {
        nodes: [
          { id: nodeId('in'), type: 'Input' as const, params: {} },
          ...(t === 'Input' ? [] : [{ id: nodeId('n'), type: t, params: defaultParams(t) }]),
        ],
        edges: t === 'Input' ? [] : [{ source: nodeId('in'), target: nodeId('n') }],
      } as Parameters<typeof compileModel>[0];
      const inputShape = t === 'Conv1d' ? [1, 32] : [4];
      const r = compileModel(spec, inputShape);
      const problems = r.ok ? [] : r.problems;
      expect(problems.filter((p) => p.code === 'bad-param')).toEqual([]);
    }
  });

  it('every param has a label, help text and sane bounds', () => {
    for (const t of NODE_TYPES) {
      for (const p of nodeDefinitions[t].params) {
        expect(p.label.length).toBeGreaterThan(0);
        expect(p.help.length).toBeGreaterThan(10);
        if (p.kind !== 'boolean') expect(p.min).toBeLessThanOrEqual(p.max);
      }
    }
  });

  const units = nodeDefinitions.Linear.params[0] as NumberParam;

  it('refuses a non-number, a fraction and out-of-range values with a message naming the field', () => {
    for (const bad of ['abc', '', '1.5', '0', '-3', '1e9', '0x10', 'Infinity']) {
      const r = checkParam(units, bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/Output features|not a number/);
    }
  });

  it('accepts in-range values, also in exponent notation', () => {
    expect(checkParam(units, ' 64 ')).toEqual({ ok: true, value: 64 });
    expect(checkParam(units, '1e2')).toEqual({ ok: true, value: 100 });
    const slope = nodeDefinitions.LeakyReLU.params[0];
    expect(checkParam(slope, '0.2')).toEqual({ ok: true, value: 0.2 });
    expect(checkParam(slope, '1.5').ok).toBe(false);
  });

  it('summarises key params for the node face', () => {
    expect(nodeDefinitions.Linear.summary({ outFeatures: 32 })).toBe('32 units');
    expect(nodeDefinitions.Linear.summary({ outFeatures: 1 })).toBe('1 unit');
    expect(nodeDefinitions.Conv1d.summary({ outChannels: 8, kernelSize: 5, stride: 1, padding: 2 })).toBe('8 ch, k=5 s=1 p=2');
  });
});
