// A sweep definition → one training request per value, identical except for the one setting:
// same data, split, seed, schedule and epochs, and the same starting weights wherever the
// shapes allow. Every problem comes back as a value naming the field and what to do.
import { planModel } from '../train/prepare';
import type { ModelSpec } from '../graph/spec';
import { SEED_BOUND, boundSaid, inBound, withBatchSize } from '../train/settings';
import { say, type MessageKey, type Param, type Text } from '../messages/text';
import { saying } from '../messages/said';
import type { DatasetSpec } from '../data/types';
import type { OptimizerSettings, TrainingSettings, TrainRequest, Weights } from '../train/types';
import { hiddenActivationIds, hiddenLinearIds, withActivation, withHiddenUnits } from './graph';
import { withoutSkips, skipAddIds } from './skip';
import { LAB_OPTIMIZERS, SWEEP_SETTING_LABELS, sweepValueLabel } from './presets';
import {
  MAX_SWEEP_RUNS,
  MAX_SWEEP_SEEDS,
  MAX_SWEEP_TOTAL,
  SWEEP_SETTINGS,
  type ExpandResult,
  type PlannedRun,
  type SweepBase,
  type SweepDefinition,
  type SweepProblem,
  type SweepSetting,
  type SweepValue,
} from './types';
import { parseSweepValue } from './values';
import { initialWeightsOf, shareWeights } from './weights';

const bad = (field: string, key: MessageKey, params?: Record<string, Param>): SweepProblem => ({ code: 'bad-setting', field, ...saying(say(key, params)) });
/** A problem found elsewhere (a value, the settings), passed on with its own words. */
const passOn = (field: string, p: { message: string; text?: Text }): SweepProblem => ({ code: 'bad-setting', field, message: p.message, ...(p.text ? { text: p.text } : {}) });

/** RunRecord.sweep.setting: the setting, plus the chosen nodes when only some hidden layers vary. */
export function sweepSettingKey(setting: SweepSetting, nodeIds: readonly string[], allHidden: readonly string[]): string {
  const subset = setting === 'hidden' && nodeIds.length > 0 && nodeIds.length < allHidden.length;
  return subset ? `hidden:${nodeIds.join('+')}` : setting;
}

/** The inverse of sweepSettingKey; null for a key no sweep writes. */
export function parseSweepSettingKey(key: string): { setting: SweepSetting; nodeIds: string[] } | null {
  const [name, nodes] = key.split(':', 2);
  if (!(SWEEP_SETTINGS as readonly string[]).includes(name)) return null;
  const setting = name as SweepSetting;
  if (nodes !== undefined && setting !== 'hidden') return null;
  return { setting, nodeIds: nodes ? nodes.split('+').filter((s) => s !== '') : [] };
}

function withOptimizer(current: OptimizerSettings, type: OptimizerSettings['type']): OptimizerSettings {
  // The project's own optimizer keeps its params; another one gets the lab's at the project's lr.
  if (current.type === type) return current;
  return { ...LAB_OPTIMIZERS[type], lr: current.lr } as OptimizerSettings;
}

/** seeds first, first + 1, …: the seeds a sweep repeats each value over by default. */
export function seedsFrom(first: number, count: number): number[] {
  const start = Math.min(first, SEED_BOUND.max - count + 1);
  return Array.from({ length: count }, (_, i) => start + i);
}

/** The data set a run with this seed trains on: its own draw when newData is on. */
function dataFor(dataset: DatasetSpec, seed: number, newData: boolean): DatasetSpec {
  return newData && dataset.kind === 'generator' ? { ...dataset, seed } : dataset;
}

function settingsFor(base: TrainingSettings, v: SweepValue): TrainingSettings {
  switch (v.setting) {
    case 'lr':
      return { ...base, optimizer: { ...base.optimizer, lr: v.value } };
    case 'optimizer':
      return { ...base, optimizer: withOptimizer(base.optimizer, v.value) };
    case 'init':
      return { ...base, init: v.value };
    case 'batchSize':
      return withBatchSize(base, v.value);
    case 'seed':
      return { ...base, seed: v.value };
    default:
      return base;
  }
}

