import { describe, expect, it } from 'vitest';
import { expandSweep, initialWeightsOf, rerunRequest, sharedNodeIds, type SweepPlan, type TrainRequest } from '../../../core/index';
import { baseOf, example } from './fixtures';

const xor = example('xor');
const base = baseOf(xor);

function planOf(setting: Parameters<typeof expandSweep>[1]['setting'], values: string[], nodeIds?: string[]): SweepPlan {
  const r = expandSweep(base, { setting, values, nodeIds });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  return r.plan;
}

/** Everything but the optimizer's lr, as JSON, to show that nothing else differs. */
const withoutLr = (req: TrainRequest) => JSON.stringify({ ...req, settings: { ...req.settings, optimizer: { ...req.settings.optimizer, lr: 0 } } });

function startWeights(req: TrainRequest) {
  const w = initialWeightsOf({ ...req, initialWeights: undefined });
  if (!w.ok) throw new Error('no weights');
  // What the session really starts from: the shared weights when given, else its own draw.
  return req.initialWeights ?? w.weights;
}

describe('expandSweep: everything but the one setting is held fixed', () => {
  it('a learning-rate sweep gives one request per value that differs only in optimizer.lr, with identical starting weights', () => {
    const plan = planOf('lr', ['0.0005', '0.005', '0.05', '0.5', '1']);
    expect(plan.runs.map((r) => r.request.settings.optimizer.lr)).toEqual([0.0005, 0.005, 0.05, 0.5, 1]);
    expect(plan.runs.map((r) => r.value)).toEqual(['0.0005', '0.005', '0.05', '0.5', '1']);
    const first = withoutLr(plan.runs[0].request);
    for (const run of plan.runs) expect(withoutLr(run.request)).toBe(first);
    const w0 = JSON.stringify(startWeights(plan.runs[0].request));
    for (const run of plan.runs) expect(JSON.stringify(startWeights(run.request))).toBe(w0);
  });

  it('an activation sweep swaps every hidden activation, keeps the output Sigmoid and starts every run from the same weights', () => {
    const plan = planOf('activation', ['Sigmoid', 'Identity', 'relu']);
    expect(plan.nodeIds).toEqual(['sig1', 'sig2']);
    const types = plan.runs.map((r) => r.request.spec.nodes.map((n) => n.type).join(' '));
    expect(types).toEqual([
      'Input Linear Sigmoid Linear Sigmoid Linear Sigmoid',
      'Input Linear Identity Linear Identity Linear Sigmoid',
      'Input Linear ReLU Linear ReLU Linear Sigmoid',
    ]);
    expect(plan.runs[1].label).toBe('Identity (no activation)');
    const baseWeights = initialWeightsOf(base);
    if (!baseWeights.ok) throw new Error('base');
    for (const run of plan.runs) {
      expect(run.request.initialWeights).toEqual(baseWeights.weights);
      expect(run.request.settings).toEqual(xor.training);
    }
  });

  it('a hidden-units sweep resizes every hidden Linear and re-initialises only the layers whose shape changed', () => {
    const plan = planOf('hidden', ['32', '1']);
    expect(plan.nodeIds).toEqual(['fc1', 'fc2']);
    expect(plan.settingKey).toBe('hidden');
    const baseWeights = initialWeightsOf(base);
    if (!baseWeights.ok) throw new Error('base');
    const [same, tiny] = plan.runs;
    expect(same.request.initialWeights).toEqual(baseWeights.weights);
    expect(sharedNodeIds(baseWeights.weights, same.request.initialWeights ?? {})).toEqual(['fc1', 'fc2', 'fc3']);
    expect(tiny.request.spec.nodes.filter((n) => n.type === 'Linear').map((n) => n.params.outFeatures)).toEqual([1, 1, 1]);
    expect(tiny.request.initialWeights?.fc1.weight.shape).toEqual([1, 2]);
    expect(sharedNodeIds(baseWeights.weights, tiny.request.initialWeights ?? {})).toEqual([]);
  });

  it('resizing only the selected hidden Linear keeps the first layer\'s starting weights bit for bit', () => {
    const plan = planOf('hidden', ['4'], ['fc2']);
    expect(plan.settingKey).toBe('hidden:fc2');
    const baseWeights = initialWeightsOf(base);
    if (!baseWeights.ok) throw new Error('base');
    const w = plan.runs[0].request.initialWeights ?? {};
    expect(w.fc1).toEqual(baseWeights.weights.fc1);
    expect(w.fc2.weight.shape).toEqual([4, 32]);
    expect(w.fc3.weight.shape).toEqual([1, 4]);
    expect(sharedNodeIds(baseWeights.weights, w)).toEqual(['fc1']);
  });

  it('an optimizer sweep keeps the project\'s learning rate and gives the others the lab\'s values (RMSProp α 0.9)', () => {
    const plan = planOf('optimizer', ['SGD', 'Momentum', 'RMSProp', 'Adam']);
    expect(plan.runs.map((r) => r.request.settings.optimizer)).toEqual([
      { type: 'SGD', lr: 0.05 },
      { type: 'Momentum', lr: 0.05, momentum: 0.9 },
      { type: 'RMSProp', lr: 0.05, alpha: 0.9, eps: 1e-8 },
      { type: 'Adam', lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
    ]);
  });

  it('init, batch size and seed sweeps change exactly that field', () => {
    expect(planOf('init', ['normal', 'Xavier', 'he']).runs.map((r) => r.request.settings.init)).toEqual(['normal', 'xavier', 'he']);
    expect(planOf('batchSize', ['0', '4']).runs.map((r) => r.request.settings.batchSize)).toEqual([0, 4]);
    const seeds = planOf('seed', ['1', '7']);
    expect(seeds.runs.map((r) => r.request.settings.seed)).toEqual([1, 7]);
    expect(seeds.runs.map((r) => ({ ...r.request.settings, seed: 0 }))).toEqual([{ ...xor.training, seed: 0 }, { ...xor.training, seed: 0 }]);
  });

  it('a seed sweep starts each run from its own seed\'s weights', () => {
    const [a, b] = planOf('seed', ['1', '2']).runs;
    expect(JSON.stringify(startWeights(a.request))).not.toBe(JSON.stringify(startWeights(b.request)));
  });
});

describe('expandSweep: bad sweeps come back as problems naming the value', () => {
  it('names the bad value by position and says what is allowed', () => {
    const r = expandSweep(base, { setting: 'lr', values: ['0.1', 'fast', '-1'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual(['values[1]', 'values[2]']);
    expect(r.problems[0].message).toMatch(/learning rate must be a number above 0.*'fast'/);
  });

  it('refuses a value listed twice, no values, and an unknown setting', () => {
    const twice = expandSweep(base, { setting: 'hidden', values: ['8', '08'] });
    expect(twice.ok ? [] : twice.problems.map((p) => p.message)).toEqual([expect.stringMatching(/8 is listed twice \(values 1 and 2\)/)]);
    const none = expandSweep(base, { setting: 'lr', values: [] });
    expect(none.ok ? '' : none.problems[0].message).toMatch(/at least one value/);
    const unknown = expandSweep(base, { setting: 'colour' as 'lr', values: ['red'] });
    expect(unknown.ok ? '' : unknown.problems[0].message).toMatch(/'colour' is not a setting a sweep can vary; choose one of lr, hidden/);
  });

  it('refuses a hidden-units sweep on a network without a hidden Linear layer and says what to add', () => {
    const r = expandSweep(baseOf(example('waves-conv1d')), { setting: 'hidden', values: ['8'] });
    expect(r.ok ? '' : r.problems[0].message).toMatch(/no hidden Linear layer/);
  });

  it('refuses selected nodes that are not hidden Linear nodes, naming them', () => {
    const r = expandSweep(base, { setting: 'hidden', values: ['8'], nodeIds: ['fc3'] });
    expect(r.ok ? '' : r.problems[0].message).toMatch(/'fc3' is not a hidden Linear node; choose among fc1, fc2/);
  });

  it('refuses a broken network with the node named', () => {
    const broken = { ...base, spec: { ...base.spec, edges: base.spec.edges.slice(1) } };
    const r = expandSweep(broken, { setting: 'lr', values: ['0.1'] });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.problems[0].field).toBe('network');
  });
});

describe('rerunRequest', () => {
  it('rebuilds a structural sweep run\'s request exactly, shared starting weights included', () => {
    const plan = planOf('hidden', ['32', '4'], ['fc2']);
    const again = rerunRequest(base, { setting: plan.settingKey, value: '4' });
    expect(again.ok && again.request).toEqual(plan.runs[1].request);
  });

  it('repeats a settings run with its own settings', () => {
    const settings = { ...xor.training, optimizer: { type: 'SGD' as const, lr: 0.5 } };
    const again = rerunRequest({ ...base, settings }, { setting: 'lr', value: '0.5' });
    expect(again.ok && again.request.settings).toEqual(settings);
  });
});
