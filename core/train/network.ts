// A network is the chain of layers a compiled model resolves to, plus the loss at its end.
// The common pairs Sigmoid + BCE and Softmax + cross-entropy are fused: the loss is computed
// from the logits and the backward pass starts below the activation with (p − y)/N, which is
// both cheaper and finite at any logit (the numbers equal the unfused reference).
import type { NodeId } from '../graph/spec';
import type { CompiledModel } from '../graph/resolved';
import { Sigmoid } from '../layers/activations';
import { createLayers } from '../layers/create';
import { ensure, type Layer, type Param } from '../layers/layer';
import { Softmax } from '../layers/softmax';
import { bce, bceWithLogits } from '../losses/bce';
import { crossEntropy, softmaxCrossEntropy } from '../losses/cross-entropy';
import { mse } from '../losses/mse';
import type { Rng } from '../random';
import { EMPTY, allFinite, sameShape, shapeText, sizeOf, toJson } from '../tensor';
import { initialiseLayers } from './init';
import type { TrainProblem } from './session-types';
import type { InitName, LossName, TensorJson, Weights } from './types';

export interface NetworkParam {
  readonly nodeId: NodeId;
  readonly param: Param;
}

/** One node's numbers for a batch, for the step-through inspector. */
export interface NodeTrace {
  nodeId: NodeId;
  type: Layer['type'];
  input: TensorJson;
  output: TensorJson;
  /** dL/d(output); for a fused final activation this is dL/dp of the unfused loss. */
  gradOutput: TensorJson | null;
  gradInput: TensorJson | null;
  gradParams: Record<string, TensorJson> | null;
}

export class Network {
  readonly layers: readonly Layer[];
  /** Every trainable tensor, layers in order, weight before bias. */
  readonly params: readonly NetworkParam[];
  readonly paramList: readonly Param[];
  readonly inSize: number;
  readonly outSize: number;
  private output: Float64Array = EMPTY;
  private gradStart: Float64Array = EMPTY;
  /** Index of the layer backward starts at: the last one, or the one below a fused activation. */
  private startAt = -1;

  constructor(readonly model: CompiledModel) {
    this.layers = createLayers(model.layers, model.inputShape);
    const params: NetworkParam[] = [];
    for (const layer of this.layers) for (const param of layer.params) params.push({ nodeId: layer.nodeId, param });
    this.params = params;
    this.paramList = params.map((p) => p.param);
    this.inSize = sizeOf(model.inputShape);
    this.outSize = this.layers.length ? this.layers[this.layers.length - 1].outSize : this.inSize;
  }

  /** Output for the first n samples of x; valid until the next forward. */
  forward(x: Float64Array, n: number): Float64Array {
    let a = x;
    const layers = this.layers;
    for (let l = 0; l < layers.length; l++) a = layers[l].forward(a, n);
    this.output = a;
    return a;
  }

  /**
   * The loss of the last forward against target (per element for bce and mse, a class index
   * per sample for crossEntropy); prepares the gradient backward() propagates. `bceClip` is
   * the lab's BCE clip (settings.bceClip), ignored by the other losses.
   */
  loss(loss: LossName, target: Float64Array, n: number, bceClip: number | null = null): number {
    const layers = this.layers;
    const L = layers.length;
    const last = L ? layers[L - 1] : null;
    const width = this.outSize;
    const count = n * width;
    const p = this.output;
    const g = (this.gradStart = ensure(this.gradStart, count));
    if (loss === 'bce' && last instanceof Sigmoid) {
      this.startAt = L - 2;
      return bceWithLogits(last.logits(), p, target, count, g, bceClip);
    }
    if (loss === 'crossEntropy' && last instanceof Softmax && last.width === width) {
      this.startAt = L - 2;
      return softmaxCrossEntropy(last.logits(), p, target, n, width, g);
    }
    this.startAt = L - 1;
    if (loss === 'bce') return bce(p, target, count, g, bceClip);
    if (loss === 'crossEntropy') return crossEntropy(p, target, n, width, g);
    return mse(p, target, count, g);
  }

  /** Sets every param's grad for the batch of the last forward and loss. */
  backward(n: number): void {
    let g = this.gradStart;
    for (let l = this.startAt; l >= 0; l--) g = this.layers[l].backward(g, n, l > 0);
  }

  /** True when every gradient is finite. */
  gradsFinite(): boolean {
    const ps = this.paramList;
    for (let i = 0; i < ps.length; i++) if (!allFinite(ps[i].grad)) return false;
    return true;
  }

  copyParamsTo(dst: Float64Array[]): void {
    const ps = this.paramList;
    for (let i = 0; i < ps.length; i++) dst[i].set(ps[i].value);
  }

  copyParamsFrom(src: readonly Float64Array[]): void {
    const ps = this.paramList;
    for (let i = 0; i < ps.length; i++) ps[i].value.set(src[i]);
  }

  weights(): Weights {
    const w: Weights = {};
    for (const layer of this.layers) {
      if (!layer.params.length) continue;
      const entry: Record<string, TensorJson> = {};
      for (const p of layer.params) entry[p.name] = toJson(p.shape, p.value);
      w[layer.nodeId] = entry;
    }
    return w;
  }

