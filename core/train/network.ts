// A network is the graph of layers a compiled model resolves to, run in the order compiled
// once (a chain by plain loops), plus the loss at its one output.
// The common pairs Sigmoid + BCE and Softmax + cross-entropy are fused: the loss is computed
// from the logits and the backward pass starts below the activation with (p − y)/N, which is
// both cheaper and finite at any logit (the numbers equal the unfused reference).
import type { NodeId } from '../graph/spec';
import { isChain, type CompiledModel } from '../graph/resolved';
import { Sigmoid } from '../layers/activations';
import { createBlocks } from '../layers/create';
import { isJoin, type Block } from '../layers/join';
import { ensure, type Layer, type Param } from '../layers/layer';
import { Softmax } from '../layers/softmax';
import { bce, bceWithLogits } from '../losses/bce';
import { crossEntropy, softmaxCrossEntropy } from '../losses/cross-entropy';
import { fusesWithLoss } from '../losses/fused';
import { mse } from '../losses/mse';
import type { Rng } from '../random';
import { EMPTY, allFinite, sameShape, shapeText, sizeOf, toJson } from '../tensor';
import { initialiseLayers } from './init';
import type { TrainProblem } from './session-types';
import { say, type Text } from '../messages/text';
import { saying } from '../messages/said';
import type { InitName, LossName, TensorJson, Weights } from './types';

export interface NetworkParam {
  readonly nodeId: NodeId;
  readonly param: Param;
}

/** One node's numbers for a batch, for the step-through inspector. */
export interface NodeTrace {
  nodeId: NodeId;
  type: Layer['type'];
  /** The input; for a join, its first input. */
  input: TensorJson;
  output: TensorJson;
  /** The nodes it reads (the Input's id for the data): one, or two or more for a join, in edge order. */
  sources: NodeId[];
  /** dL/d(output); for a fused final activation this is dL/dp of the unfused loss. */
  gradOutput: TensorJson | null;
  /** dL/d(input); for a join, of its first input (gradInputs has them all). */
  gradInput: TensorJson | null;
  /** A join's inputs and their gradients, in edge order; `input` and `gradInput` are the first. */
  inputs?: TensorJson[];
  gradInputs?: TensorJson[] | null;
  gradParams: Record<string, TensorJson> | null;
}

export class Network {
  /** Every block in running order (topological; the output last). */
  readonly layers: readonly Block[];
  /** Every trainable tensor, layers in order, weight before bias. */
  readonly params: readonly NetworkParam[];
  readonly paramList: readonly Param[];
  readonly inSize: number;
  readonly outSize: number;
  private output: Float64Array = EMPTY;
  private gradStart: Float64Array = EMPTY;
  /** Index of the layer backward starts at: the last one, or the one below a fused activation. */
  private startAt = -1;
  /** A chain runs the plain loops below; a graph runs by the plan, which costs a lookup per layer. */
  private readonly chain: boolean;
  /**
   * The plan, fixed at construction. Slot 0 is the data, slot l + 1 the output of layer l;
   * src[l] lists layer l's source slots (edge order for a join).
   */
  private readonly src: readonly (readonly number[])[];
  /** Per slot: how many inputs read it (fan-out when more than one). */
  private readonly readers: readonly number[];
  /** src[l][k] is the first of its slot's readers that backward reaches (it sets; the others add). */
  private readonly firstReader: readonly (readonly boolean[])[];
  /** Per slot, the output of the last forward (buffers owned by the layers). */
  private readonly outs: Float64Array[];
  /** Per join, the array its inputs are gathered in (reused, so forward allocates nothing). */
  private readonly joinIns: Float64Array[][];
  /** Per slot, dL/d(slot) of the last backward: a layer's buffer, or acc[slot] at a fan-out. */
  private readonly grads: Float64Array[];
  /** Per fan-out slot, where its readers' gradients are summed (grow-only). */
  private readonly acc: Float64Array[];

  constructor(readonly model: CompiledModel) {
    this.layers = createBlocks(model);
    const params: NetworkParam[] = [];
    for (const layer of this.layers) for (const param of layer.params) params.push({ nodeId: layer.nodeId, param });
    this.params = params;
    this.paramList = params.map((p) => p.param);
    this.inSize = sizeOf(model.inputShape);
    this.outSize = this.layers.length ? this.layers[this.layers.length - 1].outSize : this.inSize;
    this.chain = isChain(model);
    const slot = new Map<string, number>([[model.inputId, 0]]);
    model.layers.forEach((l, i) => slot.set(l.nodeId, i + 1));
    this.src = model.sources.map((ids) => ids.map((id) => slot.get(id) as number));
    const readers = new Array<number>(this.layers.length + 1).fill(0);
    for (const s of this.src) for (const k of s) readers[k]++;
    this.readers = readers;
    const seen = new Set<number>();
    const first: boolean[][] = this.src.map((s) => s.map(() => false));
    for (let l = this.src.length - 1; l >= 0; l--) {
      this.src[l].forEach((k, j) => {
        if (!seen.has(k)) first[l][j] = true;
        seen.add(k);
      });
    }
    this.firstReader = first;
    this.outs = new Array<Float64Array>(this.layers.length + 1).fill(EMPTY);
    this.joinIns = this.src.map((s) => s.map(() => EMPTY));
    this.grads = new Array<Float64Array>(this.layers.length + 1).fill(EMPTY);
    this.acc = new Array<Float64Array>(this.layers.length + 1).fill(EMPTY);
  }

