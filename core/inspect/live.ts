// Live snapshots for the per-neuron views, made where the run trains (a Web Worker or a worker
// thread): whenever the streaming loop sends a decision-boundary grid (at most a few times a
// second), the run's current weights and every dense unit's output over the input plane go
// along with it, so the page's main thread only draws. A run asks for them with
// StartTrainingRequest.neuronResolution > 0.
import type { TrainingEvent } from '../train/events';
import type { TrainRequest, Weights } from '../train/types';
import { createNeuronModel, type NeuronGrid, type NeuronModel } from './neurons';

/** Largest grid side a run may ask for (the thumbnails use 24). */
export const MAX_NEURON_RESOLUTION = 64;

/** The snapshot event (a TrainingEvent variant): the run's weights and its units over the plane. */
export interface WeightsEvent {
  type: 'weights';
  runId: string;
  epoch: number;
  weights: Weights;
  neurons?: NeuronGrid[];
}

export interface LiveSnapshots {
  /** The snapshot to send after `event`, or null (not a boundary event, or weights that do not fit). */
  after(event: TrainingEvent | WeightsEvent, weights: () => Weights): { event: WeightsEvent; transfer: ArrayBuffer[] } | null;
}

/** null when the run did not ask for snapshots, asked for an unusable size, or its data is not 2-D. */
export function createLiveSnapshots(runId: string, request: TrainRequest, resolution: number | undefined): LiveSnapshots | null {
  if (!resolution || !Number.isInteger(resolution) || resolution < 2 || resolution > MAX_NEURON_RESOLUTION) return null;
  const made = createNeuronModel(request.spec, request.dataset, { seed: request.settings.seed, init: request.settings.init });
  if (!made.ok) return null;
  const model: NeuronModel = made.model;
  return {
    after(event, weights) {
      if (event.type !== 'boundary') return null;
      const w = weights();
      if (model.setWeights(w).length) return null;
      const neurons = model.grids(resolution);
      const transfer: ArrayBuffer[] = [];
      for (const g of neurons) transfer.push(g.values.buffer as ArrayBuffer, g.unitMin.buffer as ArrayBuffer, g.unitMax.buffer as ArrayBuffer);
      return { event: { type: 'weights', runId, epoch: event.epoch, weights: w, neurons }, transfer };
    },
  };
}
