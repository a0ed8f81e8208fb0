// The step-through of training steps on one batch: the engine's network and optimizer do all
// the arithmetic (Network.trace runs the same layer forward/backward that training runs, the
// optimizer is the one training creates); the stepper only decides how much of it is shown.
import { blockOfLayer, isWeighted } from '../blocks/index';
import type { NodeId } from '../graph/spec';
import { fusesWithLoss } from '../losses/fused';
import { clipGradNorm } from '../optim/clip';
import { createOptimizer } from '../optim/create';
import type { Optimizer } from '../optim/optimizer';
import type { Network } from '../train/network';
import type { LossName, OptimizerSettings, TensorJson } from '../train/types';
import type { Mat, NodeView, OptimizerParamStep, OptimizerStepView, ParamView, Phase, StepperView } from './types';

export interface StepperOptions {
  loss: LossName;
  optimizer: OptimizerSettings;
  /** The learning rate of the step (the schedule's rate); defaults to optimizer.lr. */
  lr?: number;
  clipNorm: number | null;
  /** Inputs [n, ...inputShape] and targets as training feeds them (per output for bce/mse, class index for crossEntropy). */
  x: Float64Array;
  target: Float64Array;
  n: number;
}

export interface Stepper {
  view(): StepperView;
  /** Shows the next node's forward pass; after the last node, the loss. Returns false when there is nothing to do in this phase. */
  stepForward(): boolean;
  /** Shows the next node's gradients, from the last node back (runs the forward first if needed). */
  stepBackward(): boolean;
  /** Applies the optimizer to the gradients (running whatever of the forward and backward passes is left first). */
  optimizerStep(): boolean;
  /** Back to the weights and the (zero) optimizer state the stepper started from. */
  reset(): void;
}

const toMat = (t: TensorJson): Mat => ({ shape: t.shape, data: Float64Array.from(t.data) });