  /** Checks every tensor first and changes nothing when any problem is found. */
  setWeights(w: Weights): TrainProblem[] {
    if (w === null || typeof w !== 'object' || Array.isArray(w)) {
      return [{ code: 'bad-weights', message: 'The stored weights are not a set of tensors by node id; reset the weights to start from fresh ones.' }];
    }
    const problems: TrainProblem[] = [];
    for (const layer of this.layers) {
      if (!layer.params.length) continue;
      const entry = Object.prototype.hasOwnProperty.call(w, layer.nodeId) ? w[layer.nodeId] : undefined;
      if (!entry || typeof entry !== 'object') {
        problems.push(badWeights(layer.nodeId, `No weights for ${layer.type} node '${layer.nodeId}'; reset the weights to start from fresh ones.`));
        continue;
      }
      for (const p of layer.params) {
        const t = Object.prototype.hasOwnProperty.call(entry, p.name) ? entry[p.name] : undefined;
        const where = `${p.name} of ${layer.type} node '${layer.nodeId}'`;
        if (!t || !Array.isArray(t.shape) || !Array.isArray(t.data)) {
          problems.push(badWeights(layer.nodeId, `The ${where} is missing; reset the weights to start from fresh ones.`));
        } else if (!sameShape(t.shape, p.shape)) {
          problems.push(
            badWeights(layer.nodeId, `The stored ${where} has shape ${shapeText(t.shape)} but the network needs ${shapeText(p.shape)}; the layer changed since training, so reset the weights.`),
          );
        } else if (t.data.length !== p.value.length) {
          problems.push(badWeights(layer.nodeId, `The stored ${where} has ${t.data.length} values for shape ${shapeText(t.shape)}, which needs ${p.value.length}.`));
        } else if (!t.data.every((v) => typeof v === 'number' && Number.isFinite(v))) {
          problems.push(badWeights(layer.nodeId, `The stored ${where} contains a value that is not a finite number.`));
        }
      }
    }
    if (problems.length) return problems;
    for (const layer of this.layers) for (const p of layer.params) p.value.set(w[layer.nodeId][p.name].data);
    return [];
  }

  /**
   * Every node's input, output and gradients for one batch, computed by the same forward and
   * backward that train (copies, so the inspector can keep them). Leaves the params unchanged.
   */
  trace(x: Float64Array, n: number, loss?: LossName, target?: Float64Array): { nodes: NodeTrace[]; loss: number | null } {
    const inputs: Float64Array[] = [];
    const outputs: Float64Array[] = [];
    let a = x;
    for (const layer of this.layers) {
      inputs.push(a.slice(0, n * layer.inSize));
      a = layer.forward(a, n);
      outputs.push(a.slice(0, n * layer.outSize));
    }
    this.output = a;
    const gradOut: (Float64Array | null)[] = this.layers.map(() => null);
    const gradIn: (Float64Array | null)[] = this.layers.map(() => null);
    let value: number | null = null;
    if (loss && target) {
      value = this.loss(loss, target, n);
      const L = this.layers.length;
      if (this.startAt === L - 2 && L > 0) {
        // Fused: show the final activation's gradients as the unfused chain defines them.
        const last = this.layers[L - 1];
        const pg = new Float64Array(n * last.outSize);
        const p = outputs[L - 1];
        if (loss === 'bce') bce(p, target, n * last.outSize, pg);
        else crossEntropy(p, target, n, last.outSize, pg);
        gradOut[L - 1] = pg;
        gradIn[L - 1] = this.gradStart.slice(0, n * last.inSize);
      }
      let g = this.gradStart;
      for (let l = this.startAt; l >= 0; l--) {
        gradOut[l] = g.slice(0, n * this.layers[l].outSize);
        g = this.layers[l].backward(g, n, true);
        gradIn[l] = g.slice(0, n * this.layers[l].inSize);
      }
    }
    const nodes = this.layers.map((layer, l): NodeTrace => {
      const batched = (shape: readonly number[]): number[] => [n, ...shape];
      let gradParams: Record<string, TensorJson> | null = null;
      if (layer.params.length && gradOut[l]) {
        gradParams = {};
        for (const p of layer.params) gradParams[p.name] = toJson(p.shape, p.grad);
      }
      return {
        nodeId: layer.nodeId,
        type: layer.type,
        input: toJson(batched(layer.inShape), inputs[l]),
        output: toJson(batched(layer.outShape), outputs[l]),
        gradOutput: gradOut[l] ? toJson(batched(layer.outShape), gradOut[l]) : null,
        gradInput: gradIn[l] ? toJson(batched(layer.inShape), gradIn[l]) : null,
        gradParams,
      };
    });
    return { nodes, loss: value };
  }
}

function badWeights(nodeId: string, message: string): TrainProblem {
  return { code: 'bad-weights', nodeId, message };
}

export interface BuildNetworkOptions {
  init: InitName;
  rng: Rng;
  /** Start from these weights instead (checked against the network's shapes). */
  weights?: Weights | null;
}

export type BuildNetworkResult = { ok: true; network: Network } | { ok: false; problems: TrainProblem[] };

/**
 * Builds the network for a compiled model and initialises it from the rng (always, so the
 * rng stream does not depend on whether weights were given), then loads `weights` if given.
 */
export function buildNetwork(model: CompiledModel, opts: BuildNetworkOptions): BuildNetworkResult {
  const network = new Network(model);
  initialiseLayers(network.layers, opts.init, opts.rng);
  if (opts.weights) {
    const problems = network.setWeights(opts.weights);
    if (problems.length) return { ok: false, problems };
  }
  return { ok: true, network };
}
