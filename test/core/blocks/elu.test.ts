import { describe, expect, it } from 'vitest';
import { compileModel, nodeId, type ModelSpec } from '../../../core/index';
import { Elu } from '../../../core/blocks/elu';

describe('ELU', () => {
  it('gives x above zero and α·(eˣ − 1) below, with the matching gradient', () => {
    const layer = new Elu(nodeId('e'), [3], 0.5);
    expect(Array.from(layer.forward(Float64Array.from([-1, 0, 2]), 1))).toEqual([0.5 * (Math.exp(-1) - 1), 0, 2]);
    expect(Array.from(layer.backward(Float64Array.from([1, 1, 1]), 1))).toEqual([0.5 * Math.exp(-1), 0.5, 1]);
  });

  it('reads its alpha from the spec, its default when left out', () => {
    const spec = { nodes: [{ id: 'in', type: 'Input', params: {} }, { id: 'e', type: 'ELU', params: {} }], edges: [{ source: 'in', target: 'e' }] } as unknown as ModelSpec;
    const r = compileModel(spec, [2]);
    expect(r.ok && r.model.layers[0]).toEqual({ nodeId: 'e', type: 'ELU', alpha: 1 });
  });
});