function specFor(spec: ModelSpec, v: SweepValue, nodeIds: readonly string[]): ModelSpec {
  if (v.setting === 'hidden') return withHiddenUnits(spec, nodeIds, v.value);
  if (v.setting === 'activation') return withActivation(spec, nodeIds, v.value);
  if (v.setting === 'skip' && !v.value) return withoutSkips(spec, nodeIds);
  return spec;
}

/** Settings that change the network, not the training: their runs share starting weights. */
export function isStructural(setting: SweepSetting): boolean {
  return setting === 'hidden' || setting === 'activation' || setting === 'skip';
}

/** Another problem inside a sentence: its Text when it has one, so it is said in the same language. */
function problemText(p: { message: string; text?: Text }): Param {
  return p.text ?? p.message;
}

export function expandSweep(base: SweepBase, def: SweepDefinition): ExpandResult {
  if (!(SWEEP_SETTINGS as readonly string[]).includes(def.setting)) {
    return { ok: false, problems: [bad('setting', 'sweep.problem.unknownSetting', { name: String(def.setting), options: SWEEP_SETTINGS.join(', ') })] };
  }
  const setting = def.setting;
  const problems: SweepProblem[] = [];
  if (!Array.isArray(def.values) || def.values.length === 0) problems.push(bad('values', 'sweep.problem.noValues'));
  else if (def.values.length > MAX_SWEEP_RUNS) problems.push(bad('values', 'sweep.problem.tooManyValues', { max: MAX_SWEEP_RUNS, count: def.values.length }));
  const parsed: { text: string; value: SweepValue; at: number }[] = [];
  const seen = new Map<string, number>();
  (Array.isArray(def.values) ? def.values.slice(0, MAX_SWEEP_RUNS) : []).forEach((raw, i) => {
    const r = parseSweepValue(setting, String(raw));
    if (!r.ok) {
      problems.push(passOn(`values[${i}]`, r));
      return;
    }
    const earlier = seen.get(r.text);
    if (earlier !== undefined) {
      problems.push(bad(`values[${i}]`, 'sweep.problem.twice', { value: r.text, first: earlier + 1, second: i + 1 }));
      return;
    }
    seen.set(r.text, i);
    parsed.push({ text: r.text, value: r.value, at: i });
  });
  const newData = def.newData === true;
  let seeds = [base.settings.seed];
  if (def.seeds !== undefined) {
    if (!Array.isArray(def.seeds) || def.seeds.length === 0) problems.push(bad('seeds', 'sweep.problem.noSeeds'));
    else if (def.seeds.length > MAX_SWEEP_SEEDS) problems.push(bad('seeds', 'sweep.problem.tooManySeeds', { max: MAX_SWEEP_SEEDS, count: def.seeds.length }));
    else if (def.seeds.some((v) => !inBound(v, SEED_BOUND))) problems.push(bad('seeds', 'sweep.problem.badSeed', { bound: boundSaid(SEED_BOUND) }));
    else if (new Set(def.seeds).size !== def.seeds.length) problems.push(bad('seeds', 'sweep.problem.seedTwice'));
    else if (setting === 'seed' && def.seeds.length > 1) {
      problems.push(bad('seeds', 'sweep.problem.seedVaries'));
    } else seeds = def.seeds;
  }
  if (newData && base.dataset.kind !== 'generator') {
    problems.push(bad('newData', 'sweep.problem.newDataFixed'));
  }
  if (Array.isArray(def.values) && def.values.length <= MAX_SWEEP_RUNS && def.values.length * seeds.length > MAX_SWEEP_TOTAL) {
    problems.push(bad('seeds', 'sweep.problem.tooManyRuns', { values: def.values.length, seeds: seeds.length, runs: def.values.length * seeds.length, max: MAX_SWEEP_TOTAL }));
  }
  const planned = planModel(base.spec, base.dataset, base.settings);
  if (!planned.ok) {
    // The settings' problems, each with its field, then the network's first.
    for (const p of planned.problems) if (p.code === 'bad-setting') problems.push(passOn(`settings.${p.field}`, p));
    const first = planned.problems.find((p) => p.code !== 'bad-setting');
    const node = first && 'nodeId' in first ? first.nodeId : undefined;
    if (first) {
      problems.push(
        node
          ? bad('network', 'sweep.problem.networkAt', { node, problem: problemText(first) })
          : bad('network', 'sweep.problem.network', { problem: problemText(first) }),
      );
    }
  }
  if (problems.length || !planned.ok) return { ok: false, problems };

  // The nodes a structural sweep changes.
  let nodeIds: string[] = [];
  let allHidden: string[] = [];
  if (setting === 'hidden') {
    allHidden = hiddenLinearIds(planned.model.layers);
    if (allHidden.length === 0) {
      return { ok: false, problems: [bad('setting', 'sweep.problem.noHidden')] };
    }
    const chosen = def.nodeIds ?? [];
    const notHidden = chosen.filter((id) => !allHidden.includes(id));
    if (notHidden.length) {
      return { ok: false, problems: [bad('nodeIds', 'sweep.problem.notHidden', { node: notHidden[0], options: allHidden.join(', ') })] };
    }
    nodeIds = chosen.length ? allHidden.filter((id) => chosen.includes(id)) : allHidden;
  } else if (setting === 'activation') {
    nodeIds = hiddenActivationIds(planned.model.layers);
    if (nodeIds.length === 0) {
      return { ok: false, problems: [bad('setting', 'sweep.problem.noActivation')] };
    }
  } else if (setting === 'skip') {
    nodeIds = skipAddIds(base.spec);
    if (nodeIds.length === 0) {
      return { ok: false, problems: [bad('setting', 'sweep.problem.noSkip')] };
    }
  }

  const structural = isStructural(setting);
  const runs: PlannedRun[] = [];
  for (const seed of seeds) {
    // Within a seed every value starts from the same weights wherever the shapes allow.
    const seedSettings = setting === 'seed' ? base.settings : { ...base.settings, seed };
    const seedData = dataFor(base.dataset, seedSettings.seed, newData);
    let baseWeights: Weights | null = null;
    if (structural) {
      const w = initialWeightsOf({ spec: base.spec, dataset: seedData, settings: seedSettings });
      if (!w.ok) return { ok: false, problems: [bad('network', 'sweep.problem.cannotStart', { problem: problemText(w.problems[0]) })] };
      baseWeights = w.weights;
    }
    for (const { text, value, at } of parsed) {
      const settings = settingsFor(seedSettings, value);
      const dataset = setting === 'seed' ? dataFor(base.dataset, settings.seed, newData) : seedData;
      const request: TrainRequest = { spec: specFor(base.spec, value, nodeIds), dataset, settings };
      if (baseWeights) {
        const own = initialWeightsOf(request);
        if (!own.ok) {
          problems.push(bad(`values[${at}]`, 'sweep.problem.valueCannotTrain', { setting: say(`sweep.settingLower.${setting}`), value: text, problem: problemText(own.problems[0]) }));
          continue;
        }
        request.initialWeights = shareWeights(baseWeights, own.weights);
      }
      runs.push({ index: 0, value: text, label: sweepValueLabel(setting, text), seed: settings.seed, request });
    }
    if (problems.length) break;
  }
  // Value by value, seed by seed: a value's runs sit together in the table.
  const order = new Map(parsed.map((p, i) => [p.text, i]));
  runs.sort((a, b) => (order.get(a.value) ?? 0) - (order.get(b.value) ?? 0) || seeds.indexOf(a.seed) - seeds.indexOf(b.seed));
  runs.forEach((r, i) => (r.index = i));
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    plan: {
      setting,
      settingKey: sweepSettingKey(setting, nodeIds, allHidden),
      settingLabel: SWEEP_SETTING_LABELS[setting],
      nodeIds,
      seeds: setting === 'seed' ? [] : seeds,
      newData,
      runs,
    },
  };
}

/**
 * The request that repeats a recorded run: the same settings and data on the project's
 * network, with a structural sweep's change (and its shared starting weights) applied again.
 * Same seed, same numbers: the curve comes out identical.
 */
export function rerunRequest(
  base: SweepBase,
  sweep?: { setting: string; value: string },
): { ok: true; request: TrainRequest } | { ok: false; problems: SweepProblem[] } {
  const key = sweep ? parseSweepSettingKey(sweep.setting) : null;
  if (!sweep || !key || !isStructural(key.setting)) {
    return { ok: true, request: { spec: base.spec, dataset: base.dataset, settings: base.settings } };
  }
  const r = expandSweep(base, { setting: key.setting, values: [sweep.value], nodeIds: key.nodeIds });
  return r.ok ? { ok: true, request: r.plan.runs[0].request } : r;
}
