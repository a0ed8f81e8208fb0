// Per-neuron views for 2-D data: every unit's output over the input plane, computed by the
// engine's own layers (forward on a grid of points), for the thumbnails drawn on the nodes.
import type { Dataset, DatasetSpec } from '../data/types';
import type { ModelSpec, NodeId } from '../graph/spec';
import type { CompiledModel } from '../graph/resolved';
import { buildNetwork, type Network } from '../train/network';
import { dataBounds, planePoints, type PlaneBounds } from '../train/plane';
import { prepareRun, type RunStreams } from '../train/prepare';
import type { TrainProblem } from '../train/session-types';
import type { InitName, Weights } from '../train/types';
import type { LayerType } from './types';
import { say } from '../messages/text';
import { saying } from '../messages/said';

export type { PlaneBounds } from '../train/plane';
export { planePoints } from '../train/plane';

export interface NeuronGrid {
  nodeId: NodeId;
  type: LayerType;
  units: number;
  res: number;
  /** Unit u's value at grid cell (row r, column c) is values[u·res² + r·res + c]; y rises by row. */
  values: Float32Array;
  /** Range over all units, and per unit. */
  min: number;
  max: number;
  unitMin: Float32Array;
  unitMax: Float32Array;
}

/** Units a node may have and still get thumbnails (beyond this the node shows none). */
export const MAX_NEURON_UNITS = 64;

/** Every dense node's units over the plane; a network whose input is not 2 features gives none. */
export function neuronGrids(net: Network, bounds: PlaneBounds, res: number): NeuronGrid[] {
  if (net.inSize !== 2 || net.model.inputShape.length !== 1 || res < 2) return [];
  const cells = res * res;
  const grids: NeuronGrid[] = [];
  const outs = net.outputs(planePoints(bounds, res), cells);
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l];
    const a = outs[l];
    const units = layer.outSize;
    if (layer.outShape.length !== 1 || units > MAX_NEURON_UNITS) continue;
    const values = new Float32Array(units * cells);
    const unitMin = new Float32Array(units).fill(Infinity);
    const unitMax = new Float32Array(units).fill(-Infinity);
    for (let p = 0; p < cells; p++) {
      for (let u = 0; u < units; u++) {
        const v = a[p * units + u];
        values[u * cells + p] = v;
        if (v < unitMin[u]) unitMin[u] = v;
        if (v > unitMax[u]) unitMax[u] = v;
      }
    }
    let min = Infinity;
    let max = -Infinity;
    for (let u = 0; u < units; u++) {
      min = Math.min(min, unitMin[u]);
      max = Math.max(max, unitMax[u]);
    }
    grids.push({ nodeId: layer.nodeId, type: layer.type, units, res, values, min, max, unitMin, unitMax });
  }
  return grids;
}

/** A network kept for drawing neuron views: built once per graph, given new weights as they come. */
export interface NeuronModel {
  readonly network: Network;
  readonly bounds: PlaneBounds;
  /** Loads weights (null = the seeded initial ones); returns the problems when they do not fit. */
  setWeights(w: Weights | null): TrainProblem[];
  grids(res: number): NeuronGrid[];
}

export function createNeuronModel(
  spec: ModelSpec,
  dataset: DatasetSpec,
  init: { seed: number; init: InitName },
): { ok: true; model: NeuronModel } | { ok: false; problems: TrainProblem[] } {
  try {
    const prepared = prepareRun(spec, dataset, { seed: init.seed }, { dataProblem: needsPlane });
    if (!prepared.ok) return prepared;
    const built = seededNetwork(prepared, init.init);
    if (!built.ok) return built;
    const network = built.network;
    const initial = network.paramList.map((p) => Float64Array.from(p.value));
    const bounds = dataBounds(prepared.dataset);
    return {
      ok: true,
      model: {
        network,
        bounds,
        setWeights(w) {
          if (w === null) {
            network.copyParamsFrom(initial);
            return [];
          }
          return network.setWeights(w);
        },
        grids: (res) => neuronGrids(network, bounds, res),
      },
    };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [{ code: 'bad-data', ...saying(say('train.inspect.neuronsFailed', { reason })) }] };
  }
}

const needsPlane = (d: Dataset): TrainProblem | null =>
  d.inputShape.length !== 1 || d.inputShape[0] !== 2 ? { code: 'bad-data', ...saying(say('train.inspect.neuronsNeed2d')) } : null;

/** The network a run starts from: the same seeded initialisation the trainer uses. */
function seededNetwork(run: { model: CompiledModel; streams: RunStreams }, init: InitName) {
  return buildNetwork(run.model, { init, rng: run.streams.init });
}

/**
 * The seeded initial weights of a project's network (what a run without stored weights starts
 * from), for any dataset; null when the graph or data has a problem (the canvas says which).
 */
export function initialWeights(spec: ModelSpec, dataset: DatasetSpec, init: { seed: number; init: InitName }): Weights | null {
  try {
    const prepared = prepareRun(spec, dataset, { seed: init.seed });
    if (!prepared.ok) return null;
    const built = seededNetwork(prepared, init.init);
    return built.ok ? built.network.weights() : null;
  } catch {
    return null;
  }
}
