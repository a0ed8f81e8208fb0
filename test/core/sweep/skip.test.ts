// Skip vs no skip: examples/residual-spiral.bpnn against the same network without its Add.
import { describe, expect, it } from 'vitest';
import { compileModel, datasetInputShape, expandSweep, parseSweepSetting, parseSweepValue, skipAddIds, SWEEP_PRESETS, sweepValueLabel, withoutSkips, type ModelSpec } from '../../../core/index';
import { baseOf, example, trainToEnd } from './fixtures';

const pairs = (spec: ModelSpec): string[] => spec.edges.map((e) => `${e.source}>${e.target}`);

describe('the skip sweep', () => {
  const base = baseOf(example('residual-spiral'));

  it('finds the Add that closes the skip, and the plain network wires tanh2 straight to fc3', () => {
    expect(skipAddIds(base.spec)).toEqual(['add']);
    const plain = withoutSkips(base.spec, ['add']);
    expect(plain.nodes.map((n) => n.id)).not.toContain('add');
    expect(pairs(plain)).toEqual(['input>fc1', 'fc1>tanh1', 'tanh1>fc2', 'fc2>tanh2', 'tanh2>fc3', 'fc3>softmax']);
    const compiled = compileModel(plain, datasetInputShape(base.dataset));
    expect(compiled.ok).toBe(true);
  });

  it('an Add of two parallel branches is no skip, and a chain has none', () => {
    const parallel: ModelSpec = {
      nodes: [
        { id: 'in', type: 'Input', params: {} },
        { id: 'a', type: 'Linear', params: { outFeatures: 4 } },
        { id: 'b', type: 'Linear', params: { outFeatures: 4 } },
        { id: 'sum', type: 'Add', params: {} },
      ] as ModelSpec['nodes'],
      edges: [
        { source: 'in', target: 'a' },
        { source: 'in', target: 'b' },
        { source: 'a', target: 'sum' },
        { source: 'b', target: 'sum' },
      ] as ModelSpec['edges'],
    };
    expect(skipAddIds(parallel)).toEqual([]);
    const r = expandSweep(baseOf(example('xor')), { setting: 'skip', values: [...SWEEP_PRESETS.skip] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/no skip connection/);
  });

  it('reads the setting and its values as typed, and labels them', () => {
    expect(['skip', 'skip-connection', 'residual'].map(parseSweepSetting)).toEqual(['skip', 'skip', 'skip']);
    expect(['with', 'Residual', 'off', 'plain'].map((v) => parseSweepValue('skip', v)).map((r) => (r.ok ? r.text : null))).toEqual(['residual', 'residual', 'plain', 'plain']);
    expect(parseSweepValue('skip', 'maybe').ok).toBe(false);
    expect(SWEEP_PRESETS.skip.map((v) => sweepValueLabel('skip', v))).toEqual(['with', 'none']);
  });

  it('plans both runs from the same starting weights, and both train', () => {
    const short = { ...base, settings: { ...base.settings, epochs: 3 } };
    const r = expandSweep(short, { setting: 'skip', values: [...SWEEP_PRESETS.skip] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [residual, plain] = r.plan.runs;
    expect(r.plan.nodeIds).toEqual(['add']);
    expect(residual.request.spec).toEqual(base.spec);
    expect(plain.request.spec.nodes.some((n) => n.id === 'add')).toBe(false);
    expect(plain.request.initialWeights).toEqual(residual.request.initialWeights);
    for (const run of r.plan.runs) {
      const { result } = trainToEnd(run.request);
      expect(result.state).toBe('done');
      expect(result.accuracy).toBeGreaterThan(0.4);
    }
  });
});
