// The optimizer base class owns step(): it walks the params and hands each tensor to the
// subclass, which implements only its update rule (tinygrad's nn/optim.py split).
import type { Param } from '../layers/layer';
import type { OptimizerName } from '../train/types';

export abstract class Optimizer {
  /** Which rule this is: what the inspector and the settings call it (no instanceof needed). */
  abstract readonly name: OptimizerName;
  /** The learning rate of the next step; the trainer sets it from the schedule each epoch. */
  lr: number;
  /** Steps taken so far; during update() it is the current step, counted from 1. */
  protected t = 0;

  constructor(
    readonly params: readonly Param[],
    lr: number,
  ) {
    this.lr = lr;
  }

  step(): void {
    this.t++;
    const ps = this.params;
    for (let i = 0; i < ps.length; i++) this.update(i, ps[i].value, ps[i].grad, this.lr);
  }

  /** Applies the rule to one param tensor in place; index identifies its state buffers. */
  protected abstract update(index: number, p: Float64Array, g: Float64Array, lr: number): void;

  /** Zero-initialised state, one buffer per param, allocated once. */
  protected stateLike(): Float64Array[] {
    return this.params.map((p) => new Float64Array(p.value.length));
  }

  /** The optimizer's state per param, for the step-through inspector (empty for SGD). */
  abstract state(): { name: string; buffers: readonly Float64Array[] }[];

  /** The rule's own hyperparameters by their PyTorch names (lr aside), for the inspector. */
  hyper(): Record<string, number> {
    return {};
  }

  /** Bias corrections of the last step, for a rule that has them (Adam); null otherwise. */
  biasCorrection(): { c1: number; c2: number; t: number } | null {
    return null;
  }
}
