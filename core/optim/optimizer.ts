// The optimizer base class owns step(): it walks the params and hands each tensor to the
// subclass, which implements only its update rule (tinygrad's nn/optim.py split).
import type { Param } from '../layers/layer';

export abstract class Optimizer {
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
}