  /** Output for the first n samples of x; valid until the next forward. */
  forward(x: Float64Array, n: number): Float64Array {
    return this.chain ? this.forwardChain(x, n) : this.forwardGraph(x, n);
  }

  private forwardChain(x: Float64Array, n: number): Float64Array {
    const layers = this.layers as readonly Layer[];
    let a = x;
    for (let l = 0; l < layers.length; l++) a = layers[l].forward(a, n);
    this.output = a;
    return a;
  }

  private forwardGraph(x: Float64Array, n: number): Float64Array {
    const layers = this.layers;
    const outs = this.outs;
    outs[0] = x;
    for (let l = 0; l < layers.length; l++) {
      const layer = layers[l];
      const s = this.src[l];
      if (isJoin(layer)) {
        const xs = this.joinIns[l];
        for (let k = 0; k < s.length; k++) xs[k] = outs[s[k]];
        outs[l + 1] = layer.forward(xs, n);
      } else {
        outs[l + 1] = layer.forward(outs[s[0]], n);
      }
    }
    this.output = outs[layers.length];
    return this.output;
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
    // The output's only source is the layer before it in running order (everything else
    // reaches the output through that source), so starting there skips the activation alone.
    const fused = last !== null && fusesWithLoss(loss, last);
    this.startAt = fused ? L - 2 : L - 1;
    if (fused && last instanceof Sigmoid) return bceWithLogits(last.logits(), p, target, count, g, bceClip);
    if (fused && last instanceof Softmax) return softmaxCrossEntropy(last.logits(), p, target, n, width, g);
    if (loss === 'bce') return bce(p, target, count, g, bceClip);
    if (loss === 'crossEntropy') return crossEntropy(p, target, n, width, g);
    return mse(p, target, count, g);
  }

  /**
   * Sets every param's grad for the batch of the last forward and loss. With `inputGrad`
   * it also computes dL/dx, which inputGradient() then returns.
   */
  backward(n: number, inputGrad?: boolean): void {
    if (this.chain) this.backwardChain(n, inputGrad === true);
    else this.backwardGraph(n, inputGrad === true, undefined);
  }

  private backwardChain(n: number, inputGrad: boolean): void {
    const layers = this.layers as readonly Layer[];
    let g = this.gradStart;
    for (let l = this.startAt; l >= 0; l--) g = layers[l].backward(g, n, l > 0 || inputGrad);
    this.grads[0] = g;
  }

  private backwardGraph(n: number, inputGrad: boolean, seen: ((l: number, gradOut: Float64Array, gradIn: readonly Float64Array[]) => void) | undefined): void {
    const grads = this.grads;
    if (this.startAt < 0) {
      grads[0] = this.gradStart;
      return;
    }
    grads[this.startAt + 1] = this.gradStart;
    for (let l = this.startAt; l >= 0; l--) {
      const layer = this.layers[l];
      const s = this.src[l];
      const g = grads[l + 1];
      if (isJoin(layer)) {
        const gx = layer.backward(g, n);
        if (seen) seen(l, g, gx);
        for (let k = 0; k < s.length; k++) if (s[k] > 0 || inputGrad) this.pass(s[k], gx[k], this.firstReader[l][k], n);
      } else {
        const gx = layer.backward(g, n, s[0] > 0 || inputGrad);
        if (seen) seen(l, g, [gx]);
        if (s[0] > 0 || inputGrad) this.pass(s[0], gx, this.firstReader[l][0], n);
      }
    }
  }

  /**
   * Runs x forward by the plan and returns every layer's output, index for index with
   * `layers` (the layers' own buffers, valid until the next forward).
   */
  outputs(x: Float64Array, n: number): readonly Float64Array[] {
    this.forwardGraph(x, n);
    return this.outs.slice(1);
  }

  /** dL/dx of the last backward(n, true), for the first n samples. */
  inputGradient(): Float64Array {
    return this.grads[0];
  }