export function createStepper(net: Network, opts: StepperOptions): Stepper {
  const layers = net.layers;
  const L = layers.length;
  const initial = net.paramList.map((p) => Float64Array.from(p.value));
  const xMat: Mat = { shape: [opts.n, ...net.model.inputShape], data: opts.x.slice(0, opts.n * net.inSize) };
  const targetWidth = opts.target.length / opts.n;
  const targetMat: Mat = { shape: targetWidth === 1 ? [opts.n] : [opts.n, targetWidth], data: opts.target.slice() };
  const lr = opts.lr ?? opts.optimizer.lr;
  const layerNumbers: number[] = [];
  {
    let k = 0;
    for (const l of layers) layerNumbers.push(isWeighted(l.type) ? ++k : k);
  }

  let optimizer: Optimizer = makeOptimizer();
  let steps = 0;
  /** Forward passes started since the last reset: the training step on display. */
  let iteration = 0;
  let phase: Phase = { kind: 'ready' };
  let nodes: NodeView[] = [];
  let lossValue: number | null = null;
  let fused = false;
  let lastStep: OptimizerStepView | null = null;
  let active: NodeId | null = null;

  const current = (): Phase => phase;

  function makeOptimizer(): Optimizer {
    const o = createOptimizer(opts.optimizer, net.paramList);
    o.lr = lr;
    return o;
  }

  /** Runs the engine's forward, loss and backward for the batch and keeps every number. */
  function compute(): void {
    const before = net.paramList.map((p) => Float64Array.from(p.value));
    iteration++;
    const trace = net.trace(opts.x, opts.n, opts.loss, opts.target);
    lossValue = trace.loss;
    const last = layers[L - 1];
    fused = fusesWithLoss(opts.loss, last);
    let p = 0;
    nodes = trace.nodes.map((t, l): NodeView => {
      const layer = layers[l];
      const params: ParamView[] = layer.params.map((param) => ({
        name: param.name,
        shape: param.shape,
        value: before[p++],
        grad: t.gradParams ? Float64Array.from(t.gradParams[param.name].data) : null,
      }));
      const spec = net.model.layers[l];
      const extra: Partial<NodeView> = blockOfLayer(spec).view?.(spec, layer.outShape) ?? {};
      return {
        nodeId: t.nodeId,
        type: t.type,
        index: l,
        layerNumber: layerNumbers[l],
        sources: t.sources,
        input: toMat(t.input),
        output: toMat(t.output),
        gradOutput: t.gradOutput ? toMat(t.gradOutput) : null,
        gradInput: t.gradInput ? toMat(t.gradInput) : null,
        ...(t.inputs ? { inputs: t.inputs.map(toMat), gradInputs: t.gradInputs ? t.gradInputs.map(toMat) : null } : {}),
        params,
        ...extra,
      };
    });
    lastStep = null;
  }

  function stepForward(): boolean {
    if (phase.kind === 'ready' || phase.kind === 'updated') {
      // After an update the optimizer's state carries into the next step, as in training.
      compute();
      phase = L > 0 ? { kind: 'forward', shown: 1 } : { kind: 'loss' };
      active = L > 0 ? layers[0].nodeId : null;
      return true;
    }
    if (phase.kind === 'forward') {
      if (phase.shown < L) {
        phase = { kind: 'forward', shown: phase.shown + 1 };
        active = layers[phase.shown - 1].nodeId;
      } else {
        phase = { kind: 'loss' };
        active = layers[L - 1].nodeId;
      }
      return true;
    }
    return false;
  }

  function stepBackward(): boolean {
    if (phase.kind === 'ready' || phase.kind === 'updated' || phase.kind === 'forward') {
      // Finish the forward pass first (stepForward changes phase, which TS cannot see here).
      while (current().kind !== 'loss') stepForward();
    }
    if (current().kind === 'loss') {
      phase = { kind: 'backward', shown: 1 };
      active = layers[L - 1].nodeId;
      return true;
    }
    const now = current();
    if (now.kind === 'backward' && now.shown < L) {
      phase = { kind: 'backward', shown: now.shown + 1 };
      active = layers[L - phase.shown].nodeId;
      return true;
    }
    return false;
  }

  function optimizerStep(): boolean {
    // After an update, a press runs the whole next step (forward, backward, update).
    if (phase.kind === 'updated') stepForward();
    for (let p = current(); !(p.kind === 'backward' && p.shown >= L); p = current()) if (!stepBackward()) break;
    const ps = net.params;
    const stateBefore = snapshotState(optimizer);
    const before = ps.map((p) => Float64Array.from(p.param.value));
    let clip: OptimizerStepView['clip'] = null;
    const finite = net.gradsFinite();
    if (finite) {
      if (opts.clipNorm !== null) {
        const norm = clipGradNorm(net.paramList, opts.clipNorm);
        clip = { maxNorm: opts.clipNorm, norm, scale: norm > opts.clipNorm ? opts.clipNorm / norm : 1 };
      }
      optimizer.step();
      steps++;
    }
    const stateAfter = snapshotState(optimizer);
    const bc = finite ? optimizer.biasCorrection() : null;
    if (bc) {
      // Adam's bias-corrected moments, from the engine's own m, v and corrections.
      stateAfter.mHat = stateAfter.firstMoment.map((m) => m.map((v) => v / bc.c1));
      stateAfter.vHat = stateAfter.secondMoment.map((m) => m.map((v) => v / bc.c2));
    }
    const params: OptimizerParamStep[] = ps.map((p, i) => {
      const after = Float64Array.from(p.param.value);
      const update = new Float64Array(after.length);
      for (let k = 0; k < after.length; k++) update[k] = after[k] - before[i][k];
      const pick = (s: Record<string, Float64Array[]>): Record<string, Float64Array> =>
        Object.fromEntries(Object.entries(s).map(([name, bufs]) => [name, bufs[i]]));
      return {
        nodeId: p.nodeId,
        name: p.param.name,
        shape: p.param.shape,
        before: before[i],
        grad: Float64Array.from(p.param.grad),
        after,
        update,
        stateBefore: pick(stateBefore),
        state: pick(stateAfter),
      };
    });
    if (clip && clip.scale !== 1) {
      // Show the gradients the optimizer used.
      let i = 0;
      nodes = nodes.map((node) => ({ ...node, params: node.params.map((pv) => ({ ...pv, grad: params[i++].grad })) }));
    }
    lastStep = {
      type: opts.optimizer.type,
      lr,
      t: steps,
      hyper: optimizer.hyper(),
      biasCorrection: bc ? { c1: bc.c1, c2: bc.c2 } : null,
      clip,
      skipped: !finite,
      params,
    };
    phase = { kind: 'updated' };
    active = null;
    return true;
  }

  function reset(): void {
    net.copyParamsFrom(initial);
    optimizer = makeOptimizer();
    steps = 0;
    iteration = 0;
    phase = { kind: 'ready' };
    nodes = [];
    lossValue = null;
    lastStep = null;
    active = null;
  }

  function view(): StepperView {
    return {
      phase,
      iteration: phase.kind === 'ready' ? iteration + 1 : iteration,
      n: opts.n,
      loss: opts.loss,
      x: xMat,
      target: targetMat,
      nodes,
      lossValue: phase.kind === 'loss' || phase.kind === 'backward' || phase.kind === 'updated' ? lossValue : null,
      fused,
      optimizer: lastStep,
      activeNodeId: active,
    };
  }

  return { view, stepForward, stepBackward, optimizerStep, reset };
}

function snapshotState(o: Optimizer): Record<string, Float64Array[]> {
  const out: Record<string, Float64Array[]> = {};
  for (const s of o.state()) out[s.name] = s.buffers.map((b) => Float64Array.from(b));
  return out;
}