  /** Hands one reader's gradient to a slot: as is when it has one reader, summed at a fan-out. */
  private pass(slot: number, g: Float64Array, first: boolean, n: number): void {
    const size = slot === 0 ? this.inSize : this.layers[slot - 1].outSize;
    if (this.readers[slot] === 1) {
      this.grads[slot] = g;
      return;
    }
    const m = n * size;
    if (first) {
      const a = (this.acc[slot] = ensure(this.acc[slot], m));
      for (let i = 0; i < m; i++) a[i] = g[i];
      this.grads[slot] = a;
      return;
    }
    const a = this.acc[slot];
    for (let i = 0; i < m; i++) a[i] += g[i];
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
      return [{ code: 'bad-weights', ...saying(say('train.weights.notTensors')) }];
    }
    const problems: TrainProblem[] = [];
    for (const layer of this.layers) {
      if (!layer.params.length) continue;
      const entry = Object.prototype.hasOwnProperty.call(w, layer.nodeId) ? w[layer.nodeId] : undefined;
      if (!entry || typeof entry !== 'object') {
        problems.push(badWeights(layer.nodeId, say('train.weights.none', { type: layer.type, id: layer.nodeId })));
        continue;
      }
      for (const p of layer.params) {
        const t = Object.prototype.hasOwnProperty.call(entry, p.name) ? entry[p.name] : undefined;
        const where = say('train.weights.where', { name: p.name, type: layer.type, id: layer.nodeId });
        if (!t || !Array.isArray(t.shape) || !Array.isArray(t.data)) {
          problems.push(badWeights(layer.nodeId, say('train.weights.missing', { where })));
        } else if (!sameShape(t.shape, p.shape)) {
          problems.push(
            badWeights(layer.nodeId, say('train.weights.shape', { where, has: shapeText(t.shape), needs: shapeText(p.shape) })),
          );
        } else if (t.data.length !== p.value.length) {
          problems.push(badWeights(layer.nodeId, say('train.weights.count', { where, count: t.data.length, shape: shapeText(t.shape), needs: p.value.length })));
        } else if (!t.data.every((v) => typeof v === 'number' && Number.isFinite(v))) {
          problems.push(badWeights(layer.nodeId, say('train.weights.notFinite', { where })));
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
   * It runs by the plan even for a chain, so every slot is kept.
   */
  trace(x: Float64Array, n: number, loss?: LossName, target?: Float64Array): { nodes: NodeTrace[]; loss: number | null } {
    const layers = this.layers;
    const L = layers.length;
    this.forwardGraph(x, n);
    const slotSize = (k: number): number => n * (k === 0 ? this.inSize : layers[k - 1].outSize);
    const outs = this.outs.map((o, k) => o.slice(0, slotSize(k)));
    const gradOut: (Float64Array | null)[] = layers.map(() => null);
    const gradIn: (Float64Array[] | null)[] = layers.map(() => null);
    let value: number | null = null;
    if (loss && target) {
      value = this.loss(loss, target, n);
      if (this.startAt === L - 2 && L > 0) {
        // Fused: show the final activation's gradients as the unfused chain defines them.
        const last = layers[L - 1];
        const pg = new Float64Array(n * last.outSize);
        if (loss === 'bce') bce(outs[L], target, n * last.outSize, pg);
        else crossEntropy(outs[L], target, n, last.outSize, pg);
        gradOut[L - 1] = pg;
        gradIn[L - 1] = [this.gradStart.slice(0, slotSize(L - 1))];
      }
      this.backwardGraph(n, true, (l, gy, gx) => {
        gradOut[l] = gy.slice(0, n * layers[l].outSize);
        gradIn[l] = this.src[l].map((k, j) => gx[j].slice(0, slotSize(k)));
      });
    }
    const batched = (shape: readonly number[]): number[] => [n, ...shape];
    const nodes = layers.map((layer, l): NodeTrace => {
      let gradParams: Record<string, TensorJson> | null = null;
      if (layer.params.length && gradOut[l]) {
        gradParams = {};
        for (const p of layer.params) gradParams[p.name] = toJson(p.shape, p.grad);
      }
      const inShapes = isJoin(layer) ? layer.inShapes : [layer.inShape];
      const ins = this.src[l].map((k, j) => toJson(batched(inShapes[j]), outs[k]));
      const gIns = gradIn[l]?.map((g, j) => toJson(batched(inShapes[j]), g)) ?? null;
      return {
        nodeId: layer.nodeId,
        type: layer.type,
        sources: this.src[l].map((k) => (k === 0 ? this.model.inputId : layers[k - 1].nodeId)),
        input: ins[0],
        output: toJson(batched(layer.outShape), outs[l + 1]),
        gradOutput: gradOut[l] ? toJson(batched(layer.outShape), gradOut[l]) : null,
        gradInput: gIns ? gIns[0] : null,
        ...(isJoin(layer) ? { inputs: ins, gradInputs: gIns } : {}),
        gradParams,
      };
    });
    return { nodes, loss: value };
  }
}

function badWeights(nodeId: string, text: Text): TrainProblem {
  return { code: 'bad-weights', nodeId, ...saying(text) };
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
